// A minimal XEP-0114 external component: enough to play thousands of contacts sending presence.
import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';

const escape = (text: string): string => text.replace(/[<>&'"]/gu, (c) => `&#${c.charCodeAt(0)};`);

export interface Component {
  send(xml: string): void;
  close(): void;
}

export async function connectComponent(port: number, domain: string, secret: string): Promise<Component> {
  const socket: Socket = connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let buffer = '';
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () =>
      socket.write(
        `<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' to='${escape(domain)}'>`,
      ),
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
  return { send: (xml) => socket.write(xml), close: () => socket.end('</stream:stream>') };
}

export function presenceXml(from: string, to: string, show: string, status: string): string {
  const showXml = show === 'online' ? '' : `<show>${escape(show)}</show>`;
  return `<presence from='${escape(from)}' to='${escape(to)}'>${showXml}<status>${escape(status)}</status><priority>1</priority></presence>`;
}
