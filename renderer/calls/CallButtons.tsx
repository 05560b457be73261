// The chat header's call buttons: shown only when a device of the contact takes Jingle RTP calls with DTLS
// (its capabilities say so), as Conversations requires of the devices it calls.
import { useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { bridge, call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../store/index.ts';
import { useCallStore } from './callStore.ts';
import { ErrorText } from '../components/ErrorText.tsx';

export function CallButtons({ account, peer, name }: { account: AccountId; peer: BareJid; name: string }) {
  const t = useT();
  const resources = useAppStore((s) => s.presence[account]?.[peer]?.resources);
  const busy = useCallStore((s) => Object.values(s.calls).some((v) => v.call.phase !== 'ended'));
  const [can, setCan] = useState({ audio: false, video: false });
  // A call that could not be started says why (not connected, another call runs) instead of doing nothing.
  // Kept with the chat it came from: another chat opened in this header does not show it.
  const [refused, setRefused] = useState<{ chat: string; error: unknown }>();
  const chat = `${account} ${peer}`;
  const failure = refused?.chat === chat ? refused.error : undefined;
  useEffect(() => {
    let live = true;
    const ask = (): void =>
      void call('call.capabilities', { account, peer })
        .then((c) => live && setCan(c))
        .catch(() => undefined);
    ask();
    // A new client's capabilities are learnt after its presence (one disco#info): ask again when they are.
    const off = bridge.on('caps.learnt', (e) => {
      if (e.account === account && e.jids.includes(peer)) ask();
    });
    return () => {
      live = false;
      off();
    };
  }, [account, peer, resources]);
  const start = (video: boolean): void => {
    setRefused(undefined);
    call('call.start', { account, peer, video }).catch((error: unknown) => setRefused({ chat, error }));
  };
  if (!can.audio && !can.video && failure === undefined) return null;
  return (
    <span className="call-buttons">
      {can.audio ? (
        <button
          type="button"
          className="icon-button"
          disabled={busy}
          aria-label={t('call.startAudio', { name })}
          title={t('call.audio')}
          onClick={() => start(false)}
        >
          📞
        </button>
      ) : null}
      {can.video ? (
        <button
          type="button"
          className="icon-button"
          disabled={busy}
          aria-label={t('call.startVideo', { name })}
          title={t('call.video')}
          onClick={() => start(true)}
        >
          🎥
        </button>
      ) : null}
      {failure === undefined ? null : (
        <div className="call-start-failure">
          <ErrorText message={failure} />
          <button
            type="button"
            className="icon-button"
            aria-label={t('dialog.close')}
            onClick={() => setRefused(undefined)}
          >
            ✕
          </button>
        </div>
      )}
    </span>
  );
}
