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

/** Availability rank (chat first, offline last): a switch, where a lookup by the show's name would make the
 * optimizing compiler give up its code each time the roster meets a show it had not yet seen. */
function showRank(show: PresenceShow): number {
  switch (show) {
    case 'chat':
      return 0;
    case 'online':
      return 1;
    case 'away':
      return 2;
    case 'xa':
      return 3;
    case 'dnd':
      return 4;
    default:
      return 5;
  }
}

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
    if (!best || r.priority > best.priority || (r.priority === best.priority && showRank(r.show) < showRank(best.show)))
      best = r;
  return best ? { show: best.show, status: best.status } : { show: 'offline', status: '' };
}

/** Someone who asked to see our presence and is not otherwise in our roster. */
const isOnlyRequest = (item: RosterItem): boolean => item.pendingIn && item.subscription === 'none' && !item.pendingOut;

/** One collator for all comparisons: localeCompare with options builds a new one per call (slow for thousands). */
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** A contact's place in the roster, worked out once per roster (and set of gateways). */
interface Placed {
  item: RosterItem;
  displayName: string;
  /** A gateway's network, for the gateway and for the contacts it brings. */
  network: { type: string; gateway: boolean } | undefined;
  /** Indexes into the layout's group names. */
  groups: number[];
}

/** A contact's view as last made, and what it was made from. */
interface MadeView {
  presence: ContactPresence | undefined;
  unread: number;
  view: ContactView;
}

interface RosterLayout {
  gateways: ReadonlyMap<string, string> | undefined;
  /** Every group name, in the order groups are shown. */
  groupNames: string[];
  /** The contacts (not those who only asked) in name order. */
  placed: Placed[];
  /**
   * Each placed contact's view as last made, kept while what it shows is unchanged: a presence repaint then
   * makes new views only for the contacts whose presence changed, and the rows of the others are not
   * rendered again.
   */
  made: (MadeView | undefined)[];
  /** Who asked to see our presence and has not been answered (shown above the groups). */
  requests: RosterItem[];
}

/**
 * The roster's layout, worked out once per roster: a login's presences rebuild the view many times, and
 * walking the contacts in name order with their groups known fills each group already sorted by name (no
 * collating, comparing or group lookups per rebuild).
 */
const layouts = new WeakMap<readonly RosterItem[], RosterLayout>();
function layoutOf(items: readonly RosterItem[], gateways: ReadonlyMap<string, string> | undefined): RosterLayout {
  const known = layouts.get(items);
  if (known !== undefined && known.gateways === gateways) return known;
  const named = items
    .filter((item) => !isOnlyRequest(item))
    .map((item) => ({ item, displayName: displayName(item) }))
    .sort(
      (a, b) =>
        collator.compare(a.displayName, b.displayName) ||
        (a.item.jid < b.item.jid ? -1 : a.item.jid > b.item.jid ? 1 : 0),
    );
  const groupsOf = ({ jid, groups }: RosterItem): readonly string[] =>
    gateways?.has(jid) ? [GATEWAYS_GROUP] : groups.length > 0 ? groups : [''];
  const groupNames = [...new Set(named.flatMap(({ item }) => groupsOf(item)))].sort(
    (a, b) => groupOrder(a) - groupOrder(b) || a.localeCompare(b),
  );
  const index = new Map(groupNames.map((name, i) => [name, i]));
  const placed = named.map(({ item, displayName }): Placed => {
    const network = gateways?.get(item.jid) ?? gateways?.get(item.jid.slice(item.jid.indexOf('@') + 1));
    return {
      item,
      displayName,
      network: network === undefined ? undefined : { type: network, gateway: gateways?.has(item.jid) === true },
      groups: groupsOf(item).map((name) => index.get(name) ?? 0),
    };
  });
  const requests = items.filter((i) => i.pendingIn && i.subscription !== 'from' && i.subscription !== 'both');
  const layout = { gateways, groupNames, placed, made: placed.map(() => undefined), requests };
  layouts.set(items, layout);
  return layout;
}

function makeView(placed: Placed, presence: ContactPresence | undefined, unread: number): ContactView {
  const { item, displayName, network } = placed;
  const { show, status } = bestPresence(presence);
  const view: ContactView = { jid: item.jid, displayName, item, show, status, unread };
  if (presence?.unreachable) view.unreachable = presence.unreachable;
  if (network) view.network = network;
  return view;
}

/** Name-ordered contacts by availability (chat, online, away, xa, dnd, offline), by name within each. */
function byAvailability(contacts: ContactView[]): ContactView[] {
  const buckets: ContactView[][] = [[], [], [], [], [], []];
  for (const contact of contacts) buckets[showRank(contact.show)]?.push(contact);
  const sorted: ContactView[] = [];
  for (const bucket of buckets) for (const contact of bucket) sorted.push(contact);
  return sorted;
}

interface Filled {
  members: ContactView[][];
  online: number[];
  total: number[];
}

/**
 * The contacts that show, group by group, and each group's counts: the loop a login's presences run once per
 * repaint over every contact. Kept apart and small, so the optimizing compiler that picks it up during the
 * first flood of presences has little to compile (with the layout building inlined it took 120–200 ms of CPU).
 */
function fillGroups(
  layout: RosterLayout,
  presence: Readonly<Record<string, ContactPresence>>,
  unread: Readonly<Record<string, number>>,
  needle: string,
  hideOffline: boolean,
): Filled {
  const count = layout.groupNames.length;
  const members: ContactView[][] = [];
  for (let g = 0; g < count; g++) members.push([]);
  const online = new Array<number>(count).fill(0);
  const total = new Array<number>(count).fill(0);
  const { placed, made } = layout;
  // Indexed loops only: iterators would give the compiler more to inline for every contact.
  for (let i = 0; i < placed.length; i++) {
    const place = placed[i] as Placed;
    const jid = place.item.jid;
    const contactPresence = presence[jid];
    const contactUnread = unread[jid] ?? 0;
    const last = made[i];
    let contact: ContactView;
    if (last !== undefined && last.presence === contactPresence && last.unread === contactUnread) contact = last.view;
    else {
      contact = makeView(place, contactPresence, contactUnread);
      made[i] = { presence: contactPresence, unread: contactUnread, view: contact };
    }
    const offline = contact.show === 'offline';
    const groups = place.groups;
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k] as number;
      total[g] = (total[g] as number) + 1;
      if (!offline) online[g] = (online[g] as number) + 1;
    }
    if (needle && !contact.displayName.toLowerCase().includes(needle) && !jid.includes(needle)) continue;
    if (hideOffline && offline && contactUnread === 0 && !needle) continue;
    for (let k = 0; k < groups.length; k++) members[groups[k] as number]?.push(contact);
  }
  return { members, online, total };
}

export function buildRosterView(
  items: readonly RosterItem[],
  presence: Readonly<Record<string, ContactPresence>>,
  unread: Readonly<Record<string, number>>,
  options: RosterOptions,
): RosterView {
  const layout = layoutOf(items, options.gateways);
  const { members, online, total } = fillGroups(
    layout,
    presence,
    unread,
    options.filter.trim().toLowerCase(),
    options.hideOffline,
  );
  const groups: GroupView[] = [];
  for (const [g, name] of layout.groupNames.entries()) {
    const contacts = members[g] ?? [];
    if (contacts.length === 0) continue;
    groups.push({
      name,
      contacts: options.sort === 'name' ? contacts : byAvailability(contacts),
      online: online[g] ?? 0,
      total: total[g] ?? 0,
    });
  }
  return { requests: layout.requests, groups };
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
