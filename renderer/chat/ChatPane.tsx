// The open conversation: who (and on which devices), the messages, and the composer.
import type { Account } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { Avatar } from '../components/Avatar.tsx';
import { PresenceDot } from '../components/PresenceDot.tsx';
import { useT } from '../i18n/useT.ts';
import { displayName } from '../roster/rosterView.ts';
import { chatKey, EMPTY_LOG } from '../store/chats.ts';
import { openDialog, setState, useAppStore } from '../store/index.ts';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';

export function ChatPane({ account, peer }: { account: Account; peer: BareJid }) {
  const t = useT();
  const item = useAppStore((s) => s.roster[account.id]?.find((i) => i.jid === peer));
  const presence = useAppStore((s) => s.presence[account.id]?.[peer]);
  const log = useAppStore((s) => s.chats[chatKey(account.id, peer)]) ?? EMPTY_LOG;
  const name = displayName(item ?? { jid: peer, name: '' });
  const resources = presence?.resources ?? [];
  return (
    <section className="chat" aria-label={name}>
      <header className="chat-header">
        <button type="button" className="icon-button back" aria-label={t('chat.back')} onClick={() => setState({ openChat: undefined })}>←</button>
        <Avatar jid={peer} name={name} size={40} />
        <div className="chat-title">
          <h2>{name}</h2>
          <span className="muted chat-jid">{peer}</span>
          <ul className="resources" aria-label={t('chat.resources')}>
            {resources.length === 0 ? <li className="muted">{t('chat.noResources')}</li> : resources.map((r) => (
              <li key={r.resource}>
                <PresenceDot show={r.show} /><span className="resource-name">{r.resource}</span>
                {r.status ? <span className="resource-status">— {r.status}</span> : null}
              </li>
            ))}
          </ul>
        </div>
        {item ? <button type="button" className="icon-button" aria-label={t('chat.edit')} title={t('chat.edit')} onClick={() => openDialog({ kind: 'editContact', jid: peer })}>⋯</button> : null}
      </header>
      <MessageList key={peer} account={account.id} peer={peer} log={log} peerName={name} ownJid={account.jid} />
      <Composer key={`composer ${peer}`} account={account.id} peer={peer} peerName={name} />
    </section>
  );
}
