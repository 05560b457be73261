// OMEMO 2's payload: a random 32-byte key, HKDF "OMEMO Payload" → AES-256-CBC key, HMAC key and IV; each
// device gets key ‖ HMAC(ciphertext)[:16]. The plaintext is an XEP-0420 envelope (content, rpad, from, to, time).
import { randomBytes, randomInt } from 'node:crypto';
import { el, type Element, xml } from '../../../xmpp/stanza.ts';
import { readContent } from '../../openpgp/ox.xml.ts';
import { aesCbcDecrypt, aesCbcEncrypt, hkdf, hmac, sameBytes, zeros } from './crypto2.ts';

export const NS_SCE = 'urn:xmpp:sce:1';
/** An empty OMEMO 2 message (session completion, heartbeat) carries 32 zero bytes and no payload. */
export const EMPTY_KEY_MATERIAL = zeros(32);

function derive(key: Uint8Array): { enc: Uint8Array; auth: Uint8Array; iv: Uint8Array } {
  const out = hkdf(key, zeros(32), 'OMEMO Payload', 80);
  return { enc: out.subarray(0, 32), auth: out.subarray(32, 64), iv: out.subarray(64) };
}

export function sealPayload2(plaintext: Uint8Array): { payload: Uint8Array; keyMaterial: Uint8Array } {
  const key = randomBytes(32);
  const { enc, auth, iv } = derive(key);
  const payload = aesCbcEncrypt(enc, iv, plaintext);
  return { payload, keyMaterial: Buffer.concat([key, hmac(auth, payload).subarray(0, 16)]) };
}

export function openPayload2(keyMaterial: Uint8Array, payload: Uint8Array): Uint8Array {
  if (keyMaterial.length !== 48) throw new Error('the key material is not 48 bytes');
  const { enc, auth, iv } = derive(keyMaterial.subarray(0, 32));
  if (!sameBytes(hmac(auth, payload).subarray(0, 16), keyMaterial.subarray(32)))
    throw new Error('the payload failed its integrity check');
  return aesCbcDecrypt(enc, iv, payload);
}

const PAD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The XEP-0420 envelope: the body and the stanza's other extensions inside, random padding, from, to and time. */
export function buildEnvelope(from: string, to: string, body: string, inner: readonly Element[] = []): string {
  return el(
    'envelope',
    NS_SCE,
    {},
    xml('content', {}, el('body', 'jabber:client', {}, body), ...inner),
    xml('rpad', {}, Array.from({ length: randomInt(1, 200) }, () => PAD[randomInt(PAD.length)]).join('')),
    xml('from', { jid: from }),
    xml('to', { jid: to }),
    xml('time', { stamp: new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z') }),
  ).toString();
}

export interface OpenedEnvelope {
  body: string;
  from: string | undefined;
  to: string | undefined;
  time: number | undefined;
  /** The content element: what else the sender put inside (a correction, a reply, a file link). */
  content: Element | undefined;
}

export function parseEnvelope(text: string): OpenedEnvelope | undefined {
  const envelope = readContent(text);
  if (!envelope?.is('envelope', NS_SCE)) return undefined;
  const content = envelope.getChild('content');
  const body = content?.getChildren('body').find((b) => ['jabber:client', NS_SCE].includes(b.getNS() ?? ''));
  const stamp = envelope.getChild('time')?.attrs.stamp;
  const time = stamp ? Date.parse(stamp) : Number.NaN;
  return {
    body: body?.text() ?? '',
    from: envelope.getChild('from')?.attrs.jid,
    to: envelope.getChild('to')?.attrs.jid,
    time: Number.isFinite(time) ? time : undefined,
    content,
  };
}
