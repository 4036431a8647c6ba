/**
 * The comma tokens of a segmented text, found once per text. The trailing-source rules and the outlet
 * relays look for the commas of every sentence; with this list they jump to them instead of walking
 * every token again.
 */
import type { Segmented } from '../segment/segment.js';
import { partitionPoint } from '../sorted.js';

const cache = new WeakMap<Segmented, readonly number[]>();

/** The indices of the comma tokens, ascending. */
export function commaTokens(seg: Segmented): readonly number[] {
  let commas = cache.get(seg);
  if (!commas) {
    const found: number[] = [];
    const { tokens } = seg;
    for (let i = 0; i < tokens.length; i++) if (tokens[i].text === ',') found.push(i);
    commas = found;
    cache.set(seg, commas);
  }
  return commas;
}

/** The position in `commas` of the first comma at or after token `i`, or commas.length. */
export function firstCommaFrom(commas: readonly number[], i: number): number {
  return partitionPoint(commas, (c) => c < i);
}

/** The last comma token after `first` and before `end`, or -1. */
export function lastCommaBetween(commas: readonly number[], first: number, end: number): number {
  const k = firstCommaFrom(commas, end) - 1;
  return k >= 0 && commas[k] > first ? commas[k] : -1;
}
