import { test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import { NS_COMMANDS, parseStage } from './adhoc.ts';

const form = (...fields: ReturnType<typeof xml>[]) => xml('x', { xmlns: 'jabber:x:data', type: 'form' }, ...fields);

test('a stage in the middle of a command: its form, the actions offered, the default one', () => {
  const stage = parseStage(
    'server.example',
    'config',
    xml(
      'command',
      { xmlns: NS_COMMANDS, node: 'config', sessionid: 's1', status: 'executing' },
      xml('actions', { execute: 'next' }, xml('prev'), xml('next')),
      form(xml('field', { var: 'mode', type: 'list-single' }, xml('required'))),
      xml('note', { type: 'warn' }, 'careful'),
    ),
  );
  assert.equal(stage.sessionId, 's1');
  assert.equal(stage.status, 'executing');
  assert.deepEqual(stage.actions, ['prev', 'next']);
  assert.equal(stage.defaultAction, 'next');
  assert.equal(stage.form?.fields[0]?.required, true);
  assert.deepEqual(stage.notes, [{ type: 'warn', text: 'careful' }]);
});

test('a one-step command offers complete; an ended one offers nothing; unknown note types are info', () => {
  const single = parseStage(
    'a',
    'n',
    xml('command', { xmlns: NS_COMMANDS, sessionid: 's', status: 'executing' }, form()),
  );
  assert.deepEqual(single.actions, ['complete']);
  const done = parseStage(
    'a',
    'n',
    xml(
      'command',
      { xmlns: NS_COMMANDS, status: 'completed' },
      xml('note', { type: 'shout' }, 'done'),
      xml('actions', {}, xml('next')),
    ),
  );
  assert.deepEqual(done.actions, []);
  assert.deepEqual(done.notes, [{ type: 'info', text: 'done' }]);
  assert.equal(parseStage('a', 'n', undefined).status, 'completed', 'an empty answer ends the command');
});
