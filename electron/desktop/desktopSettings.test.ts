import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DESKTOP_SETTINGS } from '../../shared/ipc/desktop.ts';
import { createDesktopSettings } from './desktopSettings.ts';

function harness(stored?: string) {
  let text = stored;
  const effects: string[] = [];
  const store = createDesktopSettings(
    { read: () => text, write: (t) => (text = t) },
    {
      setSpellcheckLanguages: (l) => effects.push(`spell ${l.join(',')}`),
      setStartAtLogin: (on, min) => effects.push(`login ${on} ${min}`),
    },
  );
  return { store, effects, stored: () => text };
}

test('a missing or broken file gives the defaults; valid changes are kept, applied once and written', () => {
  assert.deepEqual(harness().store.get(), DEFAULT_DESKTOP_SETTINGS);
  assert.deepEqual(harness('{not json').store.get(), DEFAULT_DESKTOP_SETTINGS);
  const { store, effects, stored } = harness('{"closeToTray":false,"spellcheckLanguages":["de","<x>"]}');
  assert.equal(store.get().closeToTray, false);
  assert.deepEqual(store.get().spellcheckLanguages, ['de']);
  store.update({ startAtLogin: true, startMinimized: 'yes', spellcheckLanguages: ['en-US', 'de'] });
  assert.deepEqual(effects, ['spell en-US,de', 'login true false']);
  store.update({ closeToTray: true });
  assert.equal(effects.length, 2, 'nothing else to apply');
  assert.deepEqual(JSON.parse(stored() ?? ''), {
    closeToTray: true,
    startMinimized: false,
    startAtLogin: true,
    spellcheckLanguages: ['en-US', 'de'],
  });
});
