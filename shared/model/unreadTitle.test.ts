import { assert, test } from 'vitest';
import { titleWithUnread, totalUnread, unreadFromTitle } from './unreadTitle.ts';

test('the title carries the unread count, and the shell reads it back', () => {
  assert.strictEqual(titleWithUnread('JabberDesk', 0), 'JabberDesk');
  assert.strictEqual(titleWithUnread('JabberDesk', 3), '(3) JabberDesk');
  assert.strictEqual(titleWithUnread('JabberDesk', 5000), '(999+) JabberDesk');
  assert.strictEqual(totalUnread({ 'a b': 2, 'a c': 1 }), 3);
  assert.strictEqual(unreadFromTitle('(3) JabberDesk'), 3);
  assert.strictEqual(unreadFromTitle('(999+) JabberDesk'), 999);
  assert.strictEqual(unreadFromTitle('JabberDesk'), 0);
});
