// Blind trust before verification (as Conversations and Gajim): a new identity key is trusted until the
// user has verified one device of that JID; from then on new keys wait for the user's decision.
import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { DeviceTrust, OmemoDevice } from '../../../../shared/model/omemo.ts';
import type { DeviceRow, OmemoRepo } from '../../store/omemoRepo.ts';
import { formatFingerprint } from './signal.ts';

export function trustForNewKey(repo: OmemoRepo, account: AccountId, jid: BareJid): DeviceTrust {
  return repo.devices(account, jid).some((d) => d.trust === 'verified') ? 'undecided' : 'blind';
}

export function deviceView(row: DeviceRow): OmemoDevice {
  return {
    jid: row.jid,
    id: row.device,
    trust: row.trust,
    active: row.active,
    versions: [...(row.legacy ? (['legacy'] as const) : []), ...(row.v2 ? (['v2'] as const) : [])],
    firstSeen: row.firstSeen,
    ...(row.identityKey ? { fingerprint: formatFingerprint(row.identityKey) } : {}),
    ...(row.identityKey2 ? { fingerprint2: formatFingerprint(row.identityKey2) } : {}),
    ...(row.lastSeen !== undefined ? { lastSeen: row.lastSeen } : {}),
  };
}
