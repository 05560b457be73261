// Where the electron package put its program, if it could (the download needs internet access).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinary(packageDir: string): string | undefined {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

export const MISSING_ELECTRON = `Electron's program is not installed here: npm could not download it (no internet access,
or ELECTRON_SKIP_BINARY_DOWNLOAD was set). On a machine with internet access run
  node node_modules/electron/install.js && npm start
Meanwhile JabberDesk runs in the browser, with demo accounts on a private server:
  npm run demo`;
