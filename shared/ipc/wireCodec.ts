// JSON for the WebSocket bridge, with byte arrays (file chunks) carried as base64: {"$bytes": "..."}.
// Electron IPC clones Uint8Array natively; this keeps the contract the same over both transports.

const BYTES_KEY = '$bytes';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether a value holds byte arrays anywhere; most frames do not, and JSON without a replacer is several times faster. */
function holdsBytes(value: unknown, depth = 0): boolean {
  if (value instanceof Uint8Array) return true;
  if (typeof value !== 'object' || value === null || depth > 64) return false;
  if (Array.isArray(value)) return value.some((v) => holdsBytes(v, depth + 1));
  for (const key in value) if (holdsBytes((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}

export function encodeWire(value: unknown): string {
  if (!holdsBytes(value)) return JSON.stringify(value);
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { [BYTES_KEY]: toBase64(v) } : v));
}

/** Parses a frame; throws on malformed JSON or malformed base64. */
export function decodeWire(text: string): unknown {
  // Only a frame that names the marker can hold bytes (JSON would escape nothing in it).
  if (!text.includes(`"${BYTES_KEY}"`)) return JSON.parse(text);
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const data = (v as Record<string, unknown>)[BYTES_KEY];
      if (keys.length === 1 && typeof data === 'string') return fromBase64(data);
    }
    return v;
  });
}
