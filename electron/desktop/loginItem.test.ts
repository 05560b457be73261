import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Settings } from 'electron';
import { autostartEntry, setStartAtLogin, type LoginItemDeps } from './loginItem.ts';

function deps(platform: NodeJS.Platform) {
  const files = new Map<string, string>();
  const loginItems: Settings[] = [];
  const value: LoginItemDeps = {
    platform,
    app: { setLoginItemSettings: (s: Settings) => loginItems.push(s) },
    program: '/opt/Jabber Desk/jabberdesk',
    autostartDir: '/home/u/.config/autostart',
    files: { write: (p, t) => files.set(p, t), remove: (p) => files.delete(p) },
  };
  return { value, files, loginItems };
}

test('Linux: an autostart entry is written (quoted, minimised when asked) and removed', () => {
  const { value, files } = deps('linux');
  setStartAtLogin(true, true, value);
  const entry = files.get('/home/u/.config/autostart/jabberdesk.desktop');
  assert.match(entry ?? '', /^Exec="\/opt\/Jabber Desk\/jabberdesk" --minimized$/mu);
  setStartAtLogin(false, true, value);
  assert.equal(files.size, 0);
  assert.match(autostartEntry('/a/$HOME"x', false), /^Exec="\/a\/\\\$HOME\\"x"$/mu);
});

test('Windows and macOS: Electron login items with the minimised flag', () => {
  for (const platform of ['win32', 'darwin'] as const) {
    const { value, loginItems, files } = deps(platform);
    setStartAtLogin(true, true, value);
    setStartAtLogin(false, false, value);
    assert.deepEqual(loginItems, [
      { openAtLogin: true, args: ['--minimized'] },
      { openAtLogin: false, args: [] },
    ]);
    assert.equal(files.size, 0);
  }
});
