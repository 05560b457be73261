import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { Connection } from '../../account/connection.ts';
import type { Logger } from '../../log.ts';
import type { OmemoRepo } from '../../store/omemoRepo.ts';
import type { SignalStore } from './signal.ts';
import type { Vault } from './vault.ts';

/** What encrypting and decrypting need, once our device is set up. */
export interface OmemoContext {
  readonly account: AccountId;
  readonly xmpp: Connection;
  readonly repo: OmemoRepo;
  readonly keys: SignalStore;
  readonly ownId: number;
  readonly log: Logger;
  readonly vault: Vault;
  ownJid(): BareJid;
  /** One of our pre-keys was used: the bundles are republished once the archive catch-up is over. */
  preKeyUsed(): void;
  /** A JID's active devices, its list fetched once per session when no notification brought it. */
  deviceIds(jid: BareJid): Promise<number[]>;
}
