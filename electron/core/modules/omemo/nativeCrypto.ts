// The Signal library's Curve25519 work (key pairs, Diffie-Hellman, XEdDSA signatures) and its WebCrypto
// calls (AES-CBC, HMAC, SHA-512), done natively and synchronously with node:crypto instead of its own
// curve module and the asynchronous WebCrypto, through the hooks the library offers (setCurve, setWebCrypto).
import { createHash, getRandomValues } from 'node:crypto';
import {
  aesCbcDecrypt,
  aesCbcEncrypt,
  clampScalar,
  curveToEd,
  ed25519Verify,
  hmac,
  x25519,
  x25519Pair,
  xeddsaSign,
} from './v2/crypto2.ts';

type BufferSource = ArrayBuffer | ArrayBufferView;
const buffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;
const bytesOf = (data: BufferSource): Uint8Array =>
  data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** The library's AsyncCurve: `verify` answers true when the signature is NOT valid, as the library expects. */
export const nativeCurve = {
  keyPair: (privKey: ArrayBuffer) => {
    const pair = x25519Pair(clampScalar(new Uint8Array(privKey)));
    return Promise.resolve({ pubKey: buffer(pair.publicKey), privKey: buffer(pair.privateKey) });
  },
  sharedSecret: (pubKey: ArrayBuffer, privKey: ArrayBuffer) =>
    Promise.resolve(buffer(x25519(new Uint8Array(privKey), new Uint8Array(pubKey)))),
  sign: (privKey: ArrayBuffer, message: ArrayBuffer) =>
    Promise.resolve(buffer(xeddsaSign(new Uint8Array(privKey), new Uint8Array(message)))),
  // Older signers put the Edwards key's sign bit into the signature's last byte; XEdDSA's is always 0.
  verify: (pubKey: ArrayBuffer, message: ArrayBuffer, sig: ArrayBuffer) => {
    const signature = new Uint8Array(sig.slice(0));
    const edPublic = curveToEd(new Uint8Array(pubKey));
    edPublic[31] = (edPublic[31] ?? 0) | ((signature[63] ?? 0) & 0x80);
    signature[63] = (signature[63] ?? 0) & 0x7f;
    return Promise.resolve(!ed25519Verify(edPublic, new Uint8Array(message), signature));
  },
};

interface RawKey {
  raw: Uint8Array;
}
interface Algorithm {
  name: string;
  iv?: BufferSource;
}

/** The part of WebCrypto the library calls, answered at once. */
export const nativeWebCrypto = {
  getRandomValues: <T extends ArrayBufferView>(array: T): T => getRandomValues(array),
  subtle: {
    importKey: (_format: 'raw', key: BufferSource): Promise<RawKey> => Promise.resolve({ raw: bytesOf(key) }),
    encrypt: (algorithm: Algorithm, key: RawKey, data: BufferSource): Promise<ArrayBuffer> =>
      Promise.resolve(buffer(aesCbcEncrypt(key.raw, bytesOf(algorithm.iv ?? new Uint8Array(16)), bytesOf(data)))),
    decrypt: (algorithm: Algorithm, key: RawKey, data: BufferSource): Promise<ArrayBuffer> => {
      try {
        return Promise.resolve(
          buffer(aesCbcDecrypt(key.raw, bytesOf(algorithm.iv ?? new Uint8Array(16)), bytesOf(data))),
        );
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    sign: (_algorithm: unknown, key: RawKey, data: BufferSource): Promise<ArrayBuffer> =>
      Promise.resolve(buffer(hmac(key.raw, bytesOf(data)))),
    digest: (_algorithm: unknown, data: BufferSource): Promise<ArrayBuffer> =>
      Promise.resolve(buffer(createHash('sha512').update(bytesOf(data)).digest())),
  },
};
