// Legacy OMEMO's XML (eu.siacs.conversations.axolotl): device lists, bundles and <encrypted/>
// elements, built as every mainstream client writes them and read as leniently as they must be.
import { el, type Element, xml } from '../../xmpp/stanza.ts';

export const NS_OMEMO = 'eu.siacs.conversations.axolotl';
export const DEVICELIST_NODE = `${NS_OMEMO}.devicelist`;
export const bundleNode = (device: number): string => `${NS_OMEMO}.bundles:${device}`;
const MAX_DEVICES = 200;
const MAX_PRE_KEYS = 200;

export interface BundleKeys {
  identityKey: Uint8Array;
  signedPreKey: { id: number; publicKey: Uint8Array; signature: Uint8Array };
  preKeys: { id: number; publicKey: Uint8Array }[];
}

export interface EncryptedKey {
  rid: number;
  preKey: boolean;
  data: Uint8Array;
}

export interface EncryptedElement {
  sid: number;
  keys: EncryptedKey[];
  iv: Uint8Array;
  /** Absent in key-transport messages. */
  payload?: Uint8Array | undefined;
}

export class OmemoFormatError extends Error {
  constructor(what: string) {
    super(`Malformed OMEMO data: ${what}`);
    this.name = 'OmemoFormatError';
  }
}

/** Device ids are 1 … 2³¹−1. */
export function deviceId(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,10}$/u.test(value)) return undefined;
  const id = Number(value);
  return id >= 1 && id <= 0x7fffffff ? id : undefined;
}

export const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
/** Base64 text as bytes (whitespace ignored); with `length`, exactly that many. */
export function decode(text: string | undefined | null, what: string, length?: number): Uint8Array {
  const clean = (text ?? '').replace(/\s+/gu, '');
  if (!clean || !/^[A-Za-z0-9+/]+={0,2}$/u.test(clean)) throw new OmemoFormatError(`${what} is not base64`);
  const bytes = new Uint8Array(Buffer.from(clean, 'base64'));
  if (length !== undefined && bytes.length !== length) throw new OmemoFormatError(`${what} is not ${length} bytes`);
  return bytes;
}
function publicKey(text: string | null | undefined, what: string): Uint8Array {
  const key = decode(text, what);
  if (key.length !== 33 || key[0] !== 0x05) throw new OmemoFormatError(`${what} is not a 33-byte Curve25519 key`);
  return key;
}

export function parseDeviceList(list: Element | undefined): number[] {
  const ids = new Set<number>();
  for (const device of list?.getChildren('device') ?? []) {
    const id = deviceId(device.attrs.id);
    if (id !== undefined) ids.add(id);
    if (ids.size >= MAX_DEVICES) break;
  }
  return [...ids];
}

export function buildDeviceList(ids: readonly number[]): Element {
  return el('list', NS_OMEMO, {}, ...ids.map((id) => xml('device', { id: String(id) })));
}

export function parseBundle(bundle: Element | undefined): BundleKeys {
  if (!bundle) throw new OmemoFormatError('no bundle');
  const signed = bundle.getChild('signedPreKeyPublic');
  const signedId = deviceId(signed?.attrs.signedPreKeyId) ?? (signed?.attrs.signedPreKeyId === '0' ? 0 : undefined);
  if (signedId === undefined) throw new OmemoFormatError('the signed pre-key has no id');
  const signature = decode(bundle.getChildText('signedPreKeySignature'), 'the signature');
  if (signature.length !== 64) throw new OmemoFormatError('the signature is not 64 bytes');
  const preKeys = (bundle.getChild('prekeys')?.getChildren('preKeyPublic') ?? [])
    .slice(0, MAX_PRE_KEYS)
    .flatMap((p) => {
      const id = deviceId(p.attrs.preKeyId);
      try {
        return id === undefined ? [] : [{ id, publicKey: publicKey(p.text(), 'a pre-key') }];
      } catch {
        return [];
      }
    });
  if (preKeys.length === 0) throw new OmemoFormatError('the bundle has no usable pre-keys');
  return {
    identityKey: publicKey(bundle.getChildText('identityKey'), 'the identity key'),
    signedPreKey: { id: signedId, publicKey: publicKey(signed?.text(), 'the signed pre-key'), signature },
    preKeys,
  };
}

/** Child order as the XEP's schema has it (python-oldmemo validates it). */
export function buildBundle(keys: BundleKeys): Element {
  return el(
    'bundle',
    NS_OMEMO,
    {},
    xml('signedPreKeyPublic', { signedPreKeyId: String(keys.signedPreKey.id) }, base64(keys.signedPreKey.publicKey)),
    xml('signedPreKeySignature', {}, base64(keys.signedPreKey.signature)),
    xml('identityKey', {}, base64(keys.identityKey)),
    xml(
      'prekeys',
      {},
      ...keys.preKeys.map((k) => xml('preKeyPublic', { preKeyId: String(k.id) }, base64(k.publicKey))),
    ),
  );
}

/** The one <encrypted/> of a message, or undefined when there is none; malformed ones throw. */
export function parseEncrypted(message: Element): EncryptedElement | undefined {
  const all = message.getChildren('encrypted', NS_OMEMO);
  if (all.length === 0) return undefined;
  if (all.length > 1) throw new OmemoFormatError('more than one <encrypted/>');
  const header = all[0]?.getChild('header');
  const sid = deviceId(header?.attrs.sid);
  if (sid === undefined) throw new OmemoFormatError('no sender device id');
  const keys = (header?.getChildren('key') ?? []).slice(0, 1000).flatMap((key) => {
    const rid = deviceId(key.attrs.rid);
    return rid === undefined
      ? []
      : [{ rid, preKey: key.attrs.prekey === 'true' || key.attrs.prekey === '1', data: decode(key.text(), 'a key') }];
  });
  const payloadText = all[0]?.getChildText('payload');
  return {
    sid,
    keys,
    iv: decode(header?.getChildText('iv'), 'the IV'),
    ...(payloadText ? { payload: decode(payloadText, 'the payload') } : {}),
  };
}

export function buildEncrypted(encrypted: EncryptedElement): Element {
  return el(
    'encrypted',
    NS_OMEMO,
    {},
    xml(
      'header',
      { sid: String(encrypted.sid) },
      ...encrypted.keys.map((k) =>
        xml('key', { rid: String(k.rid), ...(k.preKey ? { prekey: 'true' } : {}) }, base64(k.data)),
      ),
      xml('iv', {}, base64(encrypted.iv)),
    ),
    encrypted.payload ? xml('payload', {}, base64(encrypted.payload)) : undefined,
  );
}
