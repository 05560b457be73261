// The reactions under a message: one chip per emoji with its count; who reacted on hover; a click
// adds or takes back our own.
import type { ChatMessage } from '../../shared/model/message.ts';
import { showNotice } from '../components/Confirmation.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { groupReactions, toggleOwn, withinRules } from './reactionsView.ts';
import { getState } from '../store/index.ts';

/** Sends our whole set of reactions, fitted to the room's limit (XEP-0444 restrictions). */
export function reactTo(message: ChatMessage, emojis: string[]): void {
  const rules = message.groupchat ? getState().rooms[message.account]?.[message.peer]?.reactionRules : undefined;
  void call('message.react', { account: message.account, id: message.id, emojis: withinRules(rules, emojis) }).catch(
    showNotice,
  );
}

export function ReactionBar({ message }: { message: ChatMessage }) {
  const t = useT();
  const groups = groupReactions(message.reactions);
  if (groups.length === 0) return null;
  return (
    <ul className="reactions" aria-label={t('reactions.label')}>
      {groups.map((g) => {
        const who = [...(g.mine ? [t('chat.you')] : []), ...g.names].join(', ');
        return (
          <li key={g.emoji}>
            <button
              type="button"
              className={g.mine ? 'reaction mine' : 'reaction'}
              aria-pressed={g.mine}
              aria-label={t('reactions.chip', { emoji: g.emoji, count: g.count, who })}
              title={who}
              onClick={() => reactTo(message, toggleOwn(message.reactions, g.emoji))}
            >
              <span className="emoji">{g.emoji}</span> {g.count}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
