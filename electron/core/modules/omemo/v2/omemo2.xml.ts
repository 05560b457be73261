// OMEMO 2's XML (urn:xmpp:omemo:2): the device list, the bundle (one node, item id = device id) and
// <encrypted/> with keys grouped per recipient JID; in the order twomemo's schemas validate.
import { el, type Element, xml } from '../../../xmpp/stanza.ts';
import { base64, decode, deviceId, OmemoFormatError } from '../omemo.xml.ts';

export const NS_OMEMO2 = 'urn:xmpp:omemo:2';
export const DEVICES_NODE = `${NS_OMEMO2}:devices`;
export const BUNDLES_NODE = `${NS_OMEMO2}:bundles`;
const MAX_DEVICES = 200;
const MAX_PRE_KEYS = 200;
const MAX_KEYS = 1000;

export interface Bundle2Keys {
  ik: Uint8Array;
  spk: { id: number; publicKey: Uint8Array; signature: Uint8Array };
  preKeys: { id: number; publicKey: Uint8Array }[];
}

export interface Encrypted2Key {
  jid: string;
  rid: number;
  kex: boolean;
  data: Uint8Array;
}

export interface Encrypted2 {
  sid: number;
  keys: Encrypted2Key[];
  payload?: Uint8Array | undefined;
}

const keyId = (value: string | undefined): number | undefined => (value === '0' ? 0 : deviceId(value));

export interface Device2 {
  id: number;
  label?: string | undefined;
}

export function parseDevices(devices: Element | undefined): Device2[] {
  const found = new Map<number, Device2>();
  if (!devices?.is('devices', NS_OMEMO2)) return [];
  for (const device of devices.getChildren('device')) {
    const id = deviceId(device.attrs.id);
    const label = device.attrs.label?.slice(0, 100);
    if (id !== undefined && !found.has(id)) found.set(id, { id, ...(label ? { label } : {}) });
    if (found.size >= MAX_DEVICES) break;
  }
  return [...found.values()];
}

export function buildDevices(devices: readonly Device2[]): Element {
  return el(
    'devices',
    NS_OMEMO2,
    {},
    ...devices.map((d) => xml('device', { id: String(d.id), ...(d.label ? { label: d.label } : {}) })),
  );
}

export function parseBundle2(bundle: Element | undefined): Bundle2Keys {
  if (!bundle?.is('bundle', NS_OMEMO2)) throw new OmemoFormatError('no bundle');
  const spk = bundle.getChild('spk');
  const spkId = keyId(spk?.attrs.id);
  if (spkId === undefined) throw new OmemoFormatError('the signed pre-key has no id');
  const preKeys = (bundle.getChild('prekeys')?.getChildren('pk') ?? []).slice(0, MAX_PRE_KEYS).flatMap((pk) => {
    const id = keyId(pk.attrs.id);
    try {
      return id === undefined ? [] : [{ id, publicKey: decode(pk.text(), 'a pre-key', 32) }];
    } catch {
      return [];
    }
  });
  if (preKeys.length === 0) throw new OmemoFormatError('the bundle has no usable pre-keys');
  return {
    ik: decode(bundle.getChildText('ik'), 'the identity key', 32),
    spk: {
      id: spkId,
      publicKey: decode(spk?.text(), 'the signed pre-key', 32),
      signature: decode(bundle.getChildText('spks'), 'the signature', 64),
    },
    preKeys,
  };
}

export function buildBundle2(keys: Bundle2Keys): Element {
  return el(
    'bundle',
    NS_OMEMO2,
    {},
    xml('spk', { id: String(keys.spk.id) }, base64(keys.spk.publicKey)),
    xml('spks', {}, base64(keys.spk.signature)),
    xml('ik', {}, base64(keys.ik)),
    xml('prekeys', {}, ...keys.preKeys.map((k) => xml('pk', { id: String(k.id) }, base64(k.publicKey)))),
  );
}

/** The OMEMO 2 <encrypted/> of a message, or undefined when there is none; a malformed one throws. */
export function parseEncrypted2(message: Element): Encrypted2 | undefined {
  const all = message.getChildren('encrypted', NS_OMEMO2);
  if (all.length === 0) return undefined;
  if (all.length > 1) throw new OmemoFormatError('more than one OMEMO 2 <encrypted/>');
  const header = all[0]?.getChild('header');
  const sid = deviceId(header?.attrs.sid);
  if (sid === undefined) throw new OmemoFormatError('no sender device id');
  const keys: Encrypted2Key[] = [];
  for (const group of header?.getChildren('keys') ?? []) {
    const jid = group.attrs.jid;
    if (!jid) continue;
    for (const key of group.getChildren('key')) {
      const rid = deviceId(key.attrs.rid);
      if (rid === undefined || keys.length >= MAX_KEYS) continue;
      const kex = key.attrs.kex === 'true' || key.attrs.kex === '1';
      keys.push({ jid, rid, kex, data: decode(key.text(), 'a key') });
    }
  }
  const payloadText = all[0]?.getChildText('payload');
  return { sid, keys, ...(payloadText ? { payload: decode(payloadText, 'the payload') } : {}) };
}

export function buildEncrypted2(encrypted: Encrypted2): Element {
  const jids = [...new Set(encrypted.keys.map((k) => k.jid))];
  return el(
    'encrypted',
    NS_OMEMO2,
    {},
    xml(
      'header',
      { sid: String(encrypted.sid) },
      ...jids.map((jid) =>
        xml(
          'keys',
          { jid },
          ...encrypted.keys
            .filter((k) => k.jid === jid)
            .map((k) => xml('key', { rid: String(k.rid), ...(k.kex ? { kex: 'true' } : {}) }, base64(k.data))),
        ),
      ),
    ),
    encrypted.payload ? xml('payload', {}, base64(encrypted.payload)) : undefined,
  );
}
