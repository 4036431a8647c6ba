/**
 * Which tokens stand inside quotation marks. Dates and names inside a quote belong to the quoted words,
 * not to the sentence that reports them: in “We met on Monday,” Pompeo said Tuesday, only Tuesday dates
 * the saying. The quote layer (`quotes/find-quotes.ts`) decides where quotes are; this is its per-token view.
 */
import { findQuotes, type Quote } from '../quotes/find-quotes.js';
import type { Segmented } from '../segment/segment.js';

const cache = new WeakMap<Segmented, Int32Array>();

/**
 * For each token, the index of the outermost quote that contains it, or -1. Computed once per text, from
 * `quotes` when the caller has the quote layer already (`analyze` does), else by finding them.
 */
export function quoteOfTokens(seg: Segmented, quotes?: readonly Quote[]): Int32Array {
  const known = cache.get(seg);
  if (known) return known;
  const quoteOf = new Int32Array(seg.tokens.length).fill(-1);
  let t = 0;
  for (const quote of quotes ?? findQuotes(seg.text, seg.paragraphs).quotes) {
    if (quote.depth > 0) continue;
    for (const part of quote.segments) {
      while (t < seg.tokens.length && seg.tokens[t].start < part.start) t++;
      for (let k = t; k < seg.tokens.length && seg.tokens[k].end <= part.end; k++) quoteOf[k] = quote.i;
    }
  }
  cache.set(seg, quoteOf);
  return quoteOf;
}
