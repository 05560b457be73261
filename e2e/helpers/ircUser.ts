// A scripted person on IRC (plain RFC 1459 over TCP): joins channels, says things, records what it hears.
import { connect, type Socket } from 'node:net';
import { eventually } from './waitFor.ts';

export interface IrcLine {
  from: string;
  command: string;
  target: string;
  text: string;
}

export interface IrcUser {
  nick: string;
  heard: IrcLine[];
  join(channel: string): Promise<void>;
  say(target: string, text: string): void;
  /** Waits until a line matching `match` was heard, and returns it. */
  hear(match: (line: IrcLine) => boolean, what: string): Promise<IrcLine>;
  quit(): void;
}

export async function ircUser(port: number, nick: string): Promise<IrcUser> {
  const socket: Socket = connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  const heard: IrcLine[] = [];
  let buffer = '';
  let welcomed = false;
  const send = (line: string): boolean => socket.write(`${line}\r\n`);
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\r\n')) !== -1) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const match = /^(?::(\S+) )?(\S+)(?: ((?:[^:\s]\S* ?)*))?(?: ?:(.*))?$/u.exec(line);
      if (!match) continue;
      const [, prefix = '', command = '', params = '', trailing = ''] = match;
      if (command === 'PING') send(`PONG :${trailing || params}`);
      if (command === '001') welcomed = true;
      heard.push({
        from: prefix.split('!')[0] ?? '',
        command,
        target: params.trim().split(' ')[0] ?? '',
        text: trailing,
      });
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  send(`NICK ${nick}`);
  send(`USER ${nick} 0 * :${nick}`);
  await eventually(() => welcomed, `${nick} welcomed on IRC`, 20_000);
  const hear = (match: (line: IrcLine) => boolean, what: string): Promise<IrcLine> =>
    eventually(() => heard.find(match), what, 30_000);
  return {
    nick,
    heard,
    join: async (channel) => {
      send(`JOIN ${channel}`);
      await hear((l) => l.command === 'JOIN' && l.from === nick, `${nick} in ${channel}`);
    },
    say: (target, text) => void send(`PRIVMSG ${target} :${text}`),
    hear,
    quit: () => {
      send('QUIT :bye');
      socket.end();
    },
  };
}
