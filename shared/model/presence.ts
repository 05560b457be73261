import type { ErrorReason } from './errors.ts';
import type { BareJid } from './jid.ts';

export type PresenceShow = 'online' | 'chat' | 'away' | 'xa' | 'dnd' | 'offline';
export const PRESENCE_SHOWS: readonly PresenceShow[] = ['online', 'chat', 'away', 'xa', 'dnd', 'offline'];

export interface ResourcePresence {
  resource: string;
  show: Exclude<PresenceShow, 'offline'>;
  status: string;
  priority: number;
  /** XEP-0319: idle since (ms), as the contact's client says. */
  idleSince?: number;
}

/** Everything known about one contact's (or the own account's) online resources. */
export interface ContactPresence {
  jid: BareJid;
  resources: ResourcePresence[];
  /** The last presence to them bounced (a server that does not exist, say); gone once they are seen. */
  unreachable?: ErrorReason;
}

/** XEP-0012: a contact's last activity (idle time of a resource, or time since an offline contact left). */
export interface LastActivity {
  seconds: number;
  /** When that was, by our clock (ms). */
  at: number;
  /** The status message left at logout, if any. */
  status?: string;
}
