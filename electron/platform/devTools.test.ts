import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devToolsAllowed } from './devTools.ts';

test('DevTools: on in development, off in a packaged build unless asked for with --debug or JABBERDESK_DEBUG=1', () => {
  assert.equal(devToolsAllowed(false, [], {}), true);
  assert.equal(devToolsAllowed(true, ['/opt/JabberDesk/jabberdesk'], {}), false);
  assert.equal(devToolsAllowed(true, ['/opt/JabberDesk/jabberdesk', '--debug'], {}), true);
  assert.equal(devToolsAllowed(true, [], { JABBERDESK_DEBUG: '1' }), true);
  assert.equal(devToolsAllowed(true, [], { JABBERDESK_DEBUG: 'yes please' }), false);
});
