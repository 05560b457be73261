// Where file requests may go. A message can carry any URL, so the address a host name resolves to is
// checked when the connection is made (a DNS answer cannot switch to an internal address after a
// check): loopback, private, link-local, unique-local and similar ranges only for the account's own
// server hosts (its domain, its configured host, its upload service).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

export interface RequestPolicy {
  /** Plain http to this machine: only for tests, which set it explicitly. */
  allowPlainHttp?: boolean | undefined;
  /** Host names of the account's own server, which may live on an internal address. */
  trustedHosts?: ReadonlySet<string> | undefined;
  /** Name resolution (tests inject one); the system's otherwise. */
  lookup?: LookupFunction | undefined;
}

function v4Internal(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b < 128) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b < 32) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

/** Addresses no file from a message may be fetched from (unless the host is the account's own server). */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return v4Internal(address);
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/u.exec(lower);
  if (mapped?.[1]) return v4Internal(mapped[1]);
  if (lower === '::' || lower === '::1') return true;
  const first = parseInt(lower.split(':')[0] || '0', 16);
  // fc00::/7 unique-local, fe80::/10 link-local, ff00::/8 multicast.
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00;
}

export class InternalAddressError extends Error {
  constructor(host: string, address: string) {
    super(`Refused to fetch from ${host.slice(0, 100)}: it points to an internal address (${address})`);
    this.name = 'InternalAddressError';
  }
}

export const isTrustedHost = (host: string, policy: RequestPolicy): boolean =>
  policy.trustedHosts?.has(host.toLowerCase().replace(/\.$/u, '')) === true;

/** Throws for an IP literal that may not be contacted. */
export function checkLiteralHost(host: string, policy: RequestPolicy): void {
  if (isIP(host) && isInternalAddress(host) && !isTrustedHost(host, policy)) throw new InternalAddressError(host, host);
}

/** A lookup for net/tls/http that refuses internal answers for hosts that are not the account's own. */
export function guardedLookup(policy: RequestPolicy): LookupFunction {
  const resolve: LookupFunction = policy.lookup ?? dnsLookup;
  return (hostname, options, callback) => {
    resolve(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const all: LookupAddress[] = Array.isArray(address) ? address : [{ address, family: family ?? 4 }];
      const bad = isTrustedHost(hostname, policy) ? undefined : all.find((a) => isInternalAddress(a.address));
      if (bad) return callback(new InternalAddressError(hostname, bad.address), '', 4);
      callback(null, address, family);
    });
  };
}
