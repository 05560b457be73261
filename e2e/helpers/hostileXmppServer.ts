// A scripted, hostile XMPP server on loopback for attack tests: it offers what a test tells it to,
// terminates TLS with its own self-signed certificate (which the test pins), accepts any password,
// binds whatever JID it is told to, and records every byte the client sent it (after TLS, decrypted).
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { makeCertificate } from '../server/prosody.ts';

const NS = {
  tls: 'urn:ietf:params:xml:ns:xmpp-tls',
  sasl: 'urn:ietf:params:xml:ns:xmpp-sasl',
  bind: 'urn:ietf:params:xml:ns:xmpp-bind',
};

export const FEATURES = {
  starttls: `<starttls xmlns='${NS.tls}'><required/></starttls>`,
  plain: `<mechanisms xmlns='${NS.sasl}'><mechanism>PLAIN</mechanism></mechanisms>`,
  bind: `<bind xmlns='${NS.bind}'/>`,
};

/** Where the client is in the stream: each stream (re)start asks for that stage's features. */
export type Stage = 'plain' | 'tls' | 'authenticated';

export interface HostileScript {
  /** The <stream:features/> children offered at each stage. */
  features: Record<Stage, string>;
  /** What follows <proceed/>: a real TLS handshake, or bytes that are not TLS. */
  afterProceed?: 'tls' | 'garbage';
  /** The JID to bind, given the resource asked for. */
  bindJid?: (resource: string) => string;
  /** Sent after the stream header instead of the features (a stream error, say), given the connection's number. */
  openWith?: (connection: number) => string | undefined;
  /** Runs once per connection, when the client sent its first presence after binding (it believes it is online). */
  online?: (connection: HostileConnection) => void | Promise<void>;
  /** The reply to an iq other than bind (given its id and the text from it on); undefined: service-unavailable. */
  answer?: (id: string, iq: string) => string | undefined;
}

export interface HostileConnection {
  write(text: string): Promise<boolean>;
  readonly closed: boolean;
  /** Characters written by online(). */
  written: number;
}

export interface HostileServer {
  host: string;
  port: number;
  domain: string;
  fingerprint: string;
  /** Everything clients sent, per connection, in order. */
  transcripts: string[];
  stop(): Promise<void>;
}

const header = (id: string): string =>
  `<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' from='localhost' id='${id}' version='1.0'>`;

export async function startHostileServer(script: HostileScript): Promise<HostileServer> {
  const certDir = mkdtempSync(join(tmpdir(), 'jd-hostile-'));
  makeCertificate(certDir);
  const key = readFileSync(join(certDir, 'localhost.key'));
  const cert = readFileSync(join(certDir, 'localhost.crt'));
  const transcripts: string[] = [];
  const sockets = new Set<Socket>();

  const serve = (raw: Socket): void => {
    sockets.add(raw);
    raw.on('close', () => sockets.delete(raw));
    raw.on('error', () => undefined);
    const index = transcripts.push('') - 1;
    let stage: Stage = 'plain';
    let io: Socket | TLSSocket = raw;
    let streams = 0;
    let wentOnline = false;
    const connection: HostileConnection = {
      written: 0,
      get closed() {
        return io.destroyed || !io.writable;
      },
      write: (text) =>
        new Promise((resolve) => {
          if (connection.closed) return resolve(false);
          connection.written += text.length;
          if (io.write(text)) return resolve(true);
          const settle = (open: boolean) => () => {
            io.removeListener('drain', onDrain).removeListener('close', onClose);
            resolve(open);
          };
          const [onDrain, onClose] = [settle(true), settle(false)];
          io.once('drain', onDrain).once('close', onClose);
        }),
    };
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      transcripts[index] += text;
      if (text.includes('<stream:stream')) {
        const instead = script.openWith?.(index);
        io.write(
          `${header(`s${++streams}`)}${instead ?? `<stream:features>${script.features[stage]}</stream:features>`}`,
        );
      }
      if (text.includes('<starttls')) {
        io.write(`<proceed xmlns='${NS.tls}'/>`);
        if (script.afterProceed === 'garbage') {
          io.write(Buffer.from('\x16\x03\x01\x00\x05not-a-tls-record-at-all\x00\xff'.repeat(20), 'latin1'));
          return;
        }
        raw.removeListener('data', onData);
        const secure = new TLSSocket(raw, { isServer: true, key, cert });
        secure.on('error', () => undefined);
        secure.on('data', onData);
        io = secure;
        stage = 'tls';
      }
      if (text.includes('<auth')) {
        io.write(`<success xmlns='${NS.sasl}'/>`);
        stage = 'authenticated';
      }
      for (const match of text.matchAll(/<iq\b[^>]*>/gu)) {
        if (/\btype=["'](?:result|error)["']/u.test(match[0])) continue;
        const id = /\bid=["']([^"']*)["']/u.exec(match[0])?.[1] ?? '';
        const rest = text.slice(match.index);
        if (rest.includes(`xmlns='${NS.bind}'`) || rest.includes(`xmlns="${NS.bind}"`)) {
          const resource = /<resource>([^<]*)<\/resource>/u.exec(rest)?.[1] ?? 'r';
          const jid = script.bindJid?.(resource) ?? `user@localhost/${resource}`;
          io.write(`<iq type='result' id='${id}'><bind xmlns='${NS.bind}'><jid>${jid}</jid></bind></iq>`);
        } else {
          const reply = script.answer?.(id, rest);
          if (reply !== undefined) io.write(reply);
          else
            io.write(
              `<iq type='error' id='${id}'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>`,
            );
        }
      }
      // A client closing its stream waits for ours (10 s in @xmpp/client).
      if (text.includes('</stream:stream>')) io.end('</stream:stream>');
      if (/<presence(?![^>]*type=)/u.test(text) && script.online && !wentOnline) {
        wentOnline = true;
        void Promise.resolve(script.online(connection)).catch(() => undefined);
      }
    };
    raw.on('data', onData);
  };

  const server: Server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    host: '127.0.0.1',
    port: address.port,
    domain: 'localhost',
    fingerprint: new X509Certificate(cert).fingerprint256,
    transcripts,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}
