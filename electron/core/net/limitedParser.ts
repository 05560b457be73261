// The stream's XML parser with limits: one top-level element (a stanza) may not grow past a size
// in characters or nest deeper than a bound. Past either, the parser fails with StanzaLimitError and
// the stream is closed with <policy-violation/> (see stream.ts); nothing of the element is kept.
import { Parser } from '@xmpp/xml';
import { StanzaLimitError } from '../xmpp/errors.ts';

export interface StreamLimits {
  /** Characters one stanza may take on the wire (default 4 Mi: a body of a million characters fits). */
  maxStanzaChars: number;
  /** Element nesting below the stream root (default 64: forwarded archive results use about 10). */
  maxDepth: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { maxStanzaChars: 4 * 1024 * 1024, maxDepth: 64 };

export interface LimitedParser extends Parser {
  /** Set once a limit was crossed: the stream must close with policy-violation. */
  readonly limitHit: boolean;
}

export function limitedParserClass(limits: StreamLimits): new () => LimitedParser {
  return class extends Parser implements LimitedParser {
    #pending = 0;
    #depth = 0;
    #failed = false;

    get limitHit(): boolean {
      return this.#failed;
    }

    #fail(message: string): void {
      if (this.#failed) return;
      this.#failed = true;
      this.emit('error', new StanzaLimitError(message));
    }

    override write(data: string): void {
      if (this.#failed) return;
      // Counted inside a stanza only, so whitespace keepalives between stanzas never add up.
      if (this.#depth > 1) {
        this.#pending += data.length;
        if (this.#pending > limits.maxStanzaChars) {
          this.#fail(`The server sent a stanza of more than ${limits.maxStanzaChars} characters`);
          return;
        }
      }
      super.write(data);
    }

    override onStartElement(name: string, attrs: Record<string, string>): void {
      if (this.#failed) return;
      // The stream root is depth 1, a stanza 2.
      if (++this.#depth > limits.maxDepth + 1) {
        this.#fail(`The server sent elements nested more than ${limits.maxDepth} deep`);
        return;
      }
      super.onStartElement(name, attrs);
    }

    override onEndElement(name: string): void {
      if (this.#failed) return;
      this.#depth = Math.max(0, this.#depth - 1);
      super.onEndElement(name);
      if (this.#depth <= 1) this.#pending = 0;
    }

    override onText(text: string): void {
      if (!this.#failed) super.onText(text);
    }
  };
}
