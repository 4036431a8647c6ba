/**
 * Keeps URL fetches off the server's own network: a fetch whose host is, or resolves to, a loopback,
 * private, link-local or otherwise non-public address is refused before any request is sent. Each
 * redirect hop goes through the same fetch, so a public page cannot redirect into the private network.
 * (The address is checked at resolution time; a DNS answer that changes between the check and the
 * connection is not covered — run the server behind an egress firewall where that matters.)
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ApiError } from './errors.js';

function ipv4Blocked(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

/** Whether an IP address (v4 or v6) is one the server must not fetch from. */
export function isBlockedAddress(ip: string): boolean {
  const version = isIP(ip);
  if (version === 4) return ipv4Blocked(ip);
  if (version !== 6) return true;
  const lower = ip.toLowerCase();
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return ipv4Blocked(mapped[1]);
  if (lower === '::' || lower === '::1') return true;
  return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(lower);
}

/** A fetch that refuses hosts on blocked addresses; `resolve` is the DNS lookup (injectable for tests). */
export function guardedFetch(
  resolve: (host: string) => Promise<string[]> = async (host) => (await lookup(host, { all: true })).map((a) => a.address),
  inner: typeof fetch = globalThis.fetch,
): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : await resolve(host).catch(() => [] as string[]);
    if (addresses.length === 0) throw new ApiError('input/failed', `${url.href}: the host ${host} does not resolve`);
    const blocked = addresses.find(isBlockedAddress);
    if (blocked !== undefined) {
      throw new ApiError('input/blocked-address', `${url.href}: the host resolves to ${blocked}, a loopback or private address, which this server does not fetch (start it with --allow-private-urls to allow it)`);
    }
    return inner(input, init);
  };
}
