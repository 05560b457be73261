import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { attachContextMenu, contextMenuTemplate, type MenuParams } from './contextMenu.ts';

const flags = {
  canUndo: false,
  canRedo: false,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canDelete: true,
  canSelectAll: true,
  canEditRichly: false,
};
const params = (over: Partial<MenuParams>): MenuParams => ({
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: false,
  linkURL: '',
  selectionText: '',
  editFlags: flags,
  ...over,
});
const labels = (template: MenuItemConstructorOptions[]): string[] => template.map((i) => i.label ?? `-${i.type}`);

test('a misspelt word offers suggestions and the dictionary, then the edit commands', () => {
  const calls: string[] = [];
  const actions = {
    replaceMisspelling: (w: string) => calls.push(`replace ${w}`),
    addToDictionary: (w: string) => calls.push(`add ${w}`),
    copyText: (t: string) => calls.push(`copy ${t}`),
  };
  const menu = contextMenuTemplate(
    params({ isEditable: true, misspelledWord: 'helo', dictionarySuggestions: ['hello', 'help'] }),
    actions,
    'en-GB',
  );
  assert.deepEqual(labels(menu), [
    'hello',
    'help',
    'Add “helo” to the dictionary',
    '-separator',
    'Cut',
    'Copy',
    'Paste',
    'Select all',
  ]);
  menu[0]?.click?.(undefined as never, undefined, undefined as never);
  menu[2]?.click?.(undefined as never, undefined, undefined as never);
  assert.deepEqual(calls, ['replace hello', 'add helo']);
  const german = contextMenuTemplate(params({ isEditable: true, misspelledWord: 'Hallo' }), actions, 'de-DE');
  assert.deepEqual(labels(german).slice(0, 2), ['Keine Rechtschreibvorschläge', '„Hallo“ zum Wörterbuch hinzufügen']);
});

test('a link offers copy link (never opening it); selected text offers copy; plain page nothing', () => {
  const copied: string[] = [];
  const actions = {
    replaceMisspelling: () => undefined,
    addToDictionary: () => undefined,
    copyText: (t: string) => copied.push(t),
  };
  const link = contextMenuTemplate(
    params({ linkURL: 'xmpp:room@conference.example?join', selectionText: 'x' }),
    actions,
    'en',
  );
  assert.deepEqual(labels(link), ['Copy link', '-separator', 'Copy']);
  link[0]?.click?.(undefined as never, undefined, undefined as never);
  assert.deepEqual(copied, ['xmpp:room@conference.example?join']);
  assert.deepEqual(contextMenuTemplate(params({}), actions, 'en'), []);
});

test('the menu pops up on right-click with what the window says', () => {
  let handler: ((event: unknown, p: ContextMenuParams) => void) | undefined;
  const popped: MenuItemConstructorOptions[][] = [];
  const contents = {
    on: (event: string, listener: (event: unknown, p: ContextMenuParams) => void) => {
      if (event === 'context-menu') handler = listener;
      return contents;
    },
    replaceMisspelling: () => undefined,
    session: { addWordToSpellCheckerDictionary: () => true },
  };
  attachContextMenu(contents as never, (t) => popped.push(t), { writeText: () => Promise.resolve() }, 'en');
  handler?.({}, params({ selectionText: 'hi' }) as ContextMenuParams);
  handler?.({}, params({}) as ContextMenuParams);
  assert.equal(popped.length, 1);
});
