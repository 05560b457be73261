// The chat list: conversations of all accounts, kept current as messages arrive, are read (here, on
// another device, or by our own reply) and as the user pins, closes, marks or drafts. Changes go out
// as one chat.conversation event per conversation and turn, however many messages a catch-up brings.
import type { ConversationCommands } from '../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { CoreEmitter } from '../events.ts';
import type { Store } from '../store/index.ts';

export function createConversations(
  store: Store,
  events: CoreEmitter,
): {
  commands: ConversationCommands;
  markRead(account: AccountId, peer: BareJid, upTo?: number): void;
  dispose(): void;
} {
  const dirty = new Map<string, [AccountId, BareJid]>();
  let scheduled: NodeJS.Immediate | undefined;
  const flush = (): void => {
    scheduled = undefined;
    const keys = [...dirty.values()];
    dirty.clear();
    for (const [account, peer] of keys) {
      if (!store.accounts.get(account)) continue;
      events.emit('chat.conversation', { conversation: store.conversations.get(account, peer) });
    }
  };
  const changed = (account: AccountId, peer: BareJid): void => {
    dirty.set(`${account} ${peer}`, [account, peer]);
    scheduled ??= setImmediate(flush);
  };
  const offs = [
    events.on('message.added', (m) => {
      // Writing in a chat means having read it.
      if (m.direction === 'out') store.conversations.markRead(m.account, m.peer, m.timestamp);
      changed(m.account, m.peer);
    }),
    events.on('message.changed', (m) => changed(m.account, m.peer)),
    events.on('chat.read', ({ account, peer }) => {
      store.conversations.markRead(account, peer);
      changed(account, peer);
    }),
    events.on('muc.roomChanged', ({ account, room }) => changed(account, room.jid)),
    events.on('muc.roomRemoved', ({ account, room }) => changed(account, room)),
  ];
  const update = (account: AccountId, peer: BareJid, apply: () => void): Promise<void> => {
    apply();
    changed(account, peer);
    return Promise.resolve();
  };
  return {
    commands: {
      'chat.conversations': () => Promise.resolve(store.conversations.list(store.accounts.list().map((a) => a.id))),
      'chat.markRead': ({ account, peer }) => update(account, peer, () => store.conversations.markRead(account, peer)),
      'chat.setUnread': ({ account, peer, unread }) =>
        update(account, peer, () => store.conversations.setMarkedUnread(account, peer, unread)),
      'chat.setPinned': ({ account, peer, pinned }) =>
        update(account, peer, () => store.conversations.setPinned(account, peer, pinned)),
      'chat.close': ({ account, peer }) =>
        update(account, peer, () => store.conversations.close(account, peer, Date.now())),
      'chat.touch': ({ account, peer }) =>
        update(account, peer, () => store.conversations.touch(account, peer, Date.now())),
      'chat.setDraft': ({ account, peer, text }) =>
        update(account, peer, () => store.conversations.setDraft(account, peer, text)),
    },
    markRead: (account, peer, upTo) => {
      store.conversations.markRead(account, peer, upTo);
      changed(account, peer);
    },
    dispose: () => {
      for (const off of offs) off();
      if (scheduled) clearImmediate(scheduled);
    },
  };
}
