import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary, MISSING_ELECTRON } from './electronBinary.ts';

test('npm start finds Electron only where its program was downloaded, and otherwise points to the demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
  assert.equal(electronBinary(dir), undefined, 'no path.txt: not downloaded');
  writeFileSync(join(dir, 'path.txt'), 'electron');
  assert.equal(electronBinary(dir), undefined, 'path.txt but no program');
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'electron'), '');
  assert.equal(electronBinary(dir), join(dir, 'dist', 'electron'));
  assert.match(MISSING_ELECTRON, /npm run demo/u);
});
