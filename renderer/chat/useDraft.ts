// Drafts per chat: what is typed and not sent is saved in the engine (a moment after typing stops,
// and when the chat is left), so it is there again after a chat switch or a restart.
import { useEffect, useRef } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { call } from '../ipc/client.ts';
import { chatKey } from '../store/chats.ts';
import { getState } from '../store/index.ts';

const SAVE_AFTER_MS = 500;

export const storedDraft = (account: AccountId, peer: BareJid): string =>
  getState().conversations[chatKey(account, peer)]?.draft ?? '';

/** Saves `text` as the chat's draft; an edit of a sent message is not a draft (`paused`). */
export function useDraft(account: AccountId, peer: BareJid, text: string, paused: boolean): void {
  const saved = useRef(storedDraft(account, peer));
  const latest = useRef(text);
  latest.current = paused ? saved.current : text;
  useEffect(() => {
    const save = (): void => {
      if (latest.current === saved.current) return;
      saved.current = latest.current;
      void call('chat.setDraft', { account, peer, text: latest.current }).catch(() => undefined);
    };
    const timer = setTimeout(save, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [account, peer, text, paused]);
  useEffect(
    () => () => {
      if (latest.current !== saved.current)
        void call('chat.setDraft', { account, peer, text: latest.current }).catch(() => undefined);
    },
    [account, peer],
  );
}
