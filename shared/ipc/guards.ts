// A tiny runtime schema language: each guard returns an error message or undefined.
import { isBareJid } from '../model/jid.ts';

export type Guard = (value: unknown, path: string) => string | undefined;

export const str =
  (maxLength = 4096): Guard =>
  (v, p) =>
    typeof v !== 'string'
      ? `${p} must be a string`
      : v.length > maxLength
        ? `${p} is longer than ${maxLength} characters`
        : undefined;

export const nonEmpty =
  (maxLength = 4096): Guard =>
  (v, p) =>
    str(maxLength)(v, p) ?? ((v as string).trim().length === 0 ? `${p} must not be empty` : undefined);

export const int =
  (min: number, max: number): Guard =>
  (v, p) =>
    typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max
      ? `${p} must be an integer from ${min} to ${max}`
      : undefined;

export const oneOf =
  (...values: readonly string[]): Guard =>
  (v, p) =>
    typeof v === 'string' && values.includes(v) ? undefined : `${p} must be one of ${values.join(', ')}`;

/** Bytes (a Uint8Array: Electron clones it, the WebSocket codec revives it). */
export const bytes =
  (maxLength: number): Guard =>
  (v, p) =>
    !(v instanceof Uint8Array)
      ? `${p} must be bytes`
      : v.length > maxLength
        ? `${p} is longer than ${maxLength} bytes`
        : undefined;

export const boolean: Guard = (v, p) => (typeof v === 'boolean' ? undefined : `${p} must be true or false`);

export const bareJid: Guard = (v, p) => (isBareJid(v) ? undefined : `${p} must be a valid bare JID`);

export const arrayOf =
  (item: Guard, maxItems = 1000): Guard =>
  (v, p) => {
    if (!Array.isArray(v)) return `${p} must be an array`;
    if (v.length > maxItems) return `${p} has more than ${maxItems} items`;
    for (const [i, entry] of v.entries()) {
      const error = item(entry, `${p}[${i}]`);
      if (error) return error;
    }
    return undefined;
  };

export const recordOf =
  (item: Guard, maxKeys = 100): Guard =>
  (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p} must be an object`;
    const entries = Object.entries(v);
    if (entries.length > maxKeys) return `${p} has more than ${maxKeys} keys`;
    for (const [key, entry] of entries) {
      const error = item(entry, `${p}.${key}`);
      if (error) return error;
    }
    return undefined;
  };

export const optional =
  (guard: Guard): Guard =>
  (v, p) =>
    v === undefined ? undefined : guard(v, p);

/** An object with exactly these keys (unknown keys are refused, so typos surface). */
export const object =
  (shape: Record<string, Guard>): Guard =>
  (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p} must be an object`;
    for (const key of Object.keys(v)) {
      if (!(key in shape)) return `${p}.${key} is not a known field`;
    }
    for (const [key, guard] of Object.entries(shape)) {
      const error = guard((v as Record<string, unknown>)[key], `${p}.${key}`);
      if (error) return error;
    }
    return undefined;
  };
