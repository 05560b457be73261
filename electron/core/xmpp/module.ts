// The contract every protocol module follows (one XEP/RFC part each): setup registers, dispose undoes.
import type { AccountId } from '../../../shared/model/account.ts';
import type { Connection } from '../account/connection.ts';
import type { CoreEmitter } from '../events.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';

export interface Lifecycle {
  /** Runs after every new session (not after a resumed one), in module order. */
  onOnline(handler: () => Promise<void> | void): () => void;
  /** Runs when a dropped stream was resumed (XEP-0198): the server kept the session, roster and presence. */
  onResumed(handler: () => Promise<void> | void): () => void;
  /** Runs when the session is gone: an intended disconnect, or a drop that could not be resumed. */
  onOffline(handler: () => void): () => void;
}

export interface DiscoRegistry {
  addFeature(ns: string): void;
  removeFeature(ns: string): void;
  /** What our presence advertises (XEP-0115) for the current feature set. */
  caps(): { node: string; ver: string };
}

export interface ModuleContext {
  readonly account: AccountId;
  readonly xmpp: Connection;
  readonly lifecycle: Lifecycle;
  readonly disco: DiscoRegistry;
  readonly emit: CoreEmitter['emit'];
  readonly store: Store;
  readonly log: Logger;
  readonly limits?: { readonly archivePages?: number; readonly firstSyncDays?: number };
}

export interface XmppModule<Api> {
  readonly id: string;
  setup(ctx: ModuleContext): Api & { dispose(): void };
}
