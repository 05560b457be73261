// The rooms slice's reducers: rooms per account, occupants per room (applied in batches).
import type { AccountId } from '../../shared/model/account.ts';
import type { CoreEvents } from '../../shared/ipc/contract.ts';
import type { Occupant, Room, RoomInvitation } from '../../shared/model/muc.ts';
import { chatKey, type ChatKey } from './chats.ts';

export type RoomsByJid = Record<string, Room>;
export type OccupantsByNick = Record<string, Occupant>;

export function withRoom(
  all: Readonly<Record<AccountId, RoomsByJid>>,
  account: AccountId,
  room: Room,
): Record<AccountId, RoomsByJid> {
  return { ...all, [account]: { ...all[account], [room.jid]: room } };
}

export function withoutRoom(
  all: Readonly<Record<AccountId, RoomsByJid>>,
  account: AccountId,
  room: string,
): Record<AccountId, RoomsByJid> {
  const { [room]: _gone, ...rest } = all[account] ?? {};
  return { ...all, [account]: rest };
}

export type OccupantBatch = CoreEvents['muc.occupantsChanged'];

/** Batches of occupant changes (a big room's join, a busy room) applied at once, one copy per room. */
export function withOccupantBatches(
  all: Readonly<Record<ChatKey, OccupantsByNick>>,
  batches: readonly OccupantBatch[],
): Record<ChatKey, OccupantsByNick> {
  const next: Record<ChatKey, OccupantsByNick> = { ...all };
  const copied = new Set<ChatKey>();
  for (const { account, room, present, gone } of batches) {
    const key = chatKey(account, room);
    if (!copied.has(key)) {
      next[key] = { ...next[key] };
      copied.add(key);
    }
    const map = next[key] ?? {};
    for (const nick of gone) delete map[nick];
    for (const occupant of present) map[occupant.nick] = occupant;
  }
  return next;
}

/** The occupant lists repaint at most every 50 ms, and less often the bigger the biggest room. */
const LIST_REPAINT_MS = 50;
const JOINING_REPAINT_MS = 1000;

/**
 * How often the occupant lists may repaint while occupants come and go. While a room is being joined, every
 * second: every occupant's presence comes before ours (XEP-0045 §7.2.3), and ours paints the whole list at once.
 * The engine already sends a joining room's occupants in a few batches (occupantChanges.ts); holding their paint
 * on top of that still saved renderer work (task time 215–236 ms against 236–308 ms in four alternating joins of
 * 5,000, the list complete no later). Otherwise in proportion to the biggest room (every 0.5 s from 5,000).
 */
export function occupantRepaintMs(
  rooms: Readonly<Record<AccountId, RoomsByJid>>,
  occupants: Readonly<Record<ChatKey, OccupantsByNick>>,
): number {
  for (const byJid of Object.values(rooms))
    for (const room of Object.values(byJid)) if (room.state.status === 'joining') return JOINING_REPAINT_MS;
  let biggest = 0;
  for (const room of Object.values(occupants)) biggest = Math.max(biggest, Object.keys(room).length);
  return LIST_REPAINT_MS * Math.min(10, Math.max(1, biggest / 500));
}

export const ROLE_ORDER = ['moderator', 'participant', 'visitor', 'none'] as const;
/** One collator for all comparisons: localeCompare with options builds a new one per call (slow for thousands). */
const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Occupants grouped by role (moderators first), each group sorted by nick. */
export function groupOccupants(
  occupants: Readonly<OccupantsByNick> | undefined,
): { role: Occupant['role']; occupants: Occupant[] }[] {
  const list = Object.values(occupants ?? {});
  return ROLE_ORDER.map((role) => ({
    role,
    occupants: list.filter((o) => o.role === role).sort((a, b) => byName.compare(a.nick, b.nick)),
  })).filter((g) => g.occupants.length > 0);
}

export function withoutInvitation(
  list: readonly (RoomInvitation & { account: AccountId })[],
  room: string,
): (RoomInvitation & { account: AccountId })[] {
  return list.filter((i) => i.room !== room);
}
