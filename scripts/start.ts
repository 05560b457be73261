// npm start: the desktop app through Electron's program; where that is missing, what to do instead.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary, MISSING_ELECTRON } from './electronBinary.ts';

const root = join(import.meta.dirname, '..');
const binary = electronBinary(join(root, 'node_modules', 'electron'));
if (!binary) {
  console.error(MISSING_ELECTRON);
  process.exit(1);
}
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
