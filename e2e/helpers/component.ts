// A minimal XEP-0114 external component: thousands of contacts in the benchmarks, a gateway in the tests.
import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { type Element, Parser } from '@xmpp/xml';

const escape = (text: string): string => text.replace(/[<>&'"]/gu, (c) => `&#${c.charCodeAt(0)};`);

export interface Component {
  send(xml: string): void;
  /** Stanzas routed to the component's domain (parsed once the handshake is done). */
  onStanza(listener: (stanza: Element) => void): void;
  close(): void;
}

/** Prosody opens its component port a moment after its client port: try for a few seconds. */
async function openSocket(port: number): Promise<Socket> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => resolve(socket));
        socket.once('error', reject);
      });
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function connectComponent(port: number, domain: string, secret: string): Promise<Component> {
  const socket: Socket = await openSocket(port);
  socket.setEncoding('utf8');
  let buffer = '';
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.write(
      `<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' to='${escape(domain)}'>`,
    );
    socket.on('data', function onData(chunk: string) {
      buffer += chunk;
      const id = /<stream:stream[^>]*\sid=['"]([^'"]+)['"]/u.exec(buffer)?.[1];
      if (id && !buffer.includes('handshake-sent')) {
        socket.write(
          `<handshake>${createHash('sha1')
            .update(id + secret)
            .digest('hex')}</handshake>`,
        );
        buffer += 'handshake-sent';
      }
      if (/<handshake\s*\/>|<handshake><\/handshake>/u.test(buffer)) {
        socket.off('data', onData);
        resolve();
      }
      if (buffer.includes('<stream:error')) reject(new Error(`component refused: ${buffer}`));
    });
  });
  const listeners: ((stanza: Element) => void)[] = [];
  const parser = new Parser();
  // The stream header was read above: the parser starts from a synthetic one.
  parser.write(`<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams'>`);
  parser.on('element', (element: Element) => {
    for (const listener of listeners) listener(element);
  });
  socket.on('data', (chunk: string) => parser.write(chunk));
  return {
    send: (text) => socket.write(text),
    onStanza: (listener) => listeners.push(listener),
    close: () => socket.end('</stream:stream>'),
  };
}

export function presenceXml(from: string, to: string, show: string, status: string): string {
  const showXml = show === 'online' ? '' : `<show>${escape(show)}</show>`;
  return `<presence from='${escape(from)}' to='${escape(to)}'>${showXml}<status>${escape(status)}</status><priority>1</priority></presence>`;
}
