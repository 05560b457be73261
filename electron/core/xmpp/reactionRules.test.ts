import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reactionsAllowed } from '../../../shared/model/muc.ts';
import { parseReactionRules } from './reactionRules.ts';
import { parseRawElement as parseXml } from '../console/consoleCommands.ts';

const info = (form: string): ReturnType<typeof parseXml> =>
  parseXml(`<query xmlns='http://jabber.org/protocol/disco#info'><feature var='urn:xmpp:reactions:0'/>${form}</query>`);

test('a restrictions form gives the limit and the allowed emoji; other forms are not it', () => {
  const rules = parseReactionRules(
    info(`<x xmlns='jabber:x:data' type='result'>
      <field var='FORM_TYPE' type='hidden'><value>urn:xmpp:reactions:0:restrictions</value></field>
      <field var='max_reactions_per_user'><value>1</value></field>
      <field var='allowlist' type='list-multi'><value>👍</value><value>❤️</value></field></x>`),
  );
  assert.deepEqual(rules, { maxPerUser: 1, allowlist: ['👍', '❤️'] });
  assert.equal(reactionsAllowed(rules, ['👍']), true);
  assert.equal(reactionsAllowed(rules, ['👍', '❤️']), false, 'over the limit');
  assert.equal(reactionsAllowed(rules, ['😂']), false, 'not on the list');
  assert.equal(reactionsAllowed(rules, []), true, 'taking back is always allowed');
  assert.equal(
    parseReactionRules(
      info(
        `<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roominfo</value></field></x>`,
      ),
    ),
    undefined,
  );
  assert.deepEqual(
    parseReactionRules(
      info(
        `<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE'><value>urn:xmpp:reactions:0:restrictions</value></field><field var='max_reactions_per_user'><value>lots</value></field></x>`,
      ),
    ),
    {},
    'a nonsense limit is no limit',
  );
});
