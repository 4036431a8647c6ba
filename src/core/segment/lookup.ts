/** Offset-to-token look-ups over a segmented text. */
import type { Segmented, Token } from './segment.js';
import { partitionPoint } from '../sorted.js';

/** The index of the first token that ends after `offset` (the token at or after it), or tokens.length. */
export function tokenAtOrAfter(seg: Segmented, offset: number): number {
  return partitionPoint(seg.tokens, (t) => t.end <= offset);
}

/** The index of the last token that starts before `offset`, or -1. */
export function tokenBefore(seg: Segmented, offset: number): number {
  return partitionPoint(seg.tokens, (t) => t.start < offset) - 1;
}

/** The tokens wholly inside [start, end). */
export function tokensWithin(seg: Segmented, start: number, end: number): [first: number, last: number] {
  let first = tokenAtOrAfter(seg, start);
  while (first < seg.tokens.length && seg.tokens[first].start < start) first++;
  let last = first;
  while (last < seg.tokens.length && seg.tokens[last].end <= end) last++;
  return [first, last];
}

/** The span of tokens [first, last) with its text. */
export function spanOfTokens(seg: Segmented, first: number, last: number): { start: number; end: number; text: string } {
  const start = seg.tokens[first].start;
  const end = seg.tokens[last - 1].end;
  return { start, end, text: seg.text.slice(start, end) };
}

export function isPunct(token: Token | undefined, chars: string): boolean {
  return token !== undefined && token.text.length === 1 && chars.includes(token.text);
}
