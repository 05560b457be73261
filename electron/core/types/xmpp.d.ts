// Types for the parts of xmpp.js that the engine uses (the packages ship none).
declare module '@xmpp/xml' {
  import { EventEmitter } from 'node:events';
  export class Element {
    constructor(name: string, attrs?: Record<string, string | number | undefined>);
    name: string;
    attrs: Record<string, string | undefined>;
    children: Array<Element | string>;
    parent: Element | null;
    is(name: string, xmlns?: string): boolean;
    getNS(): string | undefined;
    getChild(name: string, xmlns?: string): Element | undefined;
    getChildren(name: string, xmlns?: string): Element[];
    getChildElements(): Element[];
    getChildText(name: string, xmlns?: string): string | null;
    text(): string;
    attr(name: string): string | undefined;
    append(...children: Array<Element | string>): Element;
    toString(): string;
  }
  export type Child = Element | string | undefined | null | false;
  export function xml(
    name: string,
    attrs?: Record<string, string | number | undefined> | null,
    ...children: Array<Child | Child[]>
  ): Element;
  export class Parser extends EventEmitter {
    write(data: string): void;
    onStartElement(name: string, attrs: Record<string, string>): void;
    onEndElement(name: string): void;
    onText(text: string): void;
  }
  export default xml;
}

declare module '@xmpp/events' {
  import type { EventEmitter } from 'node:events';
  export function promise<T = unknown>(
    target: EventEmitter,
    event: string,
    rejectEvent?: string | null,
    timeout?: number,
  ): Promise<T>;
  export class TimeoutError extends Error {}
}

declare module '@xmpp/connection' {
  import { EventEmitter } from 'node:events';
  import type { Element } from '@xmpp/xml';
  export interface TransportSocket extends EventEmitter {
    secure: boolean;
    connect(params: unknown): void;
    write(data: string, cb: (err?: Error) => void): void;
    end(): void;
    destroy?(err?: Error): void;
  }
  export default class Connection extends EventEmitter {
    constructor(options?: Record<string, unknown>);
    status: string;
    jid: { toString(): string } | null;
    socket: TransportSocket | null;
    options: { domain: string; service?: string; lang?: string };
    isSecure(): boolean;
    start(): Promise<unknown>;
    stop(): Promise<unknown>;
    disconnect(): Promise<unknown>;
    restart(): Promise<unknown>;
    send(element: Element): Promise<void>;
    sendReceive(element: Element, timeout?: number): Promise<Element>;
    write(data: string): Promise<void>;
    _attachSocket(socket: TransportSocket): void;
    _detachSocket(): void;
    _jid(id: string): unknown;
    _ready(resumed?: boolean): void;
    _streamError(condition: string, children?: unknown): Promise<unknown>;
    _onSeeOtherHost(error: Error): Promise<unknown>;
    parser: import('@xmpp/xml').Parser | null;
    _status(status: string, ...args: unknown[]): void;
    socketParameters(service: string): unknown;
  }
}

declare module '@xmpp/connection-tcp' {
  import Connection from '@xmpp/connection';
  export default class ConnectionTCP extends Connection {}
}

declare module '@xmpp/connection/lib/util.js' {
  export function parseURI(uri: string): { port: string; hostname: string; protocol: string };
}

declare module '@xmpp/client-core' {
  import Connection from '@xmpp/connection';
  export class Client extends Connection {
    transports: unknown[];
    _findTransport(service: string): unknown;
  }
}

declare module '@xmpp/stream-features' {
  import type { Element } from '@xmpp/xml';
  import type { Client } from '@xmpp/client-core';
  /** What a negotiation handler is given: the stream and the <stream:features/> element. */
  export interface Context {
    entity: Client;
    stanza: Element;
  }
  export type Middleware = (ctx: Context, next: () => Promise<unknown>) => unknown;
  export type FeatureHandler = (ctx: Context, next: () => Promise<unknown>, feature: Element) => unknown;
  export interface StreamFeatures {
    use(name: string, xmlns: string, handler: FeatureHandler): unknown;
  }
  export default function streamFeatures(deps: { middleware: unknown }): StreamFeatures;
}

declare module '@xmpp/resolve' {
  import type { Client } from '@xmpp/client-core';
  export default function resolve(deps: { entity: Client }): void;
}

declare module '@xmpp/client' {
  import type { Client } from '@xmpp/client-core';
  export { xml } from '@xmpp/xml';
  export function client(options: Record<string, unknown>): Client & { reconnect: { stop(): void } };
}
