/**
 * Integer hashing for the model's features. A feature is a template number mixed with one or more
 * atoms (hashes of a token's word, lemma, shape…), so the hot path combines integers and never builds
 * feature strings.
 */

/** FNV-1a over the UTF-16 code units of `s`, as an unsigned 32-bit integer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a over the last `n` code units of `s` (all of it when shorter). */
export function hashSuffix(s: string, n: number): number {
  let h = 0x811c9dc5 ^ n;
  for (let k = Math.max(0, s.length - n); k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes two 32-bit values into one (murmur3's finalizer over a combined word). */
export function mix(a: number, b: number): number {
  return fmix32(Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b);
}

/** murmur3's 32-bit finalizer: a bijection that spreads every input bit over the output. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
