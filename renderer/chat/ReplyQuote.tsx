// Above a reply: the message it answers (its author and first line); a click jumps to it, loading
// older pages when needed. When that message is not here, the quote its sender sent along is shown.
import type { ChatMessage } from '../../shared/model/message.ts';
import { useT } from '../i18n/useT.ts';
import { chatKey } from '../store/chats.ts';
import { setState, useAppStore } from '../store/index.ts';

export const isReferencedBy = (candidate: ChatMessage, id: string): boolean =>
  candidate.groupchat ? candidate.stanzaId === id : candidate.originId === id || candidate.id === id;

export function ReplyQuote({ message, peerName }: { message: ChatMessage; peerName: string }) {
  const t = useT();
  const reply = message.replyTo;
  const target = useAppStore((s) =>
    reply
      ? s.chats[chatKey(message.account, message.peer)]?.messages.find((m) => isReferencedBy(m, reply.id))
      : undefined,
  );
  if (!reply) return null;
  const author = target ? (target.direction === 'out' ? t('chat.you') : target.groupchat ? target.from : peerName) : '';
  const text = target ? (target.retracted ? t('chat.retracted') : target.body) : (reply.quote ?? '');
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return (
    <button
      type="button"
      className="reply-quote"
      aria-label={t('reply.jump', { author: author || t('reply.earlier') })}
      onClick={() =>
        setState({ jumpTo: { account: message.account, peer: message.peer, ref: reply.id, at: Date.now() } })
      }
    >
      {author ? <span className="reply-author">{author}</span> : null}
      <span className="reply-text">{line.replace(/^>\s?/u, '')}</span>
    </button>
  );
}
