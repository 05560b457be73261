import { assert, test } from 'vitest';
import type { Account, AccountId } from '../../shared/model/account.ts';
import type { BareJid, FullJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import {
  addMessage,
  addMessages,
  chatKey,
  clearUnread,
  countUnread,
  EMPTY_LOG,
  prependPage,
  setDelivery,
} from './chats.ts';
import { withConnectionState, withPresence, withPresenceList } from './presence.ts';
import { DEFAULT_SETTINGS, parseSettings, toggleGroup } from './settings.ts';

const account = 'me@x' as AccountId;
const peer = 'you@x' as BareJid;
const msg = (id: string, timestamp: number, direction: 'in' | 'out' = 'in'): ChatMessage => ({
  id,
  account,
  peer,
  direction,
  from: `${peer}/r`,
  body: id,
  timestamp,
  state: direction === 'in' ? 'received' : 'queued',
});

test('chat log: live messages land in order once; older pages go in front; delivery updates one message', () => {
  let log = addMessage(EMPTY_LOG, msg('b', 20));
  log = addMessage(log, msg('c', 30));
  log = addMessage(log, msg('a', 10));
  log = addMessage(log, msg('c', 30));
  log = addMessage(log, msg('0-same-time', 20));
  assert.deepEqual(
    log.messages.map((m) => m.id),
    ['a', 'b', '0-same-time', 'c'],
  );
  log = { ...log, messages: log.messages.filter((m) => m.id !== '0-same-time') };
  log = prependPage(log, [msg('y', 1), msg('z', 2), msg('a', 10)], 3);
  assert.deepEqual(
    log.messages.map((m) => m.id),
    ['y', 'z', 'a', 'b', 'c'],
  );
  assert.strictEqual(log.hasOlder, true);
  assert.strictEqual(prependPage(log, [msg('x', 0)], 3).hasOlder, false);
  const sent = addMessage(log, msg('out', 40, 'out'));
  const updated = setDelivery(sent, 'out', 'sent');
  assert.strictEqual(updated.messages.at(-1)?.state, 'sent');
  assert.strictEqual(setDelivery(updated, 'out', 'sent'), updated);
  assert.strictEqual(setDelivery(updated, 'nope', 'sent'), updated);
});

test("chat log: a known message takes a later copy's delivery state only when it is further along", () => {
  const queued = addMessage(EMPTY_LOG, msg('out', 40, 'out'));
  const delivered = addMessage(queued, { ...msg('out', 40, 'out'), state: 'delivered' });
  assert.deepEqual(
    delivered.messages.map((m) => [m.id, m.state]),
    [['out', 'delivered']],
  );
  assert.strictEqual(addMessage(delivered, { ...msg('out', 40, 'out'), state: 'sent' }), delivered);
  assert.strictEqual(addMessage(delivered, { ...msg('out', 40, 'out'), state: 'failed' }), delivered);
});

test('unread: counts incoming messages of unseen chats, never own ones, and clears per chat', () => {
  let unread = countUnread({}, msg('a', 1), false);
  unread = countUnread(unread, msg('b', 2), false);
  unread = countUnread(unread, msg('c', 3), true);
  unread = countUnread(unread, msg('d', 4, 'out'), false);
  assert.deepEqual(unread, { [chatKey(account, peer)]: 2 });
  assert.deepEqual(clearUnread(unread, chatKey(account, peer)), {});
});

test('presence: a snapshot without resources removes the contact; lists replace; state updates one account', () => {
  let all = withPresence({}, account, {
    jid: peer,
    resources: [{ resource: 'r', show: 'away', status: '', priority: 0 }],
  });
  assert.strictEqual(all[account]?.[peer]?.resources[0]?.show, 'away');
  all = withPresence(all, account, { jid: peer, resources: [] });
  assert.deepEqual(all[account], {});
  assert.deepEqual(
    Object.keys(
      withPresenceList(all, account, [
        { jid: peer, resources: [{ resource: 'r', show: 'dnd', status: '', priority: 0 }] },
      ])[account] ?? {},
    ),
    [peer],
  );
  const accounts = [
    { id: account, state: { status: 'offline' } },
    { id: 'other@x', state: { status: 'offline' } },
  ] as Account[];
  const next = withConnectionState(accounts, account, { status: 'online', jid: 'me@x/r' as FullJid });
  assert.deepEqual(
    next.map((a) => a.state.status),
    ['online', 'offline'],
  );
});

test('settings: stored values are validated, junk falls back, language follows the system first', () => {
  assert.deepEqual(parseSettings(null), DEFAULT_SETTINGS);
  assert.strictEqual(parseSettings(null, 'de-DE').language, 'de');
  assert.strictEqual(parseSettings('{not json', 'de').language, 'de');
  const parsed = parseSettings(
    JSON.stringify({
      theme: 'dark',
      language: 'xx',
      hideOffline: 'yes',
      rosterSort: 'name',
      collapsedGroups: ['Work', 3],
    }),
  );
  assert.deepEqual(parsed, { ...DEFAULT_SETTINGS, theme: 'dark', rosterSort: 'name', collapsedGroups: ['Work'] });
  assert.deepEqual(toggleGroup(toggleGroup([], 'Work'), 'Work'), []);
});

test('a burst of messages lands in one copy, in order, each id once', () => {
  const start = addMessages(EMPTY_LOG, [msg('a', 10), msg('b', 20)]);
  const burst = addMessages(start, [msg('c', 30), msg('b', 20), msg('d', 15), msg('e', 40)]);
  assert.deepEqual(
    burst.messages.map((m) => m.id),
    ['a', 'd', 'b', 'c', 'e'],
  );
  assert.strictEqual(addMessages(burst, [msg('a', 10)]), burst);
});
