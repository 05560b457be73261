// OpenPGP for XMPP (XEP-0373 keys, XEP-0374 messages): our key announced, contacts' keys followed, chat
// messages signed and encrypted to the contact's trusted keys and all of ours, and every copy (live,
// carbon, archive) opened once with its signature, recipient and time checked.
import { randomBytes } from 'node:crypto';
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import type { EncryptionCode, MessageEncryption } from '../../../../shared/model/message.ts';
import type { KeyTrust, OpenPgpKey, OwnOpenPgpKey } from '../../../../shared/model/openpgp.ts';
import type { ModuleContext } from '../../xmpp/module.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';
import type { IncomingRecord } from '../../services/messages.ts';
import { NS_HINTS } from '../chat/chat.build.ts';
import { editsOf } from '../chat/chat.parse.ts';
import { latestItem } from '../../xmpp/pep.ts';
import {
  decryptAndVerify,
  fingerprintOf,
  importPrivateKey,
  newBackupCode,
  openBackup,
  PgpError,
  sealBackup,
  signAndEncrypt,
} from './pgpCrypto.ts';
import {
  buildSigncrypt,
  NS_OX,
  NS_OX_IM,
  parseKeyList,
  parseSigncrypt,
  PUBLIC_KEYS_NODE,
  readContent,
  SECRET_KEY_NODE,
} from './ox.xml.ts';
import { createOxKeys } from './oxKeys.ts';
import { createLegacy, NS_LEGACY_SIGNED } from './legacy.ts';
import type { PresenceApi } from '../presence/presence.ts';

const NS_EME = 'urn:xmpp:eme:0';
const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
export const OX_FALLBACK_BODY = 'This message is encrypted with OpenPGP for XMPP (XEP-0374).';
/** XEP-0374's `time` must be plausible: within a week of when the copy says it was sent. */
const MAX_TIME_SKEW_MS = 7 * 24 * 3600_000;

export class OpenPgpUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenPgpUnavailableError';
  }
}

export interface OpenPgpApi {
  readonly ready: Promise<void>;
  ownKey(): Promise<OwnOpenPgpKey | undefined>;
  /** The keys known for a JID (fetched first when `refresh`). */
  keys(jid: BareJid, refresh?: boolean): Promise<OpenPgpKey[]>;
  /** Whether the contact announced a key we can encrypt to. */
  usable(jid: BareJid): Promise<boolean>;
  setTrust(jid: BareJid, fingerprint: string, trust: KeyTrust): OpenPgpKey;
  /** Replaces our key with an armored private key (unlocked with its passphrase) and announces it. */
  importKey(armored: string, passphrase: string): Promise<OwnOpenPgpKey>;
  /** Publishes our secret key encrypted with a new backup code (XEP-0373 §5); the code, to write down. */
  backup(): Promise<string>;
  /** Restores the key another device backed up, with its code. */
  restore(code: string): Promise<OwnOpenPgpKey>;
  /** `legacy`: XEP-0027 instead of XEP-0374. */
  prepare(peer: BareJid, legacy?: boolean): Promise<MessageEncryption>;
  origin(legacy?: boolean): MessageEncryption;
  /** `inner`: the stanza's other extensions, carried inside the XEP-0374 payload too. */
  seal(peer: BareJid, body: string, legacy?: boolean, inner?: readonly Element[]): Promise<Element[]>;
  /** XEP-0027: a contact's public key handed over out of band; its fingerprint. */
  importContactKey(jid: BareJid, armored: string): Promise<string>;
  /** XEP-0027: whether our presence is signed (off by default: it reveals our key with every status). */
  signsPresence(): boolean;
  setSignsPresence(on: boolean): Promise<void>;
  /** The fingerprint of the contact's key for legacy messages, when one is known. */
  legacyKeyOf(jid: BareJid): string | undefined;
  /** Signs our presence through the presence module (set up after this one). */
  attachPresence(presence: PresenceApi): void;
  carries(message: Element): boolean;
  /** Opens a copy and stores it once with `ingest`; false when nothing was stored. */
  receive(
    message: Element,
    sender: BareJid,
    record: IncomingRecord,
    ingest: (r: IncomingRecord) => boolean,
  ): Promise<boolean>;
}

