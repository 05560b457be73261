// The state of the active account's connection, with what the user can do about it.
import { useEffect, useState } from 'react';
import type { Account } from '../../shared/model/account.ts';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { openDialog } from '../store/index.ts';
import { offlineText } from './offlineText.ts';
import { wordReason } from '../errors/describeError.ts';

function useSecondsUntil(at: number | undefined): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (at === undefined) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [at]);
  return at === undefined ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

export function ConnectionBanner({ account }: { account: Account }) {
  const t = useT();
  const { state } = account;
  const seconds = useSecondsUntil(state.status === 'reconnecting' ? state.at : undefined);
  const connect = (): void => {
    void call('account.connect', { account: account.id }).catch(() => undefined);
  };
  switch (state.status) {
    case 'online':
      return null;
    case 'connecting':
      return (
        <div className="banner info" role="status">
          {t('banner.connecting')}
        </div>
      );
    case 'reconnecting': {
      const why = state.why ? wordReason(state.why, t) : state.reason;
      return (
        <div className="banner warning" role="status">
          <span>
            {seconds > 0
              ? t('banner.reconnecting', { reason: why, seconds })
              : t('banner.reconnectingNow', { reason: why })}
          </span>
          <button type="button" onClick={connect}>
            {t('banner.retry')}
          </button>
        </div>
      );
    }
    case 'authFailed':
      return (
        <div className="banner error" role="alert">
          <span>{t('banner.authFailed', { message: state.message })}</span>
          <button type="button" onClick={() => openDialog({ kind: 'password', account: account.id })}>
            {t('banner.fixPassword')}
          </button>
        </div>
      );
    case 'certificateUntrusted':
      return (
        <div className="banner error" role="alert">
          <span>{state.previousFingerprint ? t('cert.changedTitle') : t('banner.certificate')}</span>
          <button type="button" onClick={() => openDialog({ kind: 'certificate', account: account.id })}>
            {t('banner.reviewCertificate')}
          </button>
        </div>
      );
    case 'offline': {
      const why = offlineText(state, t);
      return (
        <div className={state.code ? 'banner error' : 'banner info'} role={state.code ? 'alert' : 'status'}>
          <span>{why ? t('banner.offlineReason', { reason: why }) : t('banner.offline')}</span>
          <button type="button" onClick={connect}>
            {t('banner.connect')}
          </button>
        </div>
      );
    }
  }
}
