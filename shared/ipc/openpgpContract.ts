// The OpenPGP (XEP-0373/0374) commands and each chat's choice of encryption.
import type { AccountId } from '../model/account.ts';
import type { BareJid } from '../model/jid.ts';
import type { ChatProtocol, KeyTrust, OpenPgpKey, OwnOpenPgpKey } from '../model/openpgp.ts';

export interface ChatEncryption {
  /** What the user picked for the chat; undefined: the default. */
  chosen?: ChatProtocol;
  /** What new messages use now ('none': in clear). */
  effective: ChatProtocol;
  /** Whether the contact announced an OpenPGP key. */
  openpgpAvailable: boolean;
  /** Their announced keys that wait for the user's decision (new after a verified one): left out of messages. */
  openpgpUndecided: number;
  /** XEP-0027: the fingerprint of the contact's key legacy messages go to, when one is known. */
  legacyKey?: string;
}

export interface OpenPgpCommands {
  /** Our key (made on first connect); null before that. */
  'openpgp.ownKey'(req: { account: AccountId }): Promise<OwnOpenPgpKey | null>;
  /** A contact's (or our own account's) keys; `refresh` fetches the announced list first. */
  'openpgp.keys'(req: { account: AccountId; jid: BareJid; refresh?: boolean }): Promise<OpenPgpKey[]>;
  'openpgp.setTrust'(req: {
    account: AccountId;
    jid: BareJid;
    fingerprint: string;
    trust: KeyTrust;
  }): Promise<OpenPgpKey>;
  /** Replaces our key with an armored private key; it is announced to contacts. */
  'openpgp.importKey'(req: { account: AccountId; armored: string; passphrase: string }): Promise<OwnOpenPgpKey>;
  /** Backs our secret key up on the server (XEP-0373 §5); the code that opens it, to write down. */
  'openpgp.backup'(req: { account: AccountId }): Promise<{ code: string }>;
  /** Takes the key another device backed up. */
  'openpgp.restore'(req: { account: AccountId; code: string }): Promise<OwnOpenPgpKey>;
  /** XEP-0027: a contact's public key handed over out of band (armored); its fingerprint. */
  'openpgp.importContactKey'(req: {
    account: AccountId;
    jid: BareJid;
    armored: string;
  }): Promise<{ fingerprint: string }>;
  /** XEP-0027: sign our presence (off by default). */
  'openpgp.setSignPresence'(req: { account: AccountId; sign: boolean }): Promise<void>;
  'encryption.get'(req: { account: AccountId; peer: BareJid }): Promise<ChatEncryption>;
  'encryption.choose'(req: { account: AccountId; peer: BareJid; protocol: ChatProtocol }): Promise<ChatEncryption>;
}
