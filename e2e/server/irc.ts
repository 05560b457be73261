// A real XMPP ↔ IRC gateway for the tests: Debian's ngircd as the IRC server and biboumi as a component
// of the private Prosody, both started privately on loopback (own config and data, random ports).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, terminate, waitForPort } from './ports.ts';

const NGIRCD = '/usr/sbin/ngircd';
const BIBOUMI = '/usr/bin/biboumi';

export function ircInstalled(): boolean {
  return existsSync(NGIRCD) && existsSync(BIBOUMI);
}

export interface IrcServer {
  port: number;
  stop(): Promise<void>;
}

function collect(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return () => output;
}

export async function startNgircd(): Promise<IrcServer> {
  if (!ircInstalled()) throw new Error('ngircd and biboumi are not installed (the project’s .ci/run installs them).');
  const base = mkdtempSync(join(tmpdir(), 'jabberdesk-ngircd-'));
  mkdirSync(join(base, 'conf.d'));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  writeFileSync(
    join(base, 'ngircd.conf'),
    `[Global]
Name = irc.test
Info = JabberDesk test network
Listen = 127.0.0.1
Ports = ${port}
PidFile = ${base}/ngircd.pid
MotdPhrase = "Test network"
${root ? 'ServerUID = nobody\nServerGID = nogroup' : ''}
[Options]
Ident = no
PAM = no
DNS = no
IncludeDir = ${base}/conf.d
[Limits]
MaxConnectionsIP = 0
MaxJoins = 0
MaxNickLength = 30
`,
  );
  const child = spawn(NGIRCD, ['-n', '-f', join(base, 'ngircd.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child);
  const stop = async (): Promise<void> => {
    await terminate(child, 5_000);
    rmSync(base, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, Date.now() + 30_000, 'ngircd');
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output()}`);
  }
  return { port, stop };
}

export interface Biboumi {
  domain: string;
  stop(): Promise<void>;
}

/** biboumi as the component `domain` of a Prosody started with that component and secret. */
export async function startBiboumi(
  componentPort: number,
  component: { domain: string; secret: string },
  admin: string,
): Promise<Biboumi> {
  const base = mkdtempSync(join(tmpdir(), 'jabberdesk-biboumi-'));
  const config = join(base, 'biboumi.cfg');
  writeFileSync(
    config,
    `hostname=${component.domain}
password=${component.secret}
xmpp_server_ip=127.0.0.1
port=${componentPort}
admin=${admin}
db_name=${join(base, 'biboumi.sqlite')}
realname_customization=true
realname_from_jid=false
identd_port=0
policy_directory=${base}
log_file=
log_level=1
`,
  );
  const child = spawn(BIBOUMI, [config], { cwd: base, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child);
  const stop = async (): Promise<void> => {
    await terminate(child, 5_000);
    rmSync(base, { recursive: true, force: true });
  };
  // biboumi logs its successful handshake with the server.
  const deadline = Date.now() + 30_000;
  while (!/authenticated|connected to the XMPP server/iu.test(output())) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`biboumi did not connect:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { domain: component.domain, stop };
}
