// Starts a private ejabberd (Debian's) on loopback: own config, spool and log dirs, a non-distributed
// Erlang node (no epmd, no distribution port), started with erl directly, not as the system service.
import { type ChildProcess, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EjabberdOptions, type EjabberdPorts, ejabberdConfig } from './ejabberdConfig.ts';
import { freePorts, makeCertificate, PortTakenError, terminate, waitForOwnPort } from './ports.ts';
import type { XmppTestServer } from './xmppServer.ts';

const ERL = '/usr/bin/erl';
/** Where Debian puts ejabberd's and its libraries' Erlang applications (/usr/lib/<architecture>). */
const ERL_LIBS = readdirSync('/usr/lib', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name.includes('-linux-'))
  .map((d) => join('/usr/lib', d.name))
  .find((dir) => readdirSync(dir).some((name) => name.startsWith('ejabberd-')));

export interface EjabberdServer extends XmppTestServer {
  kind: 'ejabberd';
  ports: EjabberdPorts;
  /** The answer to the CAPTCHA drawn last (with options.captcha), as a person would read it. */
  captchaAnswer(): string | undefined;
}

/** A wrapper ejabberd can run as captcha_cmd (it appends the key as the one argument). */
function captchaCommand(base: string): { command: string; lastAnswer: () => string | undefined } {
  const answers = join(base, 'captcha-answers');
  const command = join(base, 'captcha.sh');
  const drawer = fileURLToPath(new URL('./captchaImage.ts', import.meta.url));
  writeFileSync(command, `#!/bin/sh\nexec '${process.execPath}' '${drawer}' "$1" '${answers}'\n`, { mode: 0o755 });
  return {
    command,
    lastAnswer: () => (existsSync(answers) ? readFileSync(answers, 'utf8').trim().split('\n').at(-1) : undefined),
  };
}

export function ejabberdInstalled(): boolean {
  return existsSync(ERL) && ERL_LIBS !== undefined;
}

export async function startEjabberd(options: EjabberdOptions = {}): Promise<EjabberdServer> {
  if (!ejabberdInstalled() || !ERL_LIBS)
    throw new Error("ejabberd is not installed: run `apt-get install ejabberd` (the project's .ci/run does this).");
  const base = mkdtempSync(join(tmpdir(), 'jabberdesk-ejabberd-'));
  for (const dir of ['spool', 'logs', 'upload']) mkdirSync(join(base, dir));
  makeCertificate(join(base, 'certs'));
  const certPath = join(base, 'certs', 'localhost.crt');
  writeFileSync(
    join(base, 'certs', 'localhost.pem'),
    readFileSync(join(base, 'certs', 'localhost.key'), 'utf8') + readFileSync(certPath, 'utf8'),
  );
  const choosePorts = async (): Promise<EjabberdPorts> => {
    const [c2s = 0, directTls = 0, https = 0] = await freePorts(3);
    return { c2s, directTls, https };
  };
  let ports = await choosePorts();
  const configPath = join(base, 'ejabberd.yml');
  const captcha = options.captcha ? captchaCommand(base) : undefined;

  let child: ChildProcess | undefined;
  let stderr = '';
  const halt = async (): Promise<void> => {
    if (child) await terminate(child, 10_000);
    child = undefined;
  };
  const stop = async (): Promise<void> => {
    await halt();
    if (!process.env.KEEP_EJABBERD) rmSync(base, { recursive: true, force: true });
  };
  // Ports are found free and then bound by ejabberd a moment later: if another process took one meanwhile,
  // ejabberd starts again on new ones (as Prosody does).
  for (let attempt = 1; ; attempt++) {
    writeFileSync(configPath, ejabberdConfig(base, ports, captcha?.command));
    const proc = spawn(
      ERL,
      ['-noinput', '-noshell', '+K', 'true', '-mnesia', 'dir', `"${base}/spool"`, '-s', 'ejabberd'],
      {
        cwd: base,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          HOME: base,
          ERL_LIBS,
          EJABBERD_CONFIG_PATH: configPath,
          EJABBERD_LOG_PATH: join(base, 'logs', 'ejabberd.log'),
          ERL_CRASH_DUMP: join(base, 'logs', 'erl_crash.dump'),
          ERL_CRASH_DUMP_BYTES: '0',
        },
      },
    );
    child = proc;
    proc.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    try {
      const deadline = Date.now() + 60_000;
      await waitForOwnPort(proc, ports.c2s, deadline, 'ejabberd');
      await waitForOwnPort(proc, ports.https, deadline, 'ejabberd');
      break;
    } catch (error) {
      if (error instanceof PortTakenError && attempt < 3) {
        await halt();
        ports = await choosePorts();
        continue;
      }
      const log = existsSync(join(base, 'logs', 'ejabberd.log'))
        ? readFileSync(join(base, 'logs', 'ejabberd.log'), 'utf8')
        : '';
      await stop();
      throw new Error(`${(error as Error).message}\n${stderr}\n${log}`);
    }
  }
  const fingerprint = new X509Certificate(readFileSync(certPath)).fingerprint256;
  return {
    kind: 'ejabberd',
    domain: 'localhost',
    host: '127.0.0.1',
    ports,
    fingerprint,
    certPath,
    base,
    stop,
    captchaAnswer: () => captcha?.lastAnswer(),
  };
}
