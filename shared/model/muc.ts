// Group chats (XEP-0045) as the UI sees them.
import type { BareJid } from './jid.ts';
import type { PresenceShow } from './presence.ts';

export type Role = 'moderator' | 'participant' | 'visitor' | 'none';
export type Affiliation = 'owner' | 'admin' | 'member' | 'outcast' | 'none';
export const ROLES: readonly Role[] = ['moderator', 'participant', 'visitor', 'none'];
export const AFFILIATIONS: readonly Affiliation[] = ['owner', 'admin', 'member', 'outcast', 'none'];

export interface Occupant {
  nick: string;
  role: Role;
  affiliation: Affiliation;
  show: Exclude<PresenceShow, 'offline'>;
  status: string;
  /** The real JID, where the room reveals it. */
  jid?: BareJid;
  /** XEP-0421: the same person across nick changes, as the room vouches. */
  occupantId?: string;
  /** XEP-0153: the SHA-1 of the occupant's own picture, fetched on demand (avatar.occupant). */
  avatar?: string;
}

export type RoomState =
  | { status: 'joining' }
  | { status: 'joined' }
  | { status: 'left'; reason?: string }
  | { status: 'error'; condition: string; message: string };

export interface Room {
  jid: BareJid;
  nick: string;
  name: string;
  subject: string;
  state: RoomState;
  /** Our own role and affiliation in the room. */
  role: Role;
  affiliation: Affiliation;
  /** How many messages mention our nick since the room was last read. */
  mentions: number;
  /** We just created it and it waits (locked) for its configuration form. */
  created?: boolean;
  /** XEP-0444 §2.2: what the room accepts as reactions, when it restricts them. */
  reactionRules?: ReactionRules;
}

/** A room's (or gateway's) reaction restrictions: how many per person, and which emoji. */
export interface ReactionRules {
  maxPerUser?: number;
  allowlist?: string[];
}

/** Whether a whole set of our reactions is acceptable under the rules (an empty set always is). */
export function reactionsAllowed(rules: ReactionRules | undefined, emojis: readonly string[]): boolean {
  if (!rules) return true;
  if (rules.maxPerUser !== undefined && emojis.length > rules.maxPerUser) return false;
  const allow = rules.allowlist;
  return !allow || emojis.every((e) => allow.includes(e));
}

/** How a new room is set up: a private group (members only, real addresses: OMEMO-capable) or a public channel. */
export type RoomPreset = 'private' | 'public';

export interface RoomInvitation {
  room: BareJid;
  from: BareJid;
  reason: string;
  password?: string;
}

/** XEP-0402: a room we keep, on every device. */
export interface Bookmark {
  room: BareJid;
  name: string;
  nick: string;
  autojoin: boolean;
  password?: string;
}

/** A room as a conference service lists it (XEP-0030 items + muc#roominfo). */
export interface RoomInfo {
  jid: BareJid;
  name: string;
  description: string;
  occupants?: number;
  passwordProtected: boolean;
  membersOnly: boolean;
}
