/**
 * The comma tokens of a segmented text, found once per text. The trailing-source rules and the outlet
 * relays look for the commas of every sentence; with this list they jump to them instead of walking
 * every token again.
 */
import type { Segmented } from '../segment/segment.js';

const cache = new WeakMap<Segmented, Int32Array>();

/** The indices of the comma tokens, ascending. */
export function commaTokens(seg: Segmented): Int32Array {
  let commas = cache.get(seg);
  if (!commas) {
    const found: number[] = [];
    for (const t of seg.tokens) if (t.text === ',') found.push(t.i);
    commas = Int32Array.from(found);
    cache.set(seg, commas);
  }
  return commas;
}

/** The position in `commas` of the first comma at or after token `i`, or commas.length. */
export function firstCommaFrom(commas: Int32Array, i: number): number {
  let lo = 0;
  let hi = commas.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (commas[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last comma token after `first` and before `end`, or -1. */
export function lastCommaBetween(commas: Int32Array, first: number, end: number): number {
  const k = firstCommaFrom(commas, end) - 1;
  return k >= 0 && commas[k] > first ? commas[k] : -1;
}
