// The usual start of a chat test in the browser: our account in the app and a friend (a second engine)
// in each other's rosters, writing plain text (OMEMO off on the friend's side, so the test can read the
// wire). Both are closed when the test ends.
import type { TestContext } from 'node:test';
import type { ChatMessage } from '../../shared/model/message.ts';
import type { ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser, startEngine, type TestEngine, type TestUser } from '../helpers/accounts.ts';
import { type AppUnderTest, startApp, withAccount } from './harness.ts';

export interface FriendChat {
  app: AppUnderTest;
  friend: TestEngine;
  meUser: TestUser;
  friendUser: TestUser;
  /** The friend sends us a chat message. */
  send: (body: string) => Promise<ChatMessage>;
}

const titled = (prefix: string): string => prefix.charAt(0).toUpperCase() + prefix.slice(1);

export async function appWithFriend(
  server: ProsodyServer,
  t: TestContext,
  who: { me: string; friend: string; friendName?: string },
  options: {
    sidebar?: 'chats' | 'contacts';
    /** Runs before the app starts (history that is on the server before we log in). */
    beforeApp?: (send: FriendChat['send']) => Promise<void>;
  } = {},
): Promise<FriendChat> {
  const [meUser, friendUser] = [await newUser(server, who.me), await newUser(server, who.friend)];
  await makeContacts(
    server,
    meUser,
    friendUser,
    { name: who.friendName ?? titled(who.friend) },
    { name: titled(who.me) },
  );
  const friend = await startEngine(server, friendUser);
  t.after(() => friend.close());
  await friend.core.commands['omemo.setEnabled']({ account: friend.account, peer: meUser.jid, enabled: false });
  const send = (body: string): Promise<ChatMessage> =>
    friend.core.commands['chat.send']({ account: friend.account, to: meUser.jid, body });
  await options.beforeApp?.(send);
  const app = await startApp({
    prepare: (core) => withAccount(core, server, meUser),
    sidebar: options.sidebar ?? 'chats',
  });
  t.after(() => app.close());
  return { app, friend, meUser, friendUser, send };
}
