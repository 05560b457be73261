import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xml } from '../xmpp/stanza.ts';
import { StanzaLog } from './stanzaLog.ts';

const ids = (log: StanzaLog): string[] => log.open().map((e) => /id="([^"]+)"/u.exec(e.xml)?.[1] ?? '');

test('the console keeps the newest entries in the order they came, the oldest dropped once full', () => {
  const live: string[] = [];
  const log = new StanzaLog((entry) => live.push(entry.xml), 3);
  log.record('in', xml('message', { id: 'm1' }));
  log.record('out', xml('iq', { id: 'm2' }));
  for (const id of ['m3', 'm4', 'm5', 'm6', 'm7']) log.record('in', xml('presence', { id }));
  assert.equal(log.size, 3);
  assert.equal(live.length, 0, 'nothing goes out live while the console is closed');
  assert.deepEqual(ids(log), ['m5', 'm6', 'm7']);
  assert.deepEqual(
    log.open().map((e) => e.seq),
    [5, 6, 7],
  );
  // Open: new entries also go out live.
  log.record('out', xml('presence', { id: 'm8' }));
  assert.deepEqual(ids(log), ['m6', 'm7', 'm8']);
  assert.equal(live.length, 1);
});

test('a console not yet full gives what it has, in order', () => {
  const log = new StanzaLog(() => undefined, 3);
  log.record('in', xml('message', { id: 'a' }));
  log.record('out', xml('iq', { id: 'b' }));
  assert.deepEqual(ids(log), ['a', 'b']);
});
