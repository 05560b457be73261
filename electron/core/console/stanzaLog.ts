// One account's XML console: a bounded ring of the stream's elements in and out, redacted as they are
// recorded; live entries go out as events only while a console is open.
import type { Client } from '@xmpp/client-core';
import {
  CONSOLE_MAX_CHARS,
  CONSOLE_MAX_ENTRIES,
  type ConsoleDirection,
  type ConsoleEntry,
  type ConsoleKind,
} from '../../../shared/model/console.ts';
import type { Element } from '../xmpp/stanza.ts';
import { redactedText } from './redact.ts';

const KINDS: readonly string[] = ['message', 'presence', 'iq'];

export class StanzaLog {
  /** A ring: once full, the oldest entry (at #next) is overwritten, not shifted out. */
  readonly #entries: ConsoleEntry[] = [];
  #next = 0;
  readonly #max: number;
  #seq = 0;
  #open = false;
  readonly #live: (entry: ConsoleEntry) => void;

  constructor(live: (entry: ConsoleEntry) => void, max = CONSOLE_MAX_ENTRIES) {
    this.#live = live;
    this.#max = max;
  }

  /** Records everything this stream receives and sends, until the stream is dropped. */
  attach(entity: Pick<Client, 'on' | 'removeListener'>): () => void {
    const onIn = (element: Element): void => this.record('in', element);
    const onOut = (element: Element): void => this.record('out', element);
    entity.on('element', onIn);
    entity.on('send', onOut);
    return () => {
      entity.removeListener('element', onIn);
      entity.removeListener('send', onOut);
    };
  }

  record(dir: ConsoleDirection, element: Element): void {
    const text = redactedText(element);
    const truncated = text.length > CONSOLE_MAX_CHARS;
    const entry: ConsoleEntry = {
      seq: ++this.#seq,
      at: Date.now(),
      dir,
      kind: (KINDS.includes(element.name) ? element.name : 'other') as ConsoleKind,
      xml: truncated ? text.slice(0, CONSOLE_MAX_CHARS) : text,
      ...(truncated ? { truncated } : {}),
    };
    if (this.#entries.length < this.#max) this.#entries.push(entry);
    else this.#entries[this.#next] = entry;
    this.#next = (this.#next + 1) % this.#max;
    if (this.#open) this.#live(entry);
  }

  /** The kept entries; from now on new ones are also sent live. */
  open(): ConsoleEntry[] {
    this.#open = true;
    if (this.#entries.length < this.#max) return [...this.#entries];
    return [...this.#entries.slice(this.#next), ...this.#entries.slice(0, this.#next)];
  }

  close(): void {
    this.#open = false;
  }

  get size(): number {
    return this.#entries.length;
  }
}
