// Files fetched from the network carry the operating system's "downloaded from the internet" mark, so
// the OS warns too if the user ever runs one: the Zone.Identifier stream (Mark-of-the-Web) on Windows,
// the com.apple.quarantine attribute on macOS. Linux desktops have no such mark.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

export interface QuarantineDeps {
  platform: NodeJS.Platform;
  /** Runs a program (macOS: xattr). */
  run(file: string, args: readonly string[]): Promise<void>;
  now(): number;
}

const run = promisify(execFile);
export const SYSTEM_QUARANTINE: QuarantineDeps = {
  platform: process.platform,
  run: async (file, args) => {
    await run(file, [...args]);
  },
  now: () => Date.now(),
};

/** The URL as the OS may record it: never the fragment (an encrypted file's key lives there). */
function recordedUrl(url: string): string {
  try {
    const parsed = new URL(url.replace(/^aesgcm:/u, 'https:'));
    parsed.hash = '';
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '';
  }
}

export async function markAsDownloaded(
  path: string,
  url: string,
  deps: QuarantineDeps = SYSTEM_QUARANTINE,
): Promise<void> {
  const source = recordedUrl(url).replace(/[\r\n]/gu, '');
  if (deps.platform === 'win32') {
    await writeFile(`${path}:Zone.Identifier`, `[ZoneTransfer]\r\nZoneId=3\r\nHostUrl=${source}\r\n`, { mode: 0o600 });
  } else if (deps.platform === 'darwin') {
    const seconds = Math.floor(deps.now() / 1000).toString(16);
    await deps.run('/usr/bin/xattr', ['-w', 'com.apple.quarantine', `0081;${seconds};JabberDesk;`, path]);
  }
}
