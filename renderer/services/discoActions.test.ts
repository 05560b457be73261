import { assert, test } from 'vitest';
import { discoActions } from './discoActions.ts';

const info = (jid: string, identities: [string, string][], features: string[], node?: string) => ({
  jid,
  ...(node ? { node } : {}),
  identities: identities.map(([category, type]) => ({ category, type, name: '' })),
  features,
  forms: [],
});

test('a room can be joined, its service only browsed; commands and adding follow identities and features', () => {
  assert.deepEqual(
    discoActions(info('lounge@conference.localhost', [['conference', 'text']], ['http://jabber.org/protocol/muc'])),
    ['join'],
  );
  assert.deepEqual(
    discoActions(
      info(
        'conference.localhost',
        [['conference', 'text']],
        ['http://jabber.org/protocol/muc', 'http://jabber.org/protocol/disco#items'],
      ),
    ),
    ['browse'],
  );
  assert.deepEqual(
    discoActions(
      info('irc.localhost', [['gateway', 'irc']], ['jabber:iq:register', 'http://jabber.org/protocol/commands']),
    ),
    ['commands', 'register'],
  );
  assert.deepEqual(discoActions(info('old.localhost', [['gateway', 'icq']], [])), ['addContact']);
  assert.deepEqual(discoActions(info('localhost', [['server', 'im']], ['jabber:iq:register'])), []);
  assert.deepEqual(discoActions(info('pubsub.localhost', [['pubsub', 'service']], [], 'princely_musings')), ['browse']);
});
