/**
 * The snippet of a search hit: the attribution's words (cut to a window around the first match when
 * long) and the spans of the words the query matched, found the way FTS5's unicode61 tokenizer with
 * remove_diacritics folds them. Pure; computed only for the hits shown, never for every match.
 */
import { foldWord, parseQuery } from './query.js';

/** Characters of context kept around the first match of a long text. */
const WINDOW = 240;

export function highlight(text: string, query: string): { snippet: string; highlights: { start: number; end: number }[] } {
  const wanted = new Set(parseQuery(query).include.flat().map(foldWord));
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) if (wanted.has(foldWord(m[0]))) spans.push({ start: m.index, end: m.index + m[0].length });
  if (text.length <= WINDOW * 2 || spans.length === 0) {
    return text.length <= WINDOW * 2 ? { snippet: text, highlights: spans } : { snippet: text.slice(0, WINDOW * 2) + '…', highlights: [] };
  }
  let from = Math.max(0, spans[0].start - WINDOW / 2);
  while (from > 0 && /\S/.test(text[from - 1])) from--; // start at a word
  const to = Math.min(text.length, from + WINDOW * 2);
  const lead = from > 0 ? '…' : '';
  const shift = lead.length - from;
  return {
    snippet: lead + text.slice(from, to) + (to < text.length ? '…' : ''),
    highlights: spans.filter((s) => s.end <= to).map((s) => ({ start: s.start + shift, end: s.end + shift })),
  };
}
