// What can be done with a message, on hover, from the keyboard (its ⋯ button) and on right-click:
// reply, react, copy, quote, edit and retract our own, remove as a moderator, details.
import type { ChatMessage } from '../../shared/model/message.ts';
import { askConfirm, showNotice } from '../components/Confirmation.tsx';
import { type MenuEntry, PopupMenu } from '../components/PopupMenu.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { openDialog, setState, useAppStore } from '../store/index.ts';
import { useState } from 'react';
import { EmojiPicker } from '../emoji/EmojiPicker.tsx';
import { reactTo } from './ReactionBar.tsx';
import { reactionChoices, toggleOwn } from './reactionsView.ts';

export function MessageActions({
  message,
  canModerate,
  openSignal,
}: {
  message: ChatMessage;
  canModerate: boolean;
  openSignal: number;
}) {
  const t = useT();
  const [picking, setPicking] = useState(false);
  const rules = useAppStore((s) =>
    message.groupchat ? s.rooms[message.account]?.[message.peer]?.reactionRules : undefined,
  );
  const choices = reactionChoices(rules);
  const own = message.direction === 'out';
  const answerable = !message.retracted && (!message.groupchat || message.stanzaId !== undefined);
  const reply = (): void => setState({ replyingTo: { account: message.account, peer: message.peer, id: message.id } });
  const quote = (): void =>
    setState({
      composerDraft: {
        account: message.account,
        peer: message.peer,
        text: `${message.body
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n')}\n`,
        append: true,
      },
    });
  const entries: MenuEntry[] = [
    ...(answerable ? [{ label: t('message.reply'), onSelect: reply }] : []),
    ...(answerable
      ? choices.map((emoji) => ({
          label: t('message.reactWith', { emoji }),
          onSelect: () => reactTo(message, toggleOwn(message.reactions, emoji)),
        }))
      : []),
    ...(answerable && !rules?.allowlist ? [{ label: t('message.reactMore'), onSelect: () => setPicking(true) }] : []),
    ...(message.body && !message.retracted
      ? [
          {
            label: t('message.copy'),
            onSelect: () => void navigator.clipboard.writeText(message.body).catch(() => undefined),
          },
          { label: t('message.quote'), onSelect: quote },
        ]
      : []),
    ...(own && !message.retracted && message.state !== 'queued'
      ? [
          {
            label: t('chat.retract'),
            danger: true,
            onSelect: () =>
              void askConfirm(t('chat.confirmRetract'), t('chat.retractConfirm')).then(async (ok) => {
                if (ok) await call('chat.retract', { account: message.account, id: message.id }).catch(showNotice);
              }),
          },
        ]
      : []),
    ...(!own && canModerate && message.groupchat && message.stanzaId && !message.retracted
      ? [
          {
            label: t('chat.moderate'),
            danger: true,
            onSelect: () =>
              void askConfirm(t('chat.confirmModerate'), t('chat.moderateConfirm')).then(async (ok) => {
                if (ok)
                  await call('muc.moderate', {
                    account: message.account,
                    room: message.peer,
                    stanzaId: message.stanzaId ?? '',
                  }).catch(showNotice);
              }),
          },
        ]
      : []),
    { label: t('message.details'), onSelect: () => openDialog({ kind: 'messageDetails', message }) },
  ];
  return (
    <div className="message-actions">
      {answerable ? (
        <>
          {choices.includes('👍') ? (
            <button
              type="button"
              className="message-action"
              aria-label={t('message.reactWith', { emoji: '👍' })}
              title={t('message.reactWith', { emoji: '👍' })}
              onClick={() => reactTo(message, toggleOwn(message.reactions, '👍'))}
            >
              <span className="emoji-text">👍</span>
            </button>
          ) : null}
          <button
            type="button"
            className="message-action"
            aria-label={t('message.reply')}
            title={t('message.reply')}
            onClick={reply}
          >
            ↩
          </button>
        </>
      ) : null}
      {picking ? (
        <span className="emoji-anchor">
          <EmojiPicker
            onPick={(emoji) => {
              setPicking(false);
              reactTo(message, toggleOwn(message.reactions, emoji));
            }}
            onClose={() => setPicking(false)}
          />
        </span>
      ) : null}
      <PopupMenu label={t('message.more')} entries={entries} openSignal={openSignal} className="message-action">
        ⋯
      </PopupMenu>
    </div>
  );
}
