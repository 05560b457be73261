// JIDs as branded strings (RFC 7622), parsed without any XMPP library so both sides can use them.
declare const bareBrand: unique symbol;
declare const fullBrand: unique symbol;
export type BareJid = string & { readonly [bareBrand]: true };
export type FullJid = string & { readonly [fullBrand]: true };

export interface JidParts {
  local: string;
  domain: string;
  resource: string;
}

const FORBIDDEN_LOCAL = /["&'/:<>@\s]/u;
const FORBIDDEN_DOMAIN = /[\s@/"'<>&]/u;
const MAX_PART_BYTES = 1023;

/** Whether a part fits RFC 7622's 1023 bytes of UTF-8 (counted without TextEncoder: shared/ has no DOM or Node types). */
function fits(text: string): boolean {
  // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair is 4 for two units): short parts fit.
  if (text.length * 3 <= MAX_PART_BYTES) return true;
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes <= MAX_PART_BYTES;
}

function hasControlCharacters(text: string): boolean {
  // By code unit: control characters are single units, and surrogates are far above them.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Splits and checks a JID; returns undefined for anything RFC 7622 would not accept. */
export function parseJid(input: string): JidParts | undefined {
  if (typeof input !== 'string' || input.length === 0 || input.length > 3071) return undefined;
  const slash = input.indexOf('/');
  const head = slash === -1 ? input : input.slice(0, slash);
  const resource = slash === -1 ? '' : input.slice(slash + 1);
  if (slash !== -1 && (resource.length === 0 || !fits(resource))) return undefined;
  const at = head.indexOf('@');
  const local = at === -1 ? '' : head.slice(0, at);
  const domain = (at === -1 ? head : head.slice(at + 1)).toLowerCase().replace(/\.$/u, '');
  if (at !== -1 && (local.length === 0 || FORBIDDEN_LOCAL.test(local))) return undefined;
  if (!fits(local)) return undefined;
  if (domain.length === 0 || !fits(domain) || FORBIDDEN_DOMAIN.test(domain)) return undefined;
  if (hasControlCharacters(input)) return undefined;
  return { local: local.toLowerCase(), domain, resource };
}

export function toBareJid(input: string): BareJid | undefined {
  const parts = parseJid(input);
  if (!parts) return undefined;
  return (parts.local ? `${parts.local}@${parts.domain}` : parts.domain) as BareJid;
}

export function toFullJid(input: string): FullJid | undefined {
  const parts = parseJid(input);
  if (!parts || !parts.resource) return undefined;
  const bare = parts.local ? `${parts.local}@${parts.domain}` : parts.domain;
  return `${bare}/${parts.resource}` as FullJid;
}

/** The bare part of a full or bare JID that is already known to be valid. */
export function bareOf(jid: FullJid | BareJid): BareJid {
  const slash = jid.indexOf('/');
  return (slash === -1 ? jid : jid.slice(0, slash)) as BareJid;
}

export function resourceOf(jid: FullJid): string {
  return jid.slice(jid.indexOf('/') + 1);
}

export function isBareJid(value: unknown): value is BareJid {
  return typeof value === 'string' && toBareJid(value) === value && !value.includes('/');
}
