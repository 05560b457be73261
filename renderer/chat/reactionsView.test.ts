import { assert, test } from 'vitest';
import { groupReactions, QUICK_REACTIONS, reactionChoices, toggleOwn, withinRules } from './reactionsView.ts';

const reactions = [
  { sender: 'a@x', name: 'Anna', own: false, emojis: ['👍', '🎂'] },
  { sender: '', name: '', own: true, emojis: ['👍'] },
  { sender: 'occ-1', name: 'Bob', own: false, emojis: ['🎂'] },
];

test('grouped by emoji in first-seen order, counted, with names and our own mark', () => {
  assert.deepEqual(groupReactions(reactions), [
    { emoji: '👍', count: 2, names: ['Anna'], mine: true },
    { emoji: '🎂', count: 2, names: ['Anna', 'Bob'], mine: false },
  ]);
  assert.deepEqual(groupReactions(undefined), []);
});

test('clicking toggles our own emoji in our set', () => {
  assert.deepEqual(toggleOwn(reactions, '👍'), []);
  assert.deepEqual(toggleOwn(reactions, '🎂'), ['👍', '🎂']);
  assert.deepEqual(toggleOwn(undefined, '❤️'), ['❤️']);
});

test("a room's restrictions: its allowlist is what is offered, and over its limit the newest choice wins", () => {
  const rules = { maxPerUser: 1, allowlist: ['👍', '❤️'] };
  assert.deepEqual(reactionChoices(rules), ['👍', '❤️']);
  assert.deepEqual(reactionChoices(undefined), QUICK_REACTIONS);
  assert.deepEqual(withinRules(rules, ['👍', '❤️']), ['❤️']);
  assert.deepEqual(withinRules(rules, []), []);
  assert.deepEqual(withinRules(undefined, ['👍', '❤️']), ['👍', '❤️']);
});
