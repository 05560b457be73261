// OMEMO 2's three protobuf (proto2) messages, written by hand: only varints and length-delimited fields.
// Required fields are always written (zero included) and checked on reading; unknown fields are skipped.

export class OmemoProtoError extends Error {
  constructor(what: string) {
    super(`Malformed OMEMO 2 message: ${what}`);
    this.name = 'OmemoProtoError';
  }
}

export interface OmemoMessage {
  n: number;
  pn: number;
  dhPub: Uint8Array;
  ciphertext?: Uint8Array | undefined;
}
export interface AuthenticatedMessage {
  mac: Uint8Array;
  /** The serialized OMEMOMessage exactly as received: the MAC covers these bytes. */
  message: Uint8Array;
}
export interface KeyExchange {
  pkId: number;
  spkId: number;
  ik: Uint8Array;
  ek: Uint8Array;
  message: Uint8Array;
}

type Field = number | Uint8Array;

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

function encode(fields: readonly (readonly [number, Field | undefined])[]): Uint8Array {
  const out: number[] = [];
  for (const [number, value] of fields) {
    if (value === undefined) continue;
    if (typeof value === 'number') out.push(...varint(number << 3), ...varint(value));
    else {
      out.push(...varint((number << 3) | 2), ...varint(value.length));
      for (const byte of value) out.push(byte);
    }
  }
  return Uint8Array.from(out);
}

function decode(bytes: Uint8Array): Map<number, Field> {
  const fields = new Map<number, Field>();
  let at = 0;
  const readVarint = (): number => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (at >= bytes.length) throw new OmemoProtoError('truncated');
      const byte = bytes[at++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new OmemoProtoError('a number is too long');
  };
  while (at < bytes.length) {
    const key = readVarint();
    const number = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) fields.set(number, readVarint());
    else if (wire === 2) {
      const length = readVarint();
      if (at + length > bytes.length) throw new OmemoProtoError('truncated');
      fields.set(number, bytes.subarray(at, at + length));
      at += length;
    } else if (wire === 5) at += 4;
    else if (wire === 1) at += 8;
    else throw new OmemoProtoError(`wire type ${wire}`);
  }
  if (at !== bytes.length) throw new OmemoProtoError('truncated');
  return fields;
}

const uint = (fields: Map<number, Field>, n: number, what: string): number => {
  const value = fields.get(n);
  if (typeof value !== 'number' || value > 0xffffffff) throw new OmemoProtoError(`no ${what}`);
  return value;
};
const bytesOf = (fields: Map<number, Field>, n: number, what: string, length?: number): Uint8Array => {
  const value = fields.get(n);
  if (!(value instanceof Uint8Array) || (length !== undefined && value.length !== length))
    throw new OmemoProtoError(`no ${what}`);
  return value;
};

export const encodeMessage = (m: OmemoMessage): Uint8Array =>
  encode([
    [1, m.n],
    [2, m.pn],
    [3, m.dhPub],
    [4, m.ciphertext],
  ]);

export function decodeMessage(bytes: Uint8Array): OmemoMessage {
  const f = decode(bytes);
  const ciphertext = f.get(4);
  return {
    n: uint(f, 1, 'n'),
    pn: uint(f, 2, 'pn'),
    dhPub: bytesOf(f, 3, 'ratchet key', 32),
    ciphertext: ciphertext instanceof Uint8Array ? ciphertext : undefined,
  };
}

export const encodeAuthenticated = (m: AuthenticatedMessage): Uint8Array =>
  encode([
    [1, m.mac],
    [2, m.message],
  ]);

export function decodeAuthenticated(bytes: Uint8Array): AuthenticatedMessage {
  const f = decode(bytes);
  return { mac: bytesOf(f, 1, 'MAC', 16), message: bytesOf(f, 2, 'message') };
}

export const encodeKeyExchange = (m: KeyExchange): Uint8Array =>
  encode([
    [1, m.pkId],
    [2, m.spkId],
    [3, m.ik],
    [4, m.ek],
    [5, m.message],
  ]);

export function decodeKeyExchange(bytes: Uint8Array): KeyExchange {
  const f = decode(bytes);
  return {
    pkId: uint(f, 1, 'pre-key id'),
    spkId: uint(f, 2, 'signed pre-key id'),
    ik: bytesOf(f, 3, 'identity key', 32),
    ek: bytesOf(f, 4, 'ephemeral key', 32),
    message: bytesOf(f, 5, 'message'),
  };
}
