// What the roster panel shows: requests on top, then contacts grouped, filtered and sorted.
import type { ErrorReason } from '../../shared/model/errors.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ContactPresence, PresenceShow, ResourcePresence } from '../../shared/model/presence.ts';
import type { RosterItem } from '../../shared/model/roster.ts';

export type RosterSort = 'name' | 'presence';

export interface ContactView {
  jid: BareJid;
  displayName: string;
  item: RosterItem;
  show: PresenceShow;
  status: string;
  unread: number;
  /** Our presence to them bounced: why, to show instead of their status. */
  unreachable?: ErrorReason;
  /** A gateway's network (its disco type), for the gateway and for the contacts it brings. */
  network?: { type: string; gateway: boolean };
}

export interface GroupView {
  /** '' is the group of contacts without one. */
  name: string;
  contacts: ContactView[];
  online: number;
  total: number;
}

export interface RosterView {
  requests: RosterItem[];
  groups: GroupView[];
}

export interface RosterOptions {
  filter: string;
  /** Registered gateways (XEP-0100) and their network: listed in a group of their own, after the contacts. */
  gateways?: ReadonlyMap<string, string>;
  hideOffline: boolean;
  sort: RosterSort;
}

/** The group registered gateways are listed in (a name no roster group can have: it starts with a NUL). */
export const GATEWAYS_GROUP = '\u0000gateways';
/** Named groups first, then contacts without a group, then the gateways. */
const groupOrder = (name: string): number => (name === GATEWAYS_GROUP ? 2 : name === '' ? 1 : 0);

const SHOW_ORDER: Record<PresenceShow, number> = { chat: 0, online: 1, away: 2, xa: 3, dnd: 4, offline: 5 };

export function displayName(item: Pick<RosterItem, 'jid' | 'name' | 'nick'>): string {
  if (item.name.trim()) return item.name.trim();
  if (item.nick?.trim()) return item.nick.trim();
  const slash = item.jid.indexOf('/');
  if (slash > 0) return item.jid.slice(slash + 1);
  const at = item.jid.indexOf('@');
  return at > 0 ? item.jid.slice(0, at) : item.jid;
}

/** The show and status of the most available resource (highest priority, then most available). */
export function bestPresence(presence: ContactPresence | undefined): { show: PresenceShow; status: string } {
  // One pass, no copy: the roster asks this for every contact on every presence repaint.
  let best: ResourcePresence | undefined;
  for (const r of presence?.resources ?? [])
    if (
      !best ||
      r.priority > best.priority ||
      (r.priority === best.priority && SHOW_ORDER[r.show] < SHOW_ORDER[best.show])
    )
      best = r;
  return best ? { show: best.show, status: best.status } : { show: 'offline', status: '' };
}

/** Someone who asked to see our presence and is not otherwise in our roster. */
const isOnlyRequest = (item: RosterItem): boolean => item.pendingIn && item.subscription === 'none' && !item.pendingOut;

/** One collator for all comparisons: localeCompare with options builds a new one per call (slow for thousands). */
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/**
 * The roster in name order, worked out once per roster: a login's presences rebuild the view many times, and
 * walking the contacts in this order fills each group already sorted by name (no collating or comparing per
 * rebuild).
 */
const nameOrders = new WeakMap<readonly RosterItem[], readonly RosterItem[]>();
function inNameOrder(items: readonly RosterItem[]): readonly RosterItem[] {
  let ordered = nameOrders.get(items);
  if (!ordered) {
    const named = items.map((item) => ({ item, displayName: displayName(item) }));
    named.sort(
      (a, b) =>
        collator.compare(a.displayName, b.displayName) ||
        (a.item.jid < b.item.jid ? -1 : a.item.jid > b.item.jid ? 1 : 0),
    );
    ordered = named.map((n) => n.item);
    nameOrders.set(items, ordered);
  }
  return ordered;
}

