// Keys for XEP-0373: our own (generated once, sealed at rest, announced in the list every device of the
// account shares), and contacts' (the announced list followed, each key fetched once, checked, and
// trusted on first use: a contact's later new key waits for the user).
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { KeyTrust } from '../../../../shared/model/openpgp.ts';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { Connection } from '../../account/connection.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/index.ts';
import { latestItem, publishOpenItem, publishPrivateItem } from '../../xmpp/pep.ts';
import type { Vault } from '../omemo/vault.ts';
import { type Key, type PrivateKey, readPrivateKey } from 'openpgp';
import { fingerprintOf, generateOwnKey, readContactKey } from './pgpCrypto.ts';
import {
  buildKeyList,
  buildPubkey,
  keyNode,
  mergeKeyList,
  NS_OX,
  parseKeyList,
  parsePubkey,
  PUBLIC_KEYS_NODE,
  SECRET_KEY_NODE,
} from './ox.xml.ts';
import { el, xml } from '../../xmpp/stanza.ts';

export interface OxKeysDeps {
  account: AccountId;
  xmpp: Connection;
  store: Store;
  log: Logger;
  vault: () => Promise<Vault>;
  changed: (jid: BareJid) => void;
}

const utcStamp = (): string => new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z');

export function createOxKeys({ account, xmpp, store, log, vault, changed }: OxKeysDeps) {
  const repo = store.openpgp;
  let own: PrivateKey | undefined;
  /** Lists fetched (or pushed to us) in this session. */
  const listsKnown = new Set<BareJid>();
  const parsed = new Map<string, Key>();

  const ownJid = (): BareJid => xmpp.bareJid ?? account;
  const loadOwn = async (): Promise<PrivateKey | undefined> => {
    if (own) return own;
    const row = repo.own(account);
    if (!row) return undefined;
    own = await readPrivateKey({ binaryKey: (await vault()).open(row.sealedKey) });
    return own;
  };
  const keep = async (key: PrivateKey): Promise<void> => {
    repo.setOwn(account, fingerprintOf(key), (await vault()).seal(key.write()));
    repo.putKey(account, ownJid(), fingerprintOf(key), key.toPublic().write(), 'verified');
    own = key;
  };

  /** Publishes our key's data node, then puts it into the shared list (merged with the other devices' keys). */
  const announce = async (key: PrivateKey, replaced?: string): Promise<void> => {
    const fingerprint = fingerprintOf(key);
    const stamp = utcStamp();
    await publishOpenItem(xmpp, keyNode(fingerprint), stamp, buildPubkey(key.toPublic().write(), stamp));
    const listed = parseKeyList((await latestItem(xmpp, undefined, PUBLIC_KEYS_NODE))?.getChild('public-keys-list'));
    const current = listed.filter((k) => k.fingerprint !== replaced);
    if (current.length === listed.length && current.some((k) => k.fingerprint === fingerprint)) return;
    await publishOpenItem(
      xmpp,
      PUBLIC_KEYS_NODE,
      'current',
      buildKeyList(mergeKeyList(current, { fingerprint, date: stamp })),
    );
  };

  /** Reads a listed key we do not hold yet; a key that fails its checks is logged and left out. */
  const fetchKey = async (jid: BareJid, fingerprint: string): Promise<void> => {
    if (repo.key(account, jid, fingerprint)) return;
    const bytes = parsePubkey(await latestItem(xmpp, jid, keyNode(fingerprint)));
    if (!bytes) return;
    try {
      const key = await readContactKey(bytes, jid, fingerprint);
      // A contact's first key is trusted on first use; a later one (a key change, a new device) waits for the
      // user and is left out of messages until then: the chat warns. Our own other devices' keys are trusted
      // blindly until the user verified one of them (as Gajim does by default).
      const ours = repo.own(account)?.fingerprint;
      const known = repo.keys(account, jid).filter((k) => k.fingerprint !== ours);
      const trust: KeyTrust =
        jid === ownJid()
          ? known.some((k) => k.trust === 'verified')
            ? 'undecided'
            : 'blind'
          : known.length === 0
            ? 'blind'
            : 'undecided';
      repo.putKey(account, jid, fingerprint, key.write(), trust);
      parsed.set(`${jid} ${fingerprint}`, key);
    } catch (error) {
      log.warn('refused an OpenPGP key', { jid, fingerprint, error: String(error) });
    }
  };

  /** Takes a list (pushed or fetched): keys no longer listed stop being encrypted to. */
  const recordList = async (jid: BareJid, fingerprints: readonly string[]): Promise<void> => {
    listsKnown.add(jid);
    for (const fingerprint of fingerprints) await fetchKey(jid, fingerprint);
    const ownKey = jid === ownJid() ? await loadOwn() : undefined;
    repo.setAnnounced(account, jid, ownKey ? [...fingerprints, fingerprintOf(ownKey)] : fingerprints);
    changed(jid);
    if (ownKey && !fingerprints.includes(fingerprintOf(ownKey))) await announce(ownKey);
  };
  const fetchList = async (jid: BareJid): Promise<void> => {
    const item = await latestItem(xmpp, jid, PUBLIC_KEYS_NODE).catch(() => undefined);
    await recordList(
      jid,
      parseKeyList(item?.getChild('public-keys-list')).map((k) => k.fingerprint),
    );
  };

  const publicKey = async (jid: BareJid, fingerprint: string, bytes: Uint8Array): Promise<Key | undefined> => {
    const cached = parsed.get(`${jid} ${fingerprint}`);
    if (cached) return cached;
    const key = await readContactKey(bytes, jid).catch(() => undefined);
    if (key) parsed.set(`${jid} ${fingerprint}`, key);
    return key;
  };

  return {
    ownJid,
    loadOwn,
    /** Our key: loaded, or made and announced the first time. */
    setUp: async (): Promise<PrivateKey> => {
      listsKnown.clear();
      const key = (await loadOwn()) ?? (await generateOwnKey(ownJid()));
      if (!repo.own(account)) await keep(key);
      await fetchList(ownJid());
      return key;
    },
    /** Replaces our key (imported or restored) and announces it. */
    replaceOwn: async (key: PrivateKey): Promise<void> => {
      const previous = repo.own(account)?.fingerprint;
      await keep(key);
      await announce(key, previous === fingerprintOf(key) ? undefined : previous);
      changed(ownJid());
    },
    recordList,
    /** The contact's list, fetched once per session (or again with `refresh`). */
    ensureList: async (jid: BareJid, refresh = false): Promise<void> => {
      if (refresh || (!listsKnown.has(jid) && xmpp.online)) await fetchList(jid);
    },
    /** The keys messages go to: announced and trusted (or verified). */
    usableKeys: async (jid: BareJid): Promise<Key[]> => {
      const rows = repo.keys(account, jid).filter((k) => k.active && (k.trust === 'blind' || k.trust === 'verified'));
      const keys = await Promise.all(rows.map((k) => publicKey(jid, k.fingerprint, k.publicKey)));
      return keys.filter((k): k is Key => k !== undefined);
    },
    /** Every key known for the JID (old ones too: a message signed before a key change still verifies). */
    allKeys: async (jid: BareJid): Promise<Key[]> => {
      const keys = await Promise.all(repo.keys(account, jid).map((k) => publicKey(jid, k.fingerprint, k.publicKey)));
      return keys.filter((k): k is Key => k !== undefined);
    },
    /** Our secret key, kept in a whitelist node only our account reads (XEP-0373 §5). */
    publishBackup: (sealed: Uint8Array) =>
      publishPrivateItem(
        xmpp,
        SECRET_KEY_NODE,
        xml('item', { id: 'current' }, el('secretkey', NS_OX, {}, Buffer.from(sealed).toString('base64'))),
      ),
  };
}
