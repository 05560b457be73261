// The OpenPGP half of a chat's encryption dialog: our key, the contact's announced keys with their trust
// (verify, distrust, trust without verifying), the key legacy messages go to, and importing a key of
// theirs by hand for legacy OpenPGP. Rooms say why OpenPGP is not offered there.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import {
  formatPgpFingerprint,
  type KeyTrust,
  type OpenPgpKey,
  type OwnOpenPgpKey,
} from '../../shared/model/openpgp.ts';
import { askConfirm, showNotice } from '../components/Confirmation.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { StatusNotice } from '../components/StatusNotice.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { chatKey } from '../store/chats.ts';
import { loadEncryption } from '../store/encryption.ts';
import { useAppStore } from '../store/index.ts';
import { LockIcon } from './LockIcon.tsx';
import { TrustButtons } from './TrustButtons.tsx';

function KeyItem({ account, item, onChanged }: { account: AccountId; item: OpenPgpKey; onChanged: () => void }) {
  const t = useT();
  const fingerprint = formatPgpFingerprint(item.fingerprint);
  const set = (trust: KeyTrust): void => {
    const sure =
      trust === 'verified'
        ? askConfirm(t('omemo.confirmVerify', { fingerprint }), t('omemo.verify'))
        : Promise.resolve(true);
    void sure.then(async (ok) => {
      if (ok)
        await call('openpgp.setTrust', { account, jid: item.jid, fingerprint: item.fingerprint, trust }).then(
          onChanged,
          showNotice,
        );
    });
  };
  return (
    <li
      className={`omemo-device trust-${item.trust}${item.active ? '' : ' inactive'}`}
      aria-label={t('openpgp.key', { fingerprint: item.fingerprint.slice(-8) })}
    >
      <div className="omemo-device-head">
        <strong>{t('openpgp.key', { fingerprint: item.fingerprint.slice(-8) })}</strong>
        <span className="trust-label">
          <LockIcon closed={item.trust === 'verified' || item.trust === 'blind'} />
          {t(`omemo.trust.${item.trust}`)}
        </span>
      </div>
      <code className="fingerprint">{fingerprint}</code>
      {item.active ? null : <div className="muted">{t('openpgp.inactive')}</div>}
      <TrustButtons trust={item.trust} onSet={set} />
    </li>
  );
}

export function OpenPgpSection({ account, peer, name }: { account: AccountId; peer: BareJid; name: string }) {
  const t = useT();
  const room = useAppStore((s) => s.rooms[account]?.[peer] !== undefined);
  const legacyKey = useAppStore((s) => s.encryption[chatKey(account, peer)]?.legacyKey);
  const [own, setOwn] = useState<OwnOpenPgpKey | null>(null);
  const [keys, setKeys] = useState<OpenPgpKey[]>([]);
  const [armored, setArmored] = useState('');
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(
    (refresh = false): void => {
      void call('openpgp.keys', { account, jid: peer, refresh }).then(setKeys, () => undefined);
      void loadEncryption(account, peer).catch(() => undefined);
    },
    [account, peer],
  );
  useEffect(() => {
    if (room) return;
    void call('openpgp.ownKey', { account }).then(setOwn, () => undefined);
    reload(true);
  }, [account, room, reload]);
  if (room)
    return (
      <section aria-label={t('openpgp.section')}>
        <h3>{t('openpgp.section')}</h3>
        <p className="muted">{t('encryption.notInRooms')}</p>
      </section>
    );
  const importKey = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    try {
      const { fingerprint } = await call('openpgp.importContactKey', { account, jid: peer, armored });
      setNotice(t('openpgp.imported', { fingerprint: formatPgpFingerprint(fingerprint) }));
      setArmored('');
      reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-label={t('openpgp.section')}>
      <h3>{t('openpgp.section')}</h3>
      <p>{t('openpgp.ownKey')}</p>
      {own ? (
        <code className="fingerprint">{formatPgpFingerprint(own.fingerprint)}</code>
      ) : (
        <p className="muted">{t('openpgp.noOwnKey')}</p>
      )}
      <h4>{t('openpgp.theirKeys', { name })}</h4>
      {keys.length === 0 ? (
        <p className="muted">{t('openpgp.noKeys')}</p>
      ) : (
        <ul className="omemo-devices" aria-label={t('openpgp.theirKeys', { name })}>
          {keys.map((k) => (
            <KeyItem key={k.fingerprint} account={account} item={k} onChanged={() => reload()} />
          ))}
        </ul>
      )}
      {legacyKey ? (
        <p className="muted">{t('openpgp.legacyKey', { fingerprint: formatPgpFingerprint(legacyKey) })}</p>
      ) : null}
      <details>
        <summary>{t('openpgp.importContact')}</summary>
        <form className="dialog-form" onSubmit={(e) => void importKey(e)}>
          <label className="field">
            <span>{t('openpgp.importContactHint')}</span>
            <textarea rows={4} value={armored} onChange={(e) => setArmored(e.target.value)} spellCheck={false} />
          </label>
          <ErrorText message={error} />
          <StatusNotice text={notice} />
          <div className="actions">
            <button type="submit" disabled={!armored.trim()}>
              {t('openpgp.import')}
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}