/** Name-ordered contacts by availability (chat, online, away, xa, dnd, offline), by name within each. */
function byAvailability(contacts: ContactView[]): ContactView[] {
  const buckets: ContactView[][] = [[], [], [], [], [], []];
  for (const contact of contacts) buckets[SHOW_ORDER[contact.show]]?.push(contact);
  return buckets.flat();
}

export function buildRosterView(
  items: readonly RosterItem[],
  presence: Readonly<Record<string, ContactPresence>>,
  unread: Readonly<Record<string, number>>,
  options: RosterOptions,
): RosterView {
  const needle = options.filter.trim().toLowerCase();
  const groups = new Map<string, ContactView[]>();
  const totals = new Map<string, { online: number; total: number }>();
  for (const item of inNameOrder(items)) {
    if (isOnlyRequest(item)) continue;
    const { show, status } = bestPresence(presence[item.jid]);
    const contact: ContactView = {
      jid: item.jid,
      displayName: displayName(item),
      item,
      show,
      status,
      unread: unread[item.jid] ?? 0,
    };
    const bounced = presence[item.jid]?.unreachable;
    if (bounced) contact.unreachable = bounced;
    const network = options.gateways?.get(item.jid) ?? options.gateways?.get(item.jid.slice(item.jid.indexOf('@') + 1));
    if (network !== undefined) contact.network = { type: network, gateway: options.gateways?.has(item.jid) === true };
    const names = options.gateways?.has(item.jid) ? [GATEWAYS_GROUP] : item.groups.length > 0 ? item.groups : [''];
    for (const name of names) {
      const total = totals.get(name) ?? { online: 0, total: 0 };
      total.total++;
      if (show !== 'offline') total.online++;
      totals.set(name, total);
    }
    if (needle && !contact.displayName.toLowerCase().includes(needle) && !item.jid.includes(needle)) continue;
    if (options.hideOffline && show === 'offline' && contact.unread === 0 && !needle) continue;
    for (const name of names) {
      const members = groups.get(name);
      if (members) members.push(contact);
      else groups.set(name, [contact]);
    }
  }
  const ordered = [...groups.entries()]
    .sort(([a], [b]) => groupOrder(a) - groupOrder(b) || a.localeCompare(b))
    .map(([name, contacts]) => ({
      name,
      contacts: options.sort === 'name' ? contacts : byAvailability(contacts),
      ...(totals.get(name) ?? { online: 0, total: 0 }),
    }));
  return {
    requests: items.filter((i) => i.pendingIn && i.subscription !== 'from' && i.subscription !== 'both'),
    groups: ordered,
  };
}

/** Fixed sizes (see styles.css) let the panel render only the rows near the viewport, even with thousands of contacts. */
export const ROW_PX = 52;
export const GROUP_HEADER_PX = 34;
const OVERSCAN_PX = 600;

/** The contacts of a group that fall within the viewport (plus overscan), given where the group's rows start. */
export function visibleSlice(
  count: number,
  rowsStart: number,
  viewTop: number,
  viewHeight: number,
): { first: number; last: number } {
  const clamp = (n: number): number => Math.max(0, Math.min(count, n));
  return {
    first: clamp(Math.floor((viewTop - OVERSCAN_PX - rowsStart) / ROW_PX)),
    last: clamp(Math.ceil((viewTop + viewHeight + OVERSCAN_PX - rowsStart) / ROW_PX)),
  };
}

/** Chats with people who are not contacts (and not blocked): shown apart, as requests, not mixed in. */
export function strangerChats(
  items: readonly RosterItem[],
  chatPeers: readonly string[],
  blocked: readonly string[],
): BareJid[] {
  const known = new Set(
    items.filter((i) => i.subscription !== 'none' || i.pendingOut || i.name || i.groups.length > 0).map((i) => i.jid),
  );
  const hidden = new Set(blocked);
  return [...new Set(chatPeers)].filter((jid) => !known.has(jid as BareJid) && !hidden.has(jid)).sort() as BareJid[];
}
