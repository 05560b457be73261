// The chat header's padlock: whether this chat is encrypted, a switch, and why it cannot be when it cannot.
import { useEffect } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { chatKey } from '../store/chats.ts';
import { openDialog, setState, useAppStore } from '../store/index.ts';
import { loadOmemoState, withOmemoState } from '../store/omemo.ts';
import { LockIcon } from './LockIcon.tsx';

/** `room`: shown only where a room can be encrypted (members-only, real JIDs visible). */
export function EncryptionButton({
  account,
  peer,
  room = false,
}: {
  account: AccountId;
  peer: BareJid;
  room?: boolean;
}) {
  const t = useT();
  const state = useAppStore((s) => s.omemo[chatKey(account, peer)]);
  const online = useAppStore((s) => s.accounts.find((a) => a.id === account)?.state.status === 'online');
  useEffect(() => {
    void loadOmemoState(account, peer, online).catch(() => undefined);
  }, [account, peer, online]);
  const enabled = state?.enabled === true;
  if (room && (!state || (!state.enabled && !state.usable))) return null;
  const toggle = async (): Promise<void> => {
    const next = await call('omemo.setEnabled', { account, peer, enabled: !enabled });
    setState((s) => ({ omemo: withOmemoState(s.omemo, account, next) }));
  };
  return (
    <>
      <button
        type="button"
        className={`icon-button lock${enabled ? ' on' : ''}${enabled && state.usable === false ? ' broken' : ''}`}
        aria-pressed={enabled}
        aria-label={enabled ? t('omemo.turnOff') : t('omemo.turnOn')}
        title={enabled ? t('omemo.on') : t('omemo.off')}
        onClick={() => void toggle().catch(() => undefined)}
      >
        <LockIcon closed={enabled} size={18} />
      </button>
      <DevicesButton peer={peer} />
    </>
  );
}

/** Opens the chat's (or room's) encryption dialog: devices and keys, fingerprints and trust. */
export function DevicesButton({ peer }: { peer: BareJid }) {
  const t = useT();
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={t('omemo.devices')}
      title={t('omemo.devices')}
      onClick={() => openDialog({ kind: 'omemoDevices', peer })}
    >
      <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true">
        <path
          d="M8 1.5 2.5 3.5v4c0 3.3 2.3 5.9 5.5 7 3.2-1.1 5.5-3.7 5.5-7v-4L8 1.5Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  );
}

/** Under the header: encryption is on but cannot work, or new devices wait for a decision. */
export function EncryptionNotice({ account, peer }: { account: AccountId; peer: BareJid }) {
  const t = useT();
  const state = useAppStore((s) => s.omemo[chatKey(account, peer)]);
  const chosen = useAppStore((s) => s.encryption[chatKey(account, peer)]);
  if (chosen?.effective === 'openpgp' && chosen.openpgpUndecided > 0)
    return (
      <div className="banner info" role="status">
        <span>{t('openpgp.newKey')}</span>
        <button type="button" onClick={() => openDialog({ kind: 'omemoDevices', peer })}>
          {t('omemo.review')}
        </button>
      </div>
    );
  if (!state?.enabled) return null;
  if (!state.usable)
    return (
      <div className="banner warning" role="alert">
        {t('omemo.unavailable', { reason: state.reason ?? '' })}
      </div>
    );
  if (state.undecided === 0) return null;
  return (
    <div className="banner info" role="status">
      <span>{t('omemo.newDevices', { count: state.undecided })}</span>
      <button type="button" onClick={() => openDialog({ kind: 'omemoDevices', peer })}>
        {t('omemo.review')}
      </button>
    </div>
  );
}

/** The contact's client speaks OTR (a message of theirs said so): this app does not; OMEMO is suggested. */
export function OtrBanner({ account, peer, name }: { account: AccountId; peer: BareJid; name: string }) {
  const t = useT();
  const otr = useAppStore(
    (s) => s.chats[chatKey(account, peer)]?.messages.some((m) => m.encryption?.protocol === 'otr') === true,
  );
  if (!otr) return null;
  return (
    <div className="banner info" role="status">
      {t('otr.banner', { name })}
    </div>
  );
}
