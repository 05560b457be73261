// XEP-0198 Stream Management: stanza acknowledgements and session resumption. One instance per
// account outlives its streams, so a dropped stream can be resumed where it stopped.
import type { Client } from '@xmpp/client-core';
import type { FullJid } from '../../../shared/model/jid.ts';
import { type Element, el } from '../xmpp/stanza.ts';

export const NS_SM = 'urn:xmpp:sm:3';
const STANZAS = new Set(['message', 'presence', 'iq']);
const MOD = 2 ** 32;
/** How long after an outgoing message we ask the server to acknowledge what it has. */
const ACK_REQUEST_DELAY_MS = 25;

const isStanza = (element: Element): boolean => STANZAS.has(element.name);

export type SessionOutcome = 'resumed' | 'new' | 'unmanaged';

export class StreamManagement {
  #id: string | undefined;
  #jid: FullJid | undefined;
  #enabled = false;
  #resumed = false;
  #inbound = 0;
  #acked = 0;
  #queue: Element[] = [];
  #ackTimer: NodeJS.Timeout | undefined;
  #entity: Client | undefined;
  readonly #onAcked: (stanza: Element) => void;

  constructor(onAcked: (stanza: Element) => void) {
    this.#onAcked = onAcked;
  }

  /** Acks and counting are on for the current stream. */
  get enabled(): boolean {
    return this.#enabled;
  }

  /** The current stream is the previous session, resumed (not a new one). */
  get resumed(): boolean {
    return this.#resumed;
  }

  get unacked(): number {
    return this.#queue.length;
  }

  canResume(): boolean {
    return this.#id !== undefined && this.#jid !== undefined;
  }

  get jid(): FullJid | undefined {
    return this.#jid;
  }

  /** Counts what goes in and out of this stream and answers the server's ack requests. */
  attach(entity: Client): () => void {
    this.#entity = entity;
    const onElement = (element: Element): void => {
      if (element.is('r', NS_SM)) {
        if (this.#enabled) entity.send(el('a', NS_SM, { h: this.#inbound })).catch(() => undefined);
      } else if (element.is('a', NS_SM)) {
        this.#ack(Number(element.attrs.h));
      } else if (this.#enabled && isStanza(element)) {
        this.#inbound = (this.#inbound + 1) % MOD;
      }
    };
    const onSend = (element: Element): void => {
      if (!this.#enabled || !isStanza(element)) return;
      this.#queue.push(element);
      if (element.name === 'message') this.#requestAckSoon();
    };
    entity.on('element', onElement);
    entity.on('send', onSend);
    return () => {
      entity.removeListener('element', onElement);
      entity.removeListener('send', onSend);
      this.#cancelAckRequest();
      this.#enabled = false;
      if (this.#entity === entity) this.#entity = undefined;
    };
  }

  /** After binding: asks for acks and a resumable session. */
  async enable(entity: Client, jid: FullJid): Promise<void> {
    this.forget();
    const answer = await entity.sendReceive(el('enable', NS_SM, { resume: 'true' }), 15_000);
    if (!answer.is('enabled', NS_SM)) return;
    const resumable = answer.attrs.resume === 'true' || answer.attrs.resume === '1';
    this.#id = resumable ? answer.attrs.id : undefined;
    this.#jid = jid;
    this.#enabled = true;
  }

  /** Instead of binding: picks the old session up. Unacknowledged stanzas are sent again. */
  async resume(entity: Client): Promise<boolean> {
    if (!this.#id) return false;
    const answer = await entity.sendReceive(el('resume', NS_SM, { previd: this.#id, h: this.#inbound }), 15_000);
    if (!answer.is('resumed', NS_SM)) {
      this.forget();
      return false;
    }
    this.#ack(Number(answer.attrs.h));
    const again = this.#queue;
    this.#queue = [];
    this.#enabled = true;
    this.#resumed = true;
    for (const stanza of again) await entity.send(stanza);
    if (again.length > 0) this.#requestAckSoon();
    return true;
  }

  /** Drops the session (an intended disconnect or a failed resumption); unacked stanzas are the caller's to redo. */
  forget(): void {
    this.#id = undefined;
    this.#jid = undefined;
    this.#enabled = false;
    this.#resumed = false;
    this.#inbound = 0;
    this.#acked = 0;
    this.#queue = [];
    this.#cancelAckRequest();
  }

  #cancelAckRequest(): void {
    clearTimeout(this.#ackTimer);
    this.#ackTimer = undefined;
  }

  requestAck(): void {
    if (this.#enabled) this.#entity?.send(el('r', NS_SM)).catch(() => undefined);
  }

  #requestAckSoon(): void {
    if (this.#ackTimer) return;
    this.#ackTimer = setTimeout(() => {
      this.#ackTimer = undefined;
      this.requestAck();
    }, ACK_REQUEST_DELAY_MS);
  }

  #ack(h: number): void {
    if (!Number.isInteger(h) || h < 0) return;
    // The server may not claim more than we sent (a broken or hostile count is clamped).
    const count = Math.min((h - this.#acked + MOD) % MOD, this.#queue.length);
    this.#acked = h % MOD;
    for (const stanza of this.#queue.splice(0, count)) this.#onAcked(stanza);
  }
}
