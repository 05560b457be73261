// A chat's stored history (with the archive asked when the store runs out) and reactions to its messages.
import type { CoreCommands } from '../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../shared/model/account.ts';
import type { ChatMessage } from '../../../shared/model/message.ts';
import type { AccountRuntime } from '../account/accountRuntime.ts';
import type { CoreEmitter } from '../events.ts';
import type { Store } from '../store/index.ts';
import { UserError } from '../userError.ts';
import { reactionsAllowed } from '../../../shared/model/muc.ts';
import { reactionsStanza } from './relationsOut.ts';
import { searchServerArchive } from '../modules/mam/mamSearch.ts';

export type HistoryCommands = Pick<
  CoreCommands,
  'chat.history' | 'message.react' | 'search.messages' | 'search.server' | 'export.count' | 'export.page'
>;

/** Messages with the reactions kept for them. */
export function withReactions(store: Store, messages: ChatMessage[]): ChatMessage[] {
  const reactions = store.reactions.of(messages.map((m) => m.id));
  return reactions.size === 0
    ? messages
    : messages.map((m) => {
        const list = reactions.get(m.id);
        return list ? { ...m, reactions: list } : m;
      });
}

export function createHistoryCommands(
  store: Store,
  runtime: (account: AccountId) => AccountRuntime,
  emit: CoreEmitter['emit'],
): HistoryCommands {
  return {
    'chat.history': async ({ account, peer, before, beforeId, limit = 50 }) => {
      const { state, modules } = runtime(account);
      const local = (): ChatMessage[] =>
        withReactions(store, store.messages.history(account, peer, before ?? Number.MAX_SAFE_INTEGER, limit, beforeId));
      const found = local();
      if (found.length >= limit || state.status !== 'online') return found;
      // The store ran out: the archive may know older messages.
      const fetched = await modules.mam.fetchOlder(peer, limit - found.length).catch(() => ({ stored: 0 }));
      return fetched.stored > 0 ? local() : found;
    },
    'export.count': (filter) => Promise.resolve(store.search.count(filter)),
    'export.page': ({ offset, limit, ...filter }) =>
      Promise.resolve(withReactions(store, store.search.page(filter, offset, limit))),
    'search.messages': (query) => Promise.resolve(withReactions(store, store.search.search(query))),
    'search.server': ({ account, ...request }) => searchServerArchive(runtime(account).connection, request),
    'message.react': async ({ account, id, emojis }) => {
      const target = store.messages.get(id);
      if (target?.account !== account) throw new UserError('That message is not here', 'not-in-conversation');
      const { connection, modules } = runtime(account);
      const rules = target.groupchat
        ? modules.muc.rooms().find((r) => r.jid === target.peer)?.reactionRules
        : undefined;
      if (!reactionsAllowed(rules, emojis))
        throw new UserError('The room does not accept these reactions', 'reaction-restricted');
      await connection.send(reactionsStanza(target, emojis));
      store.reactions.set(id, { sender: '', name: '', own: true, emojis }, Date.now());
      const changed = { ...target, reactions: store.reactions.of([id]).get(id) ?? [] };
      emit('message.changed', changed);
      return changed;
    },
  };
}
