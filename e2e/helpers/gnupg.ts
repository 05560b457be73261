// Debian's GnuPG as the independent OpenPGP implementation: a private GNUPGHOME per use, no agent prompts
// (empty passphrases, loopback pinentry), removed at the end.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GnuPg {
  /** Makes a v4 Ed25519/Cv25519 key with the user ID `xmpp:<jid>`; its fingerprint (upper case). */
  generate(jid: string): Promise<string>;
  exportPublic(fingerprint: string): Promise<Buffer>;
  importKey(binary: Uint8Array): Promise<void>;
  /** Signs with `signer` and encrypts to `recipients`; binary output. */
  signEncrypt(plain: string, signer: string, recipients: readonly string[]): Promise<Buffer>;
  /** Decrypts; the signer's fingerprint when the signature is good (GnuPG's VALIDSIG). */
  decryptVerify(message: Uint8Array): Promise<{ plain: string; validSigner: string | undefined }>;
  /** XEP-0027's shapes: armored encryption to `recipients` (no signature), a text-mode detached signature. */
  encryptArmored(plain: string, recipients: readonly string[]): Promise<string>;
  detachSign(text: string, signer: string): Promise<string>;
  /** Decrypts an armored message; verifies a detached signature over `text` (the signer's primary fingerprint). */
  decryptArmored(armored: string): Promise<string>;
  verifyDetached(text: string, armoredSignature: string): Promise<string | undefined>;
  close(): Promise<void>;
}

function run(home: string, args: string[], input?: Uint8Array): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      '/usr/bin/gpg',
      ['--homedir', home, '--batch', '--yes', '--no-tty', '--pinentry-mode', 'loopback', '--passphrase', '', ...args],
      { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`gpg ${args[0] ?? ''} failed: ${stderr.toString()}`));
        else resolve({ stdout, stderr: stderr.toString() });
      },
    );
    child.stdin?.end(input ? Buffer.from(input) : undefined);
  });
}

export async function startGnuPg(): Promise<GnuPg> {
  const home = await mkdtemp(join(tmpdir(), 'jd-gnupg-'));
  return {
    generate: async (jid) => {
      const { stderr } = await run(home, [
        '--status-fd',
        '2',
        '--quick-gen-key',
        `xmpp:${jid}`,
        'ed25519',
        'sign',
        '0',
      ]);
      const fingerprint = /\[GNUPG:\] KEY_CREATED [PB] ([0-9A-F]{40})/u.exec(stderr)?.[1];
      if (!fingerprint) throw new Error('gpg made no key');
      await run(home, ['--quick-add-key', fingerprint, 'cv25519', 'encr', '0']);
      return fingerprint;
    },
    exportPublic: async (fingerprint) => (await run(home, ['--export', fingerprint])).stdout,
    importKey: async (binary) => {
      await run(home, ['--import'], binary);
    },
    signEncrypt: async (plain, signer, recipients) =>
      (
        await run(
          home,
          [
            '--trust-model',
            'always',
            '--local-user',
            signer,
            ...recipients.flatMap((r) => ['--recipient', r]),
            '--sign',
            '--encrypt',
          ],
          Buffer.from(plain, 'utf8'),
        )
      ).stdout,
    decryptVerify: async (message) => {
      const { stdout, stderr } = await run(home, ['--status-fd', '2', '--decrypt'], message);
      // VALIDSIG names the signing key, then (last) its primary key's fingerprint.
      const line = /\[GNUPG:\] VALIDSIG (.*)/u.exec(stderr)?.[1] ?? '';
      const valid = line
        .split(' ')
        .filter((f) => /^[0-9A-F]{40}$/u.test(f))
        .pop();
      return { plain: stdout.toString('utf8'), validSigner: valid };
    },
    encryptArmored: async (plain, recipients) =>
      (
        await run(
          home,
          ['--trust-model', 'always', '--armor', ...recipients.flatMap((r) => ['--recipient', r]), '--encrypt'],
          Buffer.from(plain, 'utf8'),
        )
      ).stdout.toString(),
    detachSign: async (text, signer) =>
      (
        await run(home, ['--local-user', signer, '--armor', '--textmode', '--detach-sign'], Buffer.from(text, 'utf8'))
      ).stdout.toString(),
    decryptArmored: async (armored) => (await run(home, ['--decrypt'], Buffer.from(armored))).stdout.toString('utf8'),
    verifyDetached: async (text, armoredSignature) => {
      const dir = await mkdtemp(join(tmpdir(), 'jd-sig-'));
      try {
        await writeFile(join(dir, 'sig.asc'), armoredSignature);
        await writeFile(join(dir, 'text'), text);
        const { stderr } = await run(home, ['--status-fd', '2', '--verify', join(dir, 'sig.asc'), join(dir, 'text')]);
        const line = /\[GNUPG:\] VALIDSIG (.*)/u.exec(stderr)?.[1] ?? '';
        return line
          .split(' ')
          .filter((f) => /^[0-9A-F]{40}$/u.test(f))
          .pop();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    close: () => rm(home, { recursive: true, force: true }),
  };
}
