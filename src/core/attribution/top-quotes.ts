/**
 * Offset look-ups over a quote layer's top-level quotes, by binary search instead of a scan per question.
 *
 * Top-level quotes never overlap and come in text order, so their starts and their ends both ascend. A
 * nested quote lies within its top-level one, so "is this offset inside some quote" needs only the top level:
 * of the quotes that start before an offset, only the last can still be open there.
 */
import type { Quote } from '../quotes/find-quotes.js';
import { partitionPoint } from '../sorted.js';

const cache = new WeakMap<readonly Quote[], readonly Quote[]>();

/** The quotes of depth 0, in text order; computed once per quote list. */
export function topQuotes(quotes: readonly Quote[]): readonly Quote[] {
  let top = cache.get(quotes);
  if (!top) {
    top = quotes.filter((q) => q.depth === 0);
    cache.set(quotes, top);
  }
  return top;
}

/** The last quote of `top` (see topQuotes) that starts before `offset`: the only one that can hold it. */
export function topQuoteBefore(top: readonly Quote[], offset: number): Quote | undefined {
  const n = partitionPoint(top, (q) => q.start < offset);
  return n > 0 ? top[n - 1] : undefined;
}

/** Whether [start, end) lies strictly within a top-level quote, its marks excluded (a comma inside the words). */
export function insideTopQuote(top: readonly Quote[], start: number, end: number): boolean {
  const q = topQuoteBefore(top, start);
  return q !== undefined && end < q.end;
}

/** The index in `top` of the first quote that ends after `offset`, or top.length. */
export function firstTopQuoteEndingAfter(top: readonly Quote[], offset: number): number {
  return partitionPoint(top, (q) => q.end <= offset);
}
