// What we may do to another occupant, by the rules of XEP-0045 (§8 moderator, §9 admin, §10 owner
// use cases): a moderator kicks and (de)voices anyone below admin; admins ban, grant membership
// and moderator status below their own rank; owners grant and revoke admin and owner.
import type { Affiliation, Occupant, Role } from '../../shared/model/muc.ts';

export type OccupantAction =
  | { kind: 'role'; role: Role; label: 'kick' | 'voice' | 'mute' | 'moderator' | 'unmoderator' }
  | { kind: 'affiliation'; affiliation: Affiliation; label: 'ban' | 'member' | 'unmember' | 'admin' | 'owner' };

const RANK: Record<Affiliation, number> = { outcast: -1, none: 0, member: 1, admin: 2, owner: 3 };

export function occupantActions(
  us: { role: Role; affiliation: Affiliation },
  them: Pick<Occupant, 'role' | 'affiliation' | 'jid'>,
): OccupantAction[] {
  const actions: OccupantAction[] = [];
  const protectedRank = RANK[them.affiliation] >= RANK.admin;
  const isAdmin = RANK[us.affiliation] >= RANK.admin;
  const isOwner = us.affiliation === 'owner';
  if (us.role === 'moderator' && !protectedRank) {
    actions.push({ kind: 'role', role: 'none', label: 'kick' });
    if (them.role === 'visitor') actions.push({ kind: 'role', role: 'participant', label: 'voice' });
    else if (them.role === 'participant') actions.push({ kind: 'role', role: 'visitor', label: 'mute' });
  }
  if (isAdmin && !protectedRank) {
    if (them.role !== 'moderator') actions.push({ kind: 'role', role: 'moderator', label: 'moderator' });
    else actions.push({ kind: 'role', role: 'participant', label: 'unmoderator' });
  }
  // Affiliations belong to the real JID: without it (an anonymous room) there is nothing to name.
  if (!them.jid) return actions;
  const outranked = RANK[them.affiliation] < RANK[us.affiliation];
  if (isAdmin && (outranked || isOwner)) {
    actions.push({ kind: 'affiliation', affiliation: 'outcast', label: 'ban' });
    if (them.affiliation === 'none') actions.push({ kind: 'affiliation', affiliation: 'member', label: 'member' });
    if (them.affiliation === 'member') actions.push({ kind: 'affiliation', affiliation: 'none', label: 'unmember' });
  }
  if (isOwner) {
    if (them.affiliation !== 'admin') actions.push({ kind: 'affiliation', affiliation: 'admin', label: 'admin' });
    if (them.affiliation !== 'owner') actions.push({ kind: 'affiliation', affiliation: 'owner', label: 'owner' });
    if (protectedRank) actions.push({ kind: 'affiliation', affiliation: 'member', label: 'unmember' });
  }
  return actions;
}

/** Kick and ban remove someone: they are asked about before they happen. */
export const isRemoval = (action: OccupantAction): boolean => action.label === 'kick' || action.label === 'ban';