/** A copy opened: its text and encryption record, and the edits its payload named. */
interface Opened {
  body: string;
  encryption: MessageEncryption;
  replaces?: string;
  retracts?: string;
}

export function setupOpenPgp(ctx: ModuleContext): OpenPgpApi & { dispose(): void } {
  const { account, xmpp, lifecycle, disco, store, emit, log, keyVault } = ctx;
  const notify = `${PUBLIC_KEYS_NODE}+notify`;
  disco.addFeature(notify);
  disco.addFeature(NS_OX_IM);
  const changed = (jid: BareJid): void => emit('openpgp.changed', { account, jid });
  const keys = createOxKeys({ account, xmpp, store, log, vault: keyVault, changed });
  const legacy = createLegacy({ account, store, log, ownKey: () => whenReady(), changed });
  let presence: PresenceApi | undefined;
  let offExtension: () => void = () => undefined;
  let offBroadcast: () => void = () => undefined;
  const offPresence = xmpp.onPresence((stanza) => {
    if (stanza.getChild('x', NS_LEGACY_SIGNED))
      void serial(() => legacy.onPresence(stanza)).catch((error: unknown) =>
        log.debug('could not check a signed presence', { error: String(error) }),
      );
  });
  const statusNow = (): string => store.accounts.get(account)?.presenceStatus ?? '';
  /** A new status is signed, then the presence goes again with the signature (signing is asynchronous). */
  const resign = async (): Promise<void> => {
    if (presence && (await legacy.prepareSignature(statusNow()).catch(() => false))) await presence.announce();
  };
  let ready: Promise<void> = Promise.resolve();
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  const offOnline = lifecycle.onOnline(() => {
    ready = serial(async () => {
      await keys.setUp();
    });
    ready.catch((error: unknown) => log.warn('OpenPGP could not be set up', { error: String(error) }));
  });
  const offMessage = xmpp.onMessage((stanza) => {
    const items = stanza.getChild('event', NS_PUBSUB_EVENT)?.getChild('items');
    const from = stanza.attrs.from ?? '';
    const jid = toBareJid(from);
    if (items?.attrs.node !== PUBLIC_KEYS_NODE || !jid || jid !== from) return;
    const list = items.getChild('item')?.getChild('public-keys-list', NS_OX);
    // Notification-only nodes carry no payload: the list is fetched then.
    void serial(async () => {
      const fingerprints = list
        ? parseKeyList(list).map((k) => k.fingerprint)
        : parseKeyList((await latestItem(xmpp, jid, PUBLIC_KEYS_NODE))?.getChild('public-keys-list')).map(
            (k) => k.fingerprint,
          );
      await keys.recordList(jid, fingerprints);
    }).catch((error: unknown) => log.warn('could not follow an OpenPGP key list', { jid, error: String(error) }));
  });

  const own = async (): Promise<OwnOpenPgpKey | undefined> => {
    const key = await keys.loadOwn();
    if (!key) return undefined;
    const fingerprint = fingerprintOf(key);
    return { jid: keys.ownJid(), fingerprint, armored: key.toPublic().armor(), signsPresence: legacy.signsPresence() };
  };
  const view = (jid: BareJid): OpenPgpKey[] =>
    store.openpgp.keys(account, jid).map(({ fingerprint, trust, active }) => ({ jid, fingerprint, trust, active }));
  const whenReady = async () => {
    await ready;
    const key = await keys.loadOwn();
    if (!key) throw new OpenPgpUnavailableError('OpenPGP is not set up for this account yet');
    return key;
  };
  /** The keys a message to `peer` goes to: trusted ones (a new key after a verified one waits for the user). */
  const recipients = async (peer: BareJid) => {
    await keys.ensureList(peer);
    const theirs = await keys.usableKeys(peer);
    if (theirs.length === 0) throw new OpenPgpUnavailableError(`${peer} has announced no OpenPGP key this app trusts`);
    await keys.ensureList(keys.ownJid());
    return [...theirs, ...(await keys.usableKeys(keys.ownJid()))];
  };

  const origin = (old = false): MessageEncryption => {
    if (old) return { protocol: 'openpgp-legacy', jid: keys.ownJid() };
    const fingerprint = store.openpgp.own(account)?.fingerprint;
    return { protocol: 'openpgp', jid: keys.ownJid(), ...(fingerprint ? { fingerprint } : {}) };
  };

  /** Opens one copy; what fails a check is stored as a failure in words, never as a valid message. */
  const open = async (message: Element, sender: BareJid, record: IncomingRecord): Promise<Opened> => {
    const failed = (code: EncryptionCode, error: string, fingerprint?: string) => ({
      body: '',
      encryption: { protocol: 'openpgp' as const, jid: sender, code, error, ...(fingerprint ? { fingerprint } : {}) },
    });
    const data = message.getChildText('openpgp', NS_OX)?.replace(/\s+/gu, '') ?? '';
    const ownKey = await whenReady();
    let senderKeys = await keys.allKeys(sender);
    let opened = await decryptAndVerify(Buffer.from(data, 'base64'), [ownKey], senderKeys).catch(() => undefined);
    if (!opened)
      return failed(
        'not-for-us',
        'This OpenPGP message could not be decrypted (it was not encrypted to this account’s key).',
      );
    if (opened.signature.status === 'unknown-key' || opened.signature.status === 'unsigned') {
      // A key we have not seen yet: look at the sender's list again, once.
      await keys.ensureList(sender, true).catch(() => undefined);
      senderKeys = await keys.allKeys(sender);
      opened = await decryptAndVerify(Buffer.from(data, 'base64'), [ownKey], senderKeys);
    }
    const { signature } = opened;
    if (signature.status === 'unsigned')
      return failed('unsigned', 'This OpenPGP message is not signed; it is not shown.');
    if (signature.status === 'unknown-key')
      return failed(
        'unknown-key',
        `This OpenPGP message is signed by a key ${sender} has not announced (key ID ${signature.keyId}).`,
      );
    if (signature.status === 'invalid')
      return failed(
        'bad-signature',
        `The signature of this OpenPGP message is not valid (${signature.reason}).`,
        signature.fingerprint,
      );
    const content = parseSigncrypt(readContent(new TextDecoder().decode(opened.plain)));
    if (!content)
      return failed('no-content', 'This OpenPGP message holds no <signcrypt> content.', signature.fingerprint);
    const addressee = record.direction === 'out' ? record.peer : keys.ownJid();
    if (!content.to.some((to) => toBareJid(to) === addressee))
      return failed(
        'wrong-recipient',
        `This OpenPGP message was written for someone else (${content.to.join(', ')}).`,
        signature.fingerprint,
      );
    if (content.time === undefined || Math.abs(content.time - record.timestamp) > MAX_TIME_SKEW_MS)
      return failed(
        'stale',
        'This OpenPGP message says it was written at another time than it was sent (a replay?).',
        signature.fingerprint,
      );
    const trust = store.openpgp.key(account, sender, signature.fingerprint)?.trust ?? 'undecided';
    const inside = content.payload ? editsOf(content.payload) : { replaces: undefined, retracts: undefined };
    return {
      // What the payload names wins over the outer stanza (Gajim puts it inside; Profanity leaves it outside).
      ...(inside.replaces ? { replaces: inside.replaces } : {}),
      ...(inside.retracts ? { retracts: inside.retracts } : {}),
      body: content.body,
      encryption: { protocol: 'openpgp', jid: sender, fingerprint: signature.fingerprint, trust },
    };
  };

  return {
    get ready() {
      return ready;
    },
    ownKey: own,
    keys: async (jid, refresh = false) => {
      await keys.ensureList(jid, refresh).catch(() => undefined);
      return view(jid);
    },
    usable: async (jid) => {
      await keys.ensureList(jid).catch(() => undefined);
      return store.openpgp.keys(account, jid).some((k) => k.active && k.trust !== 'distrusted');
    },
    setTrust: (jid, fingerprint, trust) => {
      if (!store.openpgp.key(account, jid, fingerprint))
        throw new OpenPgpUnavailableError(`No key ${fingerprint} is known for ${jid}`);
      store.openpgp.setTrust(account, jid, fingerprint, trust);
      changed(jid);
      return view(jid).find((k) => k.fingerprint === fingerprint) as OpenPgpKey;
    },
    importKey: async (armored, passphrase) => {
      await keys.replaceOwn(await importPrivateKey(armored, passphrase, keys.ownJid()));
      return (await own()) as OwnOpenPgpKey;
    },
    backup: async () => {
      const key = await whenReady();
      const code = newBackupCode((n) => randomBytes(n));
      await keys.publishBackup(await sealBackup(key, code));
      return code;
    },
    restore: async (code) => {
      const item = await latestItem(xmpp, undefined, SECRET_KEY_NODE);
      const text = item?.getChildText('secretkey', NS_OX)?.replace(/\s+/gu, '') ?? '';
      if (!text) throw new PgpError('not-a-key', 'This account has no OpenPGP key backup on the server');
      const [restored] = await openBackup(Buffer.from(text, 'base64'), code);
      if (!restored) throw new PgpError('not-a-key', 'The backup holds no secret key');
      await keys.replaceOwn(restored);
      return (await own()) as OwnOpenPgpKey;
    },
    prepare: async (peer, old = false) => {
      await whenReady();
      if (old) return legacy.prepare(peer);
      await serial(() => recipients(peer));
      return origin();
    },
    origin,
    seal: async (peer, body, old = false, inner = []) => {
      if (old) return legacy.seal(peer, body);
      const key = await whenReady();
      const to = await serial(() => recipients(peer));
      const plain = buildSigncrypt([peer], new Date(), body, inner);
      const sealed = await signAndEncrypt(new TextEncoder().encode(plain), to, key);
      return [
        el('openpgp', NS_OX, {}, Buffer.from(sealed).toString('base64')),
        el('store', NS_HINTS),
        el('encryption', NS_EME, { namespace: NS_OX, name: 'OpenPGP for XMPP' }),
        xml('body', {}, OX_FALLBACK_BODY),
      ];
    },
    carries: (message) => message.getChild('openpgp', NS_OX) !== undefined || legacy.carries(message),
    importContactKey: (jid, armored) => legacy.importContactKey(jid, armored),
    signsPresence: () => legacy.signsPresence(),
    setSignsPresence: async (on) => {
      legacy.setSignsPresence(on);
      if (on) await resign();
      else await presence?.announce();
    },
    legacyKeyOf: (jid) => legacy.legacyKeyOf(jid),
    attachPresence: (api) => {
      presence = api;
      offExtension = api.addExtension(() =>
        legacy.signsPresence() ? legacy.presenceSignature(statusNow()) : undefined,
      );
      offBroadcast = api.onBroadcast(() => void resign());
    },
    receive: (message, sender, record, ingest) =>
      serial(async () => {
        const opening =
          legacy.carries(message) && !message.getChild('openpgp', NS_OX)
            ? legacy.open(message, sender)
            : open(message, sender, record);
        const opened: Opened = await opening.catch((error: unknown) => ({
          body: '',
          encryption: { protocol: 'openpgp' as const, error: error instanceof Error ? error.message : String(error) },
        }));
        const { body, encryption } = opened;
        const edits = {
          replaces: opened.replaces ?? record.replaces,
          retracts: opened.retracts ?? record.retracts,
        };
        if (encryption.error && (edits.replaces || edits.retracts)) return false;
        return ingest({ ...record, ...edits, body, encryption });
      }),
    dispose: () => {
      offOnline();
      offMessage();
      offPresence();
      offExtension();
      offBroadcast();
      disco.removeFeature(notify);
      disco.removeFeature(NS_OX_IM);
    },
  };
}
