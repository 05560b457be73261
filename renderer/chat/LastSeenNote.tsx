// For a contact with no online device: when they were last online, asked of their server (XEP-0012).
import { useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { lastSeen } from './lastSeen.ts';
import { useAppStore } from '../store/index.ts';

export function LastSeenNote({ account, peer }: { account: AccountId; peer: BareJid }) {
  const t = useT();
  const [seconds, setSeconds] = useState<number>();
  // Asked once we are online (a chat opened while connecting asks when the connection is up).
  const online = useAppStore((s) => s.accounts.find((a) => a.id === account)?.state.status === 'online');
  useEffect(() => {
    if (!online) return;
    let live = true;
    call('presence.lastActivity', { account, jid: peer }).then(
      (answer) => live && setSeconds(answer.seconds),
      () => undefined, // the server or the contact does not tell: nothing is shown
    );
    return () => {
      live = false;
    };
  }, [account, peer, online]);
  if (seconds === undefined) return null;
  const seen = lastSeen(seconds);
  return (
    <span className="resource-status">
      {seen.unit === 'justNow' ? t('chat.lastSeenJustNow') : t(`chat.lastSeen.${seen.unit}`, { count: seen.count })}
    </span>
  );
}
