import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync(new URL('../../electron-builder.json', import.meta.url), 'utf8')) as {
  asar?: boolean;
  electronFuses?: Record<string, boolean>;
};

test('packaged builds flip the Electron fuses: no run-as-node, NODE_OPTIONS or inspector; the app only from a checked asar', () => {
  assert.equal(config.asar, true);
  assert.deepEqual(config.electronFuses, {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
  });
});
