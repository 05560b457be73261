// A typed adapter over one account's xmpp.js stream: send, iq caller/callee, stanza routing.
// It outlives the streams: each connection attempt attaches a fresh entity to it.
import type { Client } from '@xmpp/client-core';
import { type BareJid, bareOf, type FullJid } from '../../../shared/model/jid.ts';
import { createLogger } from '../log.ts';
import { StanzaError, TimeoutError } from '../xmpp/errors.ts';
import type { ErrorReason } from '../../../shared/model/errors.ts';
import { type Element, el, xml } from '../xmpp/stanza.ts';

export type StanzaHandler = (stanza: Element) => void;
export type IqHandler = (stanza: Element) => Element | undefined | Promise<Element | undefined>;
export type IqType = 'get' | 'set';

const NS_STANZAS = 'urn:ietf:params:xml:ns:xmpp-stanzas';
export const IQ_TIMEOUT_MS = 20_000;
const log = createLogger('connection');

export class NotConnectedError extends Error {
  readonly reason: ErrorReason = { code: 'not-connected' };
  constructor() {
    super('The account is not connected');
    this.name = 'NotConnectedError';
  }
}

interface PendingIq {
  resolve(stanza: Element): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  to: string | undefined;
}

export class Connection {
  #entity: Client | undefined;
  #jid: FullJid | undefined;
  #nextId = 0;
  readonly #pending = new Map<string, PendingIq>();
  readonly #iqHandlers = new Map<string, IqHandler>();
  readonly #handlers = {
    message: new Set<StanzaHandler>(),
    presence: new Set<StanzaHandler>(),
    acked: new Set<StanzaHandler>(),
  };
  #streamManaged: () => boolean = () => false;
  /** The namespaces of the features the server offered after authentication on this stream. */
  features: ReadonlySet<string> = new Set();
  readonly #onStanza = (stanza: Element): void => this.#dispatch(stanza);

  get jid(): FullJid | undefined {
    return this.#jid;
  }

  get bareJid(): BareJid | undefined {
    return this.#jid ? bareOf(this.#jid) : undefined;
  }

  get online(): boolean {
    return this.#entity !== undefined && this.#entity.status === 'online';
  }

  /** Stanzas on this stream are acknowledged by the server (XEP-0198). */
  get streamManaged(): boolean {
    return this.online && this.#streamManaged();
  }

  useStreamManagement(enabled: () => boolean): void {
    this.#streamManaged = enabled;
  }

  /** Called by stream management for each of our stanzas the server confirmed. */
  acked(stanza: Element): void {
    for (const handler of this.#handlers.acked) handler(stanza);
  }

  onAcked(handler: StanzaHandler): () => void {
    this.#handlers.acked.add(handler);
    return () => {
      this.#handlers.acked.delete(handler);
    };
  }

  /**
   * Listens to a stream from its start: a resumed session redelivers queued stanzas right after
   * <resumed/>, before the stream counts as online. The JID is known then only when resuming.
   */
  attach(entity: Client, jid: FullJid | undefined): void {
    this.detach();
    this.#entity = entity;
    this.#jid = jid;
    entity.on('stanza', this.#onStanza);
  }

  recordFeatures(features: Element): void {
    this.features = new Set(
      features
        .getChildElements()
        .map((f) => f.getNS() ?? f.attrs.xmlns ?? '')
        .filter(Boolean),
    );
  }

  /** A top-level element that is not a stanza (XEP-0352 and the like). */
  async sendNonza(element: Element): Promise<void> {
    await this.send(element);
  }

  /** The JID the server bound (or resumed) for this stream. */
  bound(jid: FullJid): void {
    this.#jid = jid;
  }

  detach(): void {
    this.#entity?.removeListener('stanza', this.#onStanza);
    this.#entity = undefined;
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.reject(new NotConnectedError());
      this.#pending.delete(id);
    }
  }

  async send(stanza: Element): Promise<void> {
    const entity = this.#entity;
    if (!entity || entity.status !== 'online') throw new NotConnectedError();
    await entity.send(stanza);
  }

  /** Sends an iq and resolves with the whole result stanza; an error reply rejects with StanzaError. */
  iq(type: IqType, to: string | undefined, payload: Element, timeoutMs = IQ_TIMEOUT_MS): Promise<Element> {
    const id = `jd-${(++this.#nextId).toString(36)}-${Date.now().toString(36)}`;
    return new Promise<Element>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new TimeoutError(`iq ${payload.name}`, timeoutMs));
      }, timeoutMs);
      this.#pending.set(id, { resolve, reject, timer, to });
      this.send(xml('iq', { type, id, ...(to ? { to } : {}) }, payload)).catch((error: unknown) => {
        clearTimeout(timer);
        this.#pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  onIq(type: IqType, ns: string, name: string, handler: IqHandler): () => void {
    const key = `${type} ${ns} ${name}`;
    this.#iqHandlers.set(key, handler);
    return () => {
      this.#iqHandlers.delete(key);
    };
  }

  onMessage(handler: StanzaHandler): () => void {
    this.#handlers.message.add(handler);
    return () => {
      this.#handlers.message.delete(handler);
    };
  }

  onPresence(handler: StanzaHandler): () => void {
    this.#handlers.presence.add(handler);
    return () => {
      this.#handlers.presence.delete(handler);
    };
  }

  /** True when `from` is our own server or account: the only senders allowed to push roster changes etc. */
  isOwnServer(from: string | undefined): boolean {
    const own = this.bareJid;
    return (
      from === undefined ||
      from === own ||
      from === this.#jid ||
      (own !== undefined && from === own.slice(own.indexOf('@') + 1))
    );
  }

  #dispatch(stanza: Element): void {
    try {
      if (stanza.name === 'iq') this.#dispatchIq(stanza);
      else if (stanza.name === 'message' || stanza.name === 'presence') {
        for (const handler of this.#handlers[stanza.name]) handler(stanza);
      }
    } catch (error) {
      log.warn('a handler failed on an incoming stanza', { name: stanza.name, error: String(error) });
    }
  }

  #dispatchIq(stanza: Element): void {
    const { type, id, from } = stanza.attrs;
    if (type === 'result' || type === 'error') {
      const pending = id ? this.#pending.get(id) : undefined;
      if (!pending || !id) return;
      const expected =
        pending.to === undefined
          ? this.isOwnServer(from)
          : from === pending.to || (from === undefined && pending.to === this.bareJid);
      if (!expected) {
        log.warn('ignored an iq reply from an unexpected sender', { from });
        return;
      }
      this.#pending.delete(id);
      clearTimeout(pending.timer);
      if (type === 'result') pending.resolve(stanza);
      else pending.reject(StanzaError.fromStanza(stanza));
      return;
    }
    if (type !== 'get' && type !== 'set') return;
    const payload = stanza.getChildElements()[0];
    const handler = payload && this.#iqHandlers.get(`${type} ${payload.getNS() ?? ''} ${payload.name}`);
    const reply = (child: Element | undefined, errorType?: string, condition?: string, app?: Element): void => {
      const attrs = { type: condition ? 'error' : 'result', id, ...(from ? { to: from } : {}) };
      const body = condition ? xml('error', { type: errorType }, el(condition, NS_STANZAS), app) : child;
      this.send(xml('iq', attrs, body)).catch(() => undefined);
    };
    if (!handler) {
      reply(undefined, 'cancel', 'service-unavailable');
      return;
    }
    Promise.resolve()
      .then(() => handler(stanza))
      .then((child) => reply(child))
      .catch((error: unknown) => {
        if (error instanceof StanzaError) reply(undefined, error.errorType, error.condition, error.appCondition);
        else {
          log.warn('an iq handler failed', { error: String(error) });
          reply(undefined, 'wait', 'internal-server-error');
        }
      });
  }
}
