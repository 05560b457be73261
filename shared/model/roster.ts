import type { BareJid } from './jid.ts';

export type Subscription = 'none' | 'to' | 'from' | 'both';

export interface RosterItem {
  jid: BareJid;
  name: string;
  subscription: Subscription;
  /** We asked to see their presence and they have not answered yet. */
  pendingOut: boolean;
  /** They asked to see our presence and we have not answered yet. */
  pendingIn: boolean;
  /** We pre-approved their request (RFC 6121 §3.4). */
  approved: boolean;
  groups: string[];
  /** The nickname they gave themselves (XEP-0172): their name where the roster has none. */
  nick?: string;
}
