// The open conversation: who (and on which devices), the messages, and the composer.
import type { Account } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { Avatar } from '../components/Avatar.tsx';
import { PresenceDot } from '../components/PresenceDot.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { addContact } from '../store/actions.ts';
import { displayName } from '../roster/rosterView.ts';
import { chatKey, EMPTY_LOG } from '../store/chats.ts';
import { openDialog, setState, useAppStore } from '../store/index.ts';
import { DropSection } from '../files/DropSection.tsx';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { EncryptionNotice, OtrBanner } from '../omemo/EncryptionControl.tsx';
import { EncryptionPicker } from '../omemo/EncryptionPicker.tsx';
import { MuteControl } from '../notify/MuteControl.tsx';
import { LastSeenNote } from './LastSeenNote.tsx';
import { SpeakingAs } from './SpeakingAs.tsx';
import { CallButtons } from '../calls/CallButtons.tsx';

export function ChatPane({ account, peer }: { account: Account; peer: BareJid }) {
  const t = useT();
  const item = useAppStore((s) => s.roster[account.id]?.find((i) => i.jid === peer));
  const connected = account.state.status === 'online';
  const presence = useAppStore((s) => (connected ? s.presence[account.id]?.[peer] : undefined));
  const log = useAppStore((s) => s.chats[chatKey(account.id, peer)]) ?? EMPTY_LOG;
  const name = displayName(item ?? { jid: peer, name: '' });
  const resources = presence?.resources ?? [];
  const typing = useAppStore((s) => s.typing[chatKey(account.id, peer)] !== undefined);
  const archive = useAppStore((s) => s.archive[account.id]);
  const blocked = useAppStore((s) => s.blocked[account.id]?.includes(peer) === true);
  const privateInRoom = peer.includes('/');
  const stranger = !privateInRoom && (!item || (item.subscription === 'none' && !item.pendingOut));
  return (
    <DropSection account={account.id} peer={peer} name={name} className="chat">
      <header className="chat-header">
        <button
          type="button"
          className="icon-button back"
          aria-label={t('chat.back')}
          onClick={() => setState({ openChat: undefined })}
        >
          ←
        </button>
        <Avatar jid={peer} name={name} size={40} />
        <div className="chat-title">
          <h2>{name}</h2>
          <span className="muted chat-jid">{peer}</span>
          <SpeakingAs account={account} />
          <ul className="resources" aria-label={t('chat.resources')}>
            {resources.length === 0 ? (
              <li className="muted">
                {t('chat.noResources')}{' '}
                {item && (item.subscription === 'to' || item.subscription === 'both') ? (
                  <LastSeenNote account={account.id} peer={peer} />
                ) : null}
              </li>
            ) : (
              resources.map((r) => (
                <li key={r.resource}>
                  <PresenceDot show={r.show} />
                  <span className="resource-name">{r.resource}</span>
                  {r.status ? <span className="resource-status">— {r.status}</span> : null}
                  {r.idleSince !== undefined ? (
                    <span className="resource-status">
                      {' '}
                      ({t('chat.idleFor', { minutes: Math.max(1, Math.round((Date.now() - r.idleSince) / 60_000)) })})
                    </span>
                  ) : null}
                </li>
              ))
            )}
          </ul>
        </div>
        {privateInRoom || !connected ? null : <CallButtons account={account.id} peer={peer} name={name} />}
        <MuteControl account={account.id} peer={peer} />
        {privateInRoom ? null : <EncryptionPicker account={account.id} peer={peer} />}
        {item ? (
          <button
            type="button"
            className="icon-button"
            aria-label={t('chat.edit')}
            title={t('chat.edit')}
            onClick={() => openDialog({ kind: 'contactCard', account: account.id, jid: peer })}
          >
            ⋯
          </button>
        ) : null}
      </header>
      {privateInRoom ? null : <EncryptionNotice account={account.id} peer={peer} />}
      {privateInRoom ? null : <OtrBanner account={account.id} peer={peer} name={name} />}
      {stranger && !blocked ? (
        <div className="banner info stranger" role="region" aria-label={t('roster.strangers')}>
          <span>{t('chat.strangerNotice', { jid: peer })}</span>
          <button type="button" onClick={() => void addContact(account.id, peer, '', [])}>
            {t('roster.addStranger')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => void call('blocklist.block', { account: account.id, jid: peer })}
          >
            {t('chat.block')}
          </button>
        </div>
      ) : null}
      {archive?.status === 'incomplete' ? (
        <div className="banner warning" role="status">
          <span>{t('chat.gap')}</span>
          <button
            type="button"
            onClick={() => void call('archive.catchUp', { account: account.id }).catch(() => undefined)}
          >
            {t('chat.fillGap')}
          </button>
        </div>
      ) : null}
      <MessageList key={peer} account={account.id} peer={peer} log={log} peerName={name} ownJid={account.jid} />
      {typing ? (
        <p className="typing" role="status">
          {t('chat.typing', { name })}
        </p>
      ) : null}
      <Composer key={`composer ${peer}`} account={account.id} peer={peer} peerName={name} />
    </DropSection>
  );
}
