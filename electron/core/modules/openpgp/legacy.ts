// XEP-0027 in the engine: a contact's legacy key (imported by hand, or an XEP-0373 key of theirs), learnt to
// be theirs from their signed presence; their jabber:x:encrypted messages opened (never signed: always
// flagged legacy); ours sent that way when the user picks it; our presence signed when the user asks.
import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import type { MessageEncryption } from '../../../../shared/model/message.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/index.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';
import { NS_HINTS } from '../chat/chat.build.ts';
import { type Key, type PrivateKey, readKey } from 'openpgp';
import { fingerprintOf, PgpError } from './pgpCrypto.ts';
import { decryptLegacy, encryptLegacy, signStatus, verifyStatus } from './pgpLegacy.ts';

export const NS_LEGACY_ENCRYPTED = 'jabber:x:encrypted';
export const NS_LEGACY_SIGNED = 'jabber:x:signed';
const NS_EME = 'urn:xmpp:eme:0';
export const LEGACY_FALLBACK_BODY = '[This message is OpenPGP encrypted (see XEP-0027)]';

export interface LegacyDeps {
  account: AccountId;
  store: Store;
  log: Logger;
  ownKey: () => Promise<PrivateKey>;
  changed: (jid: BareJid) => void;
}

export function createLegacy({ account, store, log, ownKey, changed }: LegacyDeps) {
  const mapKey = (jid: BareJid): string => `openpgp-legacy ${account} ${jid}`;
  const signKey = `openpgp-sign-presence ${account}`;
  const parse = (bytes: Uint8Array): Promise<Key | undefined> => readKey({ binaryKey: bytes }).catch(() => undefined);
  const keysOf = async (jid: BareJid): Promise<Key[]> =>
    (
      await Promise.all(
        store.openpgp
          .keys(account, jid)
          .filter((k) => k.trust !== 'distrusted')
          .map((k) => parse(k.publicKey)),
      )
    ).filter((k): k is Key => k !== undefined);
  /** The key legacy messages to `jid` go to: the one their signed presence named, else their only key. */
  const recipientKey = async (jid: BareJid): Promise<Key> => {
    const mapped = store.meta.get(mapKey(jid));
    const keys = await keysOf(jid);
    const key =
      (mapped ? keys.find((k) => fingerprintOf(k) === mapped) : undefined) ?? (keys.length === 1 ? keys[0] : undefined);
    if (!key)
      throw new PgpError('bad-key', `No OpenPGP key of ${jid} is known for legacy encryption: import theirs first`);
    return key;
  };
  let signed: { status: string; signature: string } | undefined;

  return {
    carries: (message: Element): boolean => message.getChild('x', NS_LEGACY_ENCRYPTED) !== undefined,
    /** Never signed: the record says legacy, with the trust of the key we know for them if any. */
    open: async (message: Element, sender: BareJid): Promise<{ body: string; encryption: MessageEncryption }> => {
      const text = message.getChild('x', NS_LEGACY_ENCRYPTED)?.text() ?? '';
      try {
        const body = await decryptLegacy(text, await ownKey());
        return { body, encryption: { protocol: 'openpgp-legacy', jid: sender } };
      } catch {
        return {
          body: '',
          encryption: {
            protocol: 'openpgp-legacy',
            jid: sender,
            code: 'not-for-us',
            error: 'This legacy OpenPGP message could not be decrypted with this account’s key.',
          },
        };
      }
    },
    prepare: async (peer: BareJid): Promise<MessageEncryption> => {
      const key = await recipientKey(peer);
      return { protocol: 'openpgp-legacy', jid: peer, fingerprint: fingerprintOf(key) };
    },
    seal: async (peer: BareJid, body: string): Promise<Element[]> => {
      const sealed = await encryptLegacy(body, [await recipientKey(peer)], await ownKey());
      return [
        el('x', NS_LEGACY_ENCRYPTED, {}, sealed),
        el('encryption', NS_EME, { namespace: NS_LEGACY_ENCRYPTED, name: 'OpenPGP (legacy)' }),
        el('store', NS_HINTS),
        xml('body', {}, LEGACY_FALLBACK_BODY),
      ];
    },
    /** A contact's key handed over out of band (a file, a keyserver): kept for legacy encryption. */
    importContactKey: async (jid: BareJid, armored: string): Promise<string> => {
      const key = await readKey({ armoredKey: armored }).catch(() => undefined);
      if (!key) throw new PgpError('not-a-key', 'That is not an armored OpenPGP public key');
      const publicKey = key.isPrivate() ? key.toPublic() : key;
      const fingerprint = fingerprintOf(publicKey);
      store.openpgp.putKey(account, jid, fingerprint, publicKey.write(), 'blind');
      store.meta.set(mapKey(jid), fingerprint);
      changed(jid);
      return fingerprint;
    },
    /** A signed presence (jabber:x:signed): when one of the contact's keys made it, that key is theirs for XEP-0027. */
    onPresence: async (stanza: Element): Promise<void> => {
      const signature = stanza.getChild('x', NS_LEGACY_SIGNED)?.text();
      const jid = toBareJid(stanza.attrs.from ?? '');
      if (!signature || !jid || stanza.attrs.type) return;
      const signer = await verifyStatus(stanza.getChildText('status') ?? '', signature, await keysOf(jid));
      if (!signer) return;
      const fingerprint = fingerprintOf(signer);
      if (store.meta.get(mapKey(jid)) === fingerprint) return;
      store.meta.set(mapKey(jid), fingerprint);
      log.info('a signed presence named a contact’s legacy OpenPGP key', { jid, fingerprint });
      changed(jid);
    },
    signsPresence: (): boolean => store.meta.get(signKey) === '1',
    setSignsPresence: (on: boolean): void => {
      store.meta.set(signKey, on ? '1' : '0');
      signed = undefined;
    },
    /** The signature our next presence carries: made for the current status, ahead of sending. */
    presenceSignature: (status: string): Element | undefined =>
      signed && signed.status === status ? el('x', NS_LEGACY_SIGNED, {}, signed.signature) : undefined,
    /** Signs the status if it changed; true when a new signature is ready (the presence should go again). */
    prepareSignature: async (status: string): Promise<boolean> => {
      if (store.meta.get(signKey) !== '1' || signed?.status === status) return false;
      signed = { status, signature: await signStatus(status, await ownKey()) };
      return true;
    },
    legacyKeyOf: (jid: BareJid): string | undefined => store.meta.get(mapKey(jid)),
  };
}
