// A chat's encryption, chosen in its header: OMEMO, OpenPGP (XEP-0374), legacy OpenPGP (XEP-0027) or none.
// The padlock says which; a protocol without a known key of the contact says so in the menu.
import { useEffect } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { CHAT_PROTOCOLS, type ChatProtocol } from '../../shared/model/openpgp.ts';
import { PopupMenu } from '../components/PopupMenu.tsx';
import { showNotice } from '../components/Confirmation.tsx';
import { useT } from '../i18n/useT.ts';
import { chatKey } from '../store/chats.ts';
import { chooseEncryption, loadEncryption } from '../store/encryption.ts';
import { useAppStore } from '../store/index.ts';
import { DevicesButton } from './EncryptionControl.tsx';
import { loadOmemoState } from '../store/omemo.ts';
import { LockIcon } from './LockIcon.tsx';

export function EncryptionPicker({ account, peer }: { account: AccountId; peer: BareJid }) {
  const t = useT();
  const key = chatKey(account, peer);
  const state = useAppStore((s) => s.encryption[key]);
  const omemo = useAppStore((s) => s.omemo[key]);
  const online = useAppStore((s) => s.accounts.find((a) => a.id === account)?.state.status === 'online');
  useEffect(() => {
    void loadOmemoState(account, peer, online).catch(() => undefined);
    void loadEncryption(account, peer).catch(() => undefined);
  }, [account, peer, online]);
  const effective: ChatProtocol = state?.effective ?? (omemo?.enabled ? 'omemo' : 'none');
  const known: Record<ChatProtocol, boolean> = {
    omemo: omemo?.devices.some((d) => d.jid === peer && d.active) === true,
    openpgp: state?.openpgpAvailable === true,
    'openpgp-legacy': state?.legacyKey !== undefined || state?.openpgpAvailable === true,
    none: true,
  };
  const name = (protocol: ChatProtocol): string => t(`encryption.${protocol}`);
  const label = effective === 'none' ? t('omemo.off') : t('encryption.choose', { protocol: name(effective) });
  const broken = effective === 'omemo' && omemo?.usable === false;
  return (
    <>
      <PopupMenu
        label={label}
        className={`icon-button lock protocol-picker${effective === 'none' ? '' : ' on'}${broken ? ' broken' : ''}`}
        entries={CHAT_PROTOCOLS.map((protocol) => ({
          label: `${protocol === effective ? '✓ ' : ''}${known[protocol] ? name(protocol) : t('encryption.noKey', { protocol: name(protocol) })}`,
          onSelect: () => void chooseEncryption(account, peer, protocol).catch(showNotice),
        }))}
      >
        <LockIcon closed={effective !== 'none'} size={18} />
        {effective === 'none' ? null : (
          <span className="protocol-name" aria-hidden="true">
            {effective === 'omemo' ? 'OMEMO' : effective === 'openpgp' ? 'PGP' : 'PGP·0027'}
          </span>
        )}
      </PopupMenu>
      <DevicesButton peer={peer} />
    </>
  );
}
