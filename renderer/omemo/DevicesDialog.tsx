// A chat's encryption dialog: OMEMO fingerprints and trust (this device's with a QR code, the contact's
// devices and our other ones; verify, distrust, or verify what a scanned xmpp: link vouches for) and,
// beside them, the OpenPGP keys.
import { useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { DeviceTrust, OmemoDevice } from '../../shared/model/omemo.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { formatFullDate } from '../lib/format.ts';
import { displayName } from '../roster/rosterView.ts';
import { chatKey } from '../store/chats.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { loadOmemoState, loadOwnDevice } from '../store/omemo.ts';
import { LockIcon } from './LockIcon.tsx';
import { QrCode } from './QrCode.tsx';
import { OpenPgpSection } from './OpenPgpSection.tsx';
import { TrustButtons } from './TrustButtons.tsx';
import { askConfirm, showNotice } from '../components/Confirmation.tsx';

const DAY_MS = 86_400_000;
/** A device quiet for longer than this is pointed out (a lost or old one, for the user to remove). */
const QUIET_DAYS = 30;

function DeviceItem({
  account,
  device,
  own,
  onChanged,
}: {
  account: AccountId;
  device: OmemoDevice;
  /** One of our other devices: it can be removed from our lists. */
  own: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const language = useAppStore((s) => s.settings.language);
  const set = (trust: DeviceTrust): void => {
    const sure =
      trust === 'verified'
        ? askConfirm(t('omemo.confirmVerify', { fingerprint: device.fingerprint ?? '' }), t('omemo.verify'))
        : Promise.resolve(true);
    void sure.then(async (ok) => {
      if (ok)
        await call('omemo.setTrust', { account, jid: device.jid, device: device.id, trust }).then(
          onChanged,
          showNotice,
        );
    });
  };
  const remove = (): void => {
    void askConfirm(t('omemo.confirmRemove', { id: device.id }), t('omemo.remove')).then(async (ok) => {
      if (ok) await call('omemo.removeDevice', { account, device: device.id }).then(onChanged, showNotice);
    });
  };
  const quietDays = Math.floor((Date.now() - (device.lastSeen ?? device.firstSeen)) / DAY_MS);
  return (
    <li
      className={`omemo-device trust-${device.trust}${device.active ? '' : ' inactive'}`}
      aria-label={t('omemo.device', { id: device.id })}
    >
      <div className="omemo-device-head">
        <span>
          <strong>{t('omemo.device', { id: device.id })}</strong> <span className="muted">{device.jid}</span>{' '}
          {device.versions.map((v) => (
            <span key={v} className={`omemo-version-chip version-${v}`}>
              {t(`omemo.version.${v}`)}
            </span>
          ))}
        </span>
        <span className="trust-label">
          <LockIcon closed={device.trust === 'verified' || device.trust === 'blind'} />
          {t(`omemo.trust.${device.trust}`)}
        </span>
      </div>
      {device.fingerprint ? (
        <code className="fingerprint">{device.fingerprint}</code>
      ) : (
        <span className="muted">{t('omemo.noKey')}</span>
      )}
      {device.fingerprint2 ? (
        <span className="fingerprint2">
          <span className="muted">{t('omemo.fingerprint2')}</span>
          <code className="fingerprint">{device.fingerprint2}</code>
        </span>
      ) : null}
      <div className="muted omemo-device-meta">
        {device.lastSeen ? (
          <span>{t('omemo.lastSeen', { time: formatFullDate(device.lastSeen, language) })}</span>
        ) : null}
        {device.active && quietDays >= QUIET_DAYS ? <span>{t('omemo.notSeenFor', { days: quietDays })}</span> : null}
        {device.active ? null : <span>{t('omemo.inactive')}</span>}
      </div>
      <div className="omemo-device-actions">
        {device.fingerprint ? <TrustButtons trust={device.trust} onSet={set} /> : null}
        {own && device.active ? (
          <button type="button" className="danger" onClick={remove}>
            {t('omemo.remove')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

export function DevicesDialog({ account, peer }: { account: AccountId; peer: BareJid }) {
  const t = useT();
  const item = useAppStore((s) => s.roster[account]?.find((i) => i.jid === peer));
  const name = displayName(item ?? { jid: peer, name: '' });
  const state = useAppStore((s) => s.omemo[chatKey(account, peer)]);
  const own = useAppStore((s) => s.ownDevices[account]);
  const [uri, setUri] = useState('');
  const [result, setResult] = useState<{ error?: string; done?: string }>({});
  const reload = (): void => {
    void loadOmemoState(account, peer).catch(() => undefined);
  };
  useEffect(() => {
    void loadOwnDevice(account).catch(() => undefined);
    void loadOmemoState(account, peer, true).catch(() => undefined);
  }, [account, peer]);
  // A contact's devices, or in a room every member's.
  const theirs = (state?.devices ?? []).filter((d) => d.jid !== account);
  const ours = (state?.devices ?? []).filter((d) => d.jid === account);
  const verifyUri = async (): Promise<void> => {
    try {
      const { verified } = await call('omemo.verifyUri', { account, uri: uri.trim() });
      setResult({ done: t('omemo.verifiedCount', { count: verified }) });
      reload();
    } catch (error) {
      setResult({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <Dialog title={t('encryption.title', { name })} onClose={() => openDialog(undefined)} wide>
      <div className="omemo-dialog">
        <section aria-label={t('omemo.ownDevice')}>
          <h3>{t('omemo.ownDevice')}</h3>
          {own ? (
            <div className="own-device">
              <QrCode text={own.uri} label={t('omemo.qr')} />
              <div>
                <p>{t('omemo.device', { id: own.id })}</p>
                <code className="fingerprint">{own.fingerprint}</code>
                <span className="fingerprint2">
                  <span className="muted">{t('omemo.fingerprint2')}</span>
                  <code className="fingerprint">{own.fingerprint2}</code>
                </span>
                <p className="muted">{t('omemo.ownDeviceHint')}</p>
              </div>
            </div>
          ) : (
            <p className="muted">{t('omemo.noDevices')}</p>
          )}
        </section>
        <section aria-label={t('omemo.otherDevices')}>
          <h3>{peer === account ? t('omemo.ownOtherDevices') : name}</h3>
          {theirs.length === 0 ? (
            <p className="muted">{t('omemo.noDevices')}</p>
          ) : (
            <ul className="omemo-devices">
              {theirs.map((d) => (
                <DeviceItem
                  key={`${d.jid} ${d.id}`}
                  account={account}
                  device={d}
                  own={peer === account}
                  onChanged={reload}
                />
              ))}
            </ul>
          )}
        </section>
        {peer !== account && ours.length > 0 ? (
          <section aria-label={t('omemo.ownOtherDevices')}>
            <h3>{t('omemo.ownOtherDevices')}</h3>
            <ul className="omemo-devices">
              {ours.map((d) => (
                <DeviceItem key={`${d.jid} ${d.id}`} account={account} device={d} own onChanged={reload} />
              ))}
            </ul>
          </section>
        ) : null}
        <OpenPgpSection account={account} peer={peer} name={name} />
        <form
          className="verify-uri"
          onSubmit={(e) => {
            e.preventDefault();
            void verifyUri();
          }}
        >
          <label>
            {t('omemo.scanUri')}
            <input value={uri} onChange={(e) => setUri(e.target.value)} placeholder="xmpp:…?omemo-sid-…" />
          </label>
          <button type="submit" disabled={!uri.trim()}>
            {t('omemo.verifyUri')}
          </button>
          {result.error ? (
            <ErrorText message={result.error} />
          ) : result.done ? (
            <p role="status">{result.done}</p>
          ) : null}
        </form>
      </div>
    </Dialog>
  );
}
