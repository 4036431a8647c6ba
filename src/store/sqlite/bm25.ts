/**
 * FTS5's bm25, computed here for a few rows a filter has chosen. FTS5 can rank only by running its
 * query over every row that matches (its bm25 also counts each phrase's rows); asked for the matches
 * among a speaker's 200 statements one row at a time, it would rerun that count for each row. So a
 * filtered search finds its rows by index, keeps those FTS5 matches (one set built inside SQLite), and
 * ranks them with this: the same formula as FTS5's fts5Bm25Function (k1 = 1.2, b = 0.75), from the
 * same figures — the row count and token total of FTS5's own averages record, each row's token count
 * from its docsize table, each phrase's row count from FTS5 — and each phrase's occurrences in a row
 * counted on the row's words as FTS5's unicode61 tokenizer reads them (query.ts searchWords). Pure.
 *
 *   "ferry" in 700,000 rows of which 35,000 match, a row of 12 words holding it once:
 *   idf = ln((700000 − 35000 + 0.5) / (35000 + 0.5)); score = −idf · 2.2 / (1 + 1.2 · (0.25 + 0.75 · 12 / avgdl))
 */
import { searchWords } from '../query.js';

const K1 = 1.2;
const B = 0.75;

/** SQLite's varints (FTS5 writes its records with them): big-endian 7-bit groups, the 9th byte whole. */
export function readVarints(blob: Uint8Array): number[] {
  const values: number[] = [];
  let i = 0;
  while (i < blob.length) {
    let value = 0;
    let n = 0;
    for (;;) {
      const byte = blob[i++];
      if (n === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      n++;
      if (byte < 0x80 || i >= blob.length) break;
    }
    values.push(value);
  }
  return values;
}

/** What bm25 needs of the whole index: its rows and the average row length in tokens. */
export interface IndexFigures {
  rows: number;
  averageLength: number;
}

/** The figures in FTS5's averages record (`%_data` id 1: the row count, then each column's token total). */
export function indexFigures(averages: Uint8Array | undefined): IndexFigures {
  const [rows = 0, tokens = 0] = averages ? readVarints(averages) : [];
  return { rows, averageLength: rows > 0 ? tokens / rows : 0 };
}

/** A phrase's inverse document frequency as FTS5 weighs it (never below 1e-6). */
export function idf(figures: IndexFigures, rowsWithPhrase: number): number {
  const value = Math.log((0.5 + figures.rows - rowsWithPhrase) / (rowsWithPhrase + 0.5));
  return value <= 0 ? 1e-6 : value;
}

/** How often `phrase` (folded words in order) occurs in `words`, overlapping occurrences included. */
export function occurrences(words: readonly string[], phrase: readonly string[]): number {
  let count = 0;
  for (let i = 0; i + phrase.length <= words.length; i++) {
    let j = 0;
    while (j < phrase.length && words[i + j] === phrase[j]) j++;
    if (j === phrase.length) count++;
  }
  return count;
}

/**
 * A row's bm25 as FTS5 returns it (negative; lower is better): `phrases` are the query's phrases in the
 * order of its expression (an excluded phrase never occurs in a match, so it adds nothing), with the idf
 * of each; `length` the row's token count from FTS5's docsize table.
 */
export function bm25(figures: IndexFigures, phrases: readonly { words: readonly string[]; idf: number }[], text: string, length: number): number {
  const words = searchWords(text);
  let score = 0;
  for (const phrase of phrases) {
    const freq = occurrences(words, phrase.words);
    score += phrase.idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + (B * length) / figures.averageLength)));
  }
  return -1.0 * score;
}
