import { assert, test } from 'vitest';
import { parseXmppUri } from './xmppUri.ts';

const parses = (input: string, expected: unknown): void => assert.deepEqual(parseXmppUri(input), expected);

test("RFC 5122's examples and XEP-0147's actions", () => {
  parses('xmpp:node@example.com', { action: { kind: 'chat', jid: 'node@example.com' } });
  parses('xmpp://guest@example.com/support@example.com?message', {
    account: 'guest@example.com',
    action: { kind: 'chat', jid: 'support@example.com' },
  });
  parses('xmpp:romeo@montague.net?message;body=Here%27s%20a%20test%20message', {
    action: { kind: 'chat', jid: 'romeo@montague.net', body: "Here's a test message" },
  });
  parses('xmpp:darkcave@macbeth.shakespeare.lit?join;password=cauldronburn', {
    action: { kind: 'join', room: 'darkcave@macbeth.shakespeare.lit', password: 'cauldronburn' },
  });
  parses('xmpp:romeo@montague.net?roster;name=Romeo%20Montague;group=Friends', {
    action: { kind: 'roster', jid: 'romeo@montague.net', subscribe: true, name: 'Romeo Montague', group: 'Friends' },
  });
  parses('xmpp:juliet@capulet.com?subscribe', {
    action: { kind: 'roster', jid: 'juliet@capulet.com', subscribe: true },
  });
  parses('xmpp:example.org?register', { action: { kind: 'register', server: 'example.org' } });
  parses('xmpp:pubsub.example.org?pubsub;action=subscribe;node=news', {
    action: { kind: 'unknown', jid: 'pubsub.example.org', action: 'pubsub' },
  });
  parses('xmpp:nasty!%23$%25()*+,-.;=%3F%5B%5C%5D%5E_%60%7B%7C%7D~node@example.com', {
    action: { kind: 'chat', jid: 'nasty!#$%()*+,-.;=?[\\]^_`{|}~node@example.com' },
  });
});

test('IDN and percent-encoded JIDs, and a verification link', () => {
  parses('xmpp:%C3%BCser@b%C3%BCcher.example', {
    action: { kind: 'chat', jid: 'üser@bücher.example' },
  });
  const fp = 'a'.repeat(64);
  parses(`xmpp:bob@example.org?omemo-sid-123=${fp}`, {
    action: { kind: 'verify', jid: 'bob@example.org', devices: [{ id: 123, fingerprint: fp }] },
  });
});

test('hostile input is refused', () => {
  for (const bad of [
    'https://example.org',
    'javascript:alert(1)',
    'xmpp:',
    'xmpp:@example.org',
    `xmpp:${'a'.repeat(5000)}@example.org`,
    'xmpp:bob@example.org?message;body=%00hidden',
    'xmpp:bob%E2%80%AE@example.org',
    'xmpp:bob@example.org?message;body=%E2%80%AEevil',
    'xmpp:bob@exa mple.org',
    'xmpp:bob@example.org?message;body=%ZZ',
  ])
    assert.strictEqual(parseXmppUri(bad), undefined, bad);
});
