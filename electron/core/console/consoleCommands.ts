// The XML console's commands: open (what was kept, then live), close, and send one raw element.
import { Parser } from '@xmpp/xml';
import type { ConsoleCommands } from '../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../shared/model/account.ts';
import type { Element } from '../xmpp/stanza.ts';
import type { StanzaLog } from './stanzaLog.ts';
import { NotConnectedError } from '../account/connection.ts';
import type { ErrorReason } from '../../../shared/model/errors.ts';

export class ConsoleInputError extends Error {
  readonly reason: ErrorReason = { code: 'console-input' };
  constructor(message: string) {
    super(message);
    this.name = 'ConsoleInputError';
  }
}

const STREAM_OPEN =
  "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

/** One element, as if it came on a client stream (so it is in jabber:client unless it says otherwise). */
export function parseRawElement(text: string): Element {
  const parser = new Parser();
  const found: Element[] = [];
  let failure: unknown;
  parser.on('element', (element: Element) => found.push(element));
  parser.on('error', (error: unknown) => (failure ??= error));
  try {
    parser.write(STREAM_OPEN);
    parser.write(text);
  } catch (error) {
    failure ??= error;
  }
  if (failure !== undefined) throw new ConsoleInputError('This is not well-formed XML');
  const [element] = found;
  if (!element) throw new ConsoleInputError('This is not well-formed XML: the element is not complete');
  if (found.length > 1) throw new ConsoleInputError('Type exactly one element');
  return element;
}

interface ConsoleRuntime {
  console: StanzaLog;
  connection: { online: boolean; send(element: Element): Promise<void> };
}

export function createConsoleCommands(runtime: (account: AccountId) => ConsoleRuntime): ConsoleCommands {
  return {
    'console.open': ({ account }) => Promise.resolve(runtime(account).console.open()),
    'console.close': ({ account }) => {
      runtime(account).console.close();
      return Promise.resolve();
    },
    'console.send': async ({ account, xml }) => {
      const element = parseRawElement(xml);
      const { connection } = runtime(account);
      if (!connection.online) throw new NotConnectedError();
      await connection.send(element);
    },
  };
}
