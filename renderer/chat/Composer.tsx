// Enter sends, Shift+Enter starts a new line; the box grows with its text up to a limit.
import { type ClipboardEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { ErrorText } from '../components/ErrorText.tsx';
import { namePasted, uploadFiles } from '../files/transfers.ts';
import { UploadList } from '../files/UploadList.tsx';
import { PaperclipIcon } from '../files/FileIcon.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { sendMessage } from '../store/actions.ts';
import { chatKey } from '../store/chats.ts';
import { getState, setState, useAppStore } from '../store/index.ts';
import { storedDraft, useDraft } from './useDraft.ts';
import { type Completion, completeNick } from './nickCompletion.ts';
import { useEmojiInput } from '../emoji/useEmojiInput.tsx';

const PAUSED_AFTER_MS = 5000;

/** Tells the peer we are typing, and that we stopped (XEP-0085), without a message per key. */
function useTypingNotifications(account: AccountId, peer: BareJid): { typed(): void; done(): void } {
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const set = (state: 'composing' | 'paused' | 'active'): void => {
    void call('chat.setChatState', { account, peer, state }).catch(() => undefined);
  };
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (composing.current) set('active');
    },
    [account, peer],
  );
  return {
    typed: () => {
      if (!composing.current) set('composing');
      composing.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        composing.current = false;
        set('paused');
      }, PAUSED_AFTER_MS);
    },
    done: () => {
      clearTimeout(timer.current);
      composing.current = false;
    },
  };
}

export function Composer({ account, peer, peerName }: { account: AccountId; peer: BareJid; peerName: string }) {
  const t = useT();
  const [text, setText] = useState(() => storedDraft(account, peer));
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState<string>();
  useDraft(account, peer, text, editing !== undefined);
  const replying = useAppStore((s) =>
    s.replyingTo?.account === account && s.replyingTo.peer === peer ? s.replyingTo.id : undefined,
  );
  const replyTarget = useAppStore((s) =>
    replying ? s.chats[chatKey(account, peer)]?.messages.find((m) => m.id === replying) : undefined,
  );
  useEffect(() => {
    if (replying) box.current?.focus();
  }, [replying]);
  const box = useRef<HTMLTextAreaElement>(null);
  // Text an xmpp:…?message;body= link put here: shown for the user to send, never sent by itself.
  const draft = useAppStore((s) => s.composerDraft);
  useEffect(() => {
    if (draft?.account !== account || draft.peer !== peer) return;
    setText((current) =>
      draft.append && current ? `${current}${current.endsWith(' ') ? '' : ' '}${draft.text}` : draft.text,
    );
    box.current?.focus();
    setState({ composerDraft: undefined });
  }, [draft, account, peer]);
  const typing = useTypingNotifications(account, peer);
  const fail = (failure: unknown): void => setError(failure);

  const send = (): void => {
    const body = text.trim();
    if (!body) return;
    setText('');
    setError(undefined);
    typing.done();
    const editedId = editing;
    setEditing(undefined);
    const answering = replying;
    setState({ replyingTo: undefined });
    const sent = editedId
      ? call('chat.correct', { account, id: editedId, body: text })
      : sendMessage(account, peer, text, answering);
    sent.catch((failure: unknown) => {
      setText(text);
      fail(failure);
    });
    box.current?.focus();
  };
  /** Up in an empty box edits our last message in this chat (XEP-0308), as in Conversations and Dino. */
  const editLast = (): boolean => {
    const last = [...(getState().chats[chatKey(account, peer)]?.messages ?? [])]
      .reverse()
      .find((m) => m.direction === 'out');
    if (!last || last.retracted) return false;
    setEditing(last.id);
    setText(last.body);
    return true;
  };
  const completion = useRef<Completion | undefined>(undefined);
  const emoji = useEmojiInput(box, text, setText);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (emoji.handleKey(event)) return;
    // Read at the key press, not subscribed: a big room's join would re-render the composer for every batch.
    const occupants = event.key === 'Tab' ? getState().occupants[chatKey(account, peer)] : undefined;
    if (event.key === 'Tab' && occupants && !event.shiftKey) {
      const field = event.currentTarget;
      const next = completeNick(text, field.selectionStart, Object.keys(occupants), completion.current);
      if (next) {
        event.preventDefault();
        completion.current = next;
        setText(next.text);
        requestAnimationFrame(() => field.setSelectionRange(next.caret, next.caret));
        return;
      }
    }
    completion.current = undefined;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    } else if (event.key === 'ArrowUp' && text === '' && editLast()) {
      event.preventDefault();
    } else if (event.key === 'Escape' && replying && !editing) {
      event.preventDefault();
      setState({ replyingTo: undefined });
    } else if (event.key === 'Escape' && editing) {
      event.preventDefault();
      setEditing(undefined);
      setText('');
    }
  };
  /** A pasted image (a screenshot) is sent as a file; pasted text stays text. */
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    uploadFiles(
      account,
      peer,
      files.map((f) => namePasted(f)),
    );
  };
  const picker = useRef<HTMLInputElement>(null);
  const lines = Math.min(8, text.split('\n').length);
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <ErrorText message={error} />
      {replyTarget ? (
        <p className="replying" role="status">
          <span className="reply-author">
            {t('reply.replyingTo', {
              author:
                replyTarget.direction === 'out' ? t('chat.you') : replyTarget.groupchat ? replyTarget.from : peerName,
            })}
          </span>
          <span className="reply-text">{replyTarget.body.split('\n')[0]}</span>
          <button
            type="button"
            className="icon-button"
            aria-label={t('reply.cancel')}
            onClick={() => setState({ replyingTo: undefined })}
          >
            ✕
          </button>
        </p>
      ) : null}
      {editing ? (
        <p className="editing" role="status">
          {t('chat.editing')}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setEditing(undefined);
              setText('');
            }}
          >
            {t('chat.cancelEdit')}
          </button>
        </p>
      ) : null}
      <UploadList account={account} peer={peer} />
      {emoji.suggestions}
      <div className="composer-row">
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          aria-label={t('files.choose')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) uploadFiles(account, peer, files);
          }}
        />
        <button
          type="button"
          className="icon-button attach"
          aria-label={t('files.attach')}
          title={t('files.attach')}
          onClick={() => picker.current?.click()}
        >
          <PaperclipIcon />
        </button>
        {emoji.button}
        <textarea
          ref={box}
          aria-label={t('chat.composer')}
          placeholder={t('chat.composerHint', { name: peerName })}
          rows={lines}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value) typing.typed();
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          autoFocus
        />
        <button type="submit" className="primary" disabled={!text.trim()}>
          {t('chat.send')}
        </button>
      </div>
    </form>
  );
}
