/**
 * The same statement across articles: a quote's words, its MinHash/LSH band keys to index it under, the
 * check on the words that two texts are one statement, and the word-by-word difference of a copy from the
 * earliest. Pure and deterministic (fixed seeds): the store indexes each statement under its band keys and
 * verifies only the statements that share a key, so grouping costs the same per article at any corpus size.
 *
 * Parameters (`copies.test.ts` checks the band-sharing rates below against the formula; `npm run
 * bench:match` prints the cost, about 25 µs of CPU for a 40-word quote):
 * - words: folded (case, diacritics, curly/straight apostrophes), punctuation, quotation marks and ellipses
 *   dropped; "1,000" is "1000".
 * - shingles: runs of `SHINGLE` = 3 words, hashed by FNV-1a per word, combined; a text of fewer words is
 *   one shingle of all its words, so equal short quotes always share every band.
 * - MinHash: `BANDS` × `ROWS` = 32 × 3 = 96 hash functions, hash i of shingle x being
 *   ((x xor seedᵢ) × oddᵢ) xor its top bits, under 96 fixed seeds and multipliers; band keys hash their
 *   three minima. Two texts share a band with probability 1 − (1 − J³)³² for shingle Jaccard similarity
 *   J: 0.58 at J = 0.3, 0.88 at 0.4, 0.986 at 0.5 (a 40-word quote trimmed to half, or with three words
 *   changed), 1.000 at 0.7 (one word changed in 20); texts sharing one shingle in 40 (J ≈ 0.013) meet
 *   with probability 0.00007, so unrelated statements rarely cost a check, even in a corpus of millions.
 * - the price of that: LSH estimates Jaccard, not containment, so a short fragment of a long quote is
 *   found less often (the six words "the talks are over for now" of a 20-word quote, J = 4/18: 0.29).
 *   Three rows a band were chosen over two, which would find it with probability 0.80, because two rows
 *   let texts that share one common phrase meet 77 times more often (0.0054 at J ≈ 0.013), and the check
 *   cost would grow with the corpus. A store that wants short fragments can also look a quote up by its words (full-text search).
 * - verification (`sameStatement`): see there.
 */
import { fmix32 } from '../core/learned/hash.js';
import { diffArrays } from 'diff';

/**
 * The version of the words and band keys `fingerprint` makes. A store keeps band keys on disk, so it records
 * this version and fingerprints its statements again when it changes (any change of normalization, shingle
 * size, seeds, bands or rows changes it).
 */
export const FINGERPRINT_VERSION = 1;

/** Words per shingle. */
export const SHINGLE = 3;
/** LSH bands; each band key is made of `ROWS` MinHash values. */
export const BANDS = 32;
export const ROWS = 3;
/** Texts longer than this are compared on their first `MAX_WORDS` words, so a check stays cheap. */
export const MAX_WORDS = 1000;

const HASHES = BANDS * ROWS;

/** The seeds of the hash functions: a fixed sequence (splitmix-style), the same in every run. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < HASHES; i++) {
    x = (x + 0x6d2b79f5) >>> 0;
    seeds[i] = fmix32(x ^ 0x5bd1e995);
  }
  return seeds;
})();

/** Odd multipliers, one per hash function: hash i of a shingle x is ((x ^ seed) × mult) ^ its top bits. */
const MULTS: Uint32Array = (() => {
  const mults = new Uint32Array(HASHES);
  let x = 0x85ebca6b;
  for (let i = 0; i < HASHES; i++) {
    x = (x + 0x6d2b79f5) >>> 0;
    mults[i] = (fmix32(x) | 1) >>> 0;
  }
  return mults;
})();

/** FNV-1a over the UTF-16 code units of a word. */
function fnv1a(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A word in the text as written, with its folded form. */
interface Token {
  text: string;
  word: string;
}

/** Numbers with separators ("1,000", "3.5"), then words with inner apostrophes ("don’t", "O'Brien"). */
const WORD = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}\p{M}]+(?:['’\u02bc][\p{L}\p{N}\p{M}]+)*/gu;

const ASCII = /^[\x00-\x7f]*$/;

function foldWord(w: string): string {
  if (ASCII.test(w)) return w.indexOf(',') < 0 ? w.toLowerCase() : w.toLowerCase().replace(/,/g, '');
  return w
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’\u02bc]/g, "'")
    .replace(/(\p{N}),(?=\p{N})/gu, '$1');
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], word: foldWord(m[0]) });
  return out;
}

/** The normalized words of a text: "“We won’t pay…” she said" → ["we", "won't", "pay", "she", "said"]. */
export function normalizeWords(text: string): string[] {
  return tokens(text).map((t) => t.word);
}

/** Hashes of a text's word shingles (one shingle of every word when there are fewer than `SHINGLE`). */
function shingleHashes(words: readonly string[], k = SHINGLE): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const hashes = words.map(fnv1a);
  const size = Math.min(k, hashes.length);
  const out = new Uint32Array(hashes.length - size + 1);
  for (let i = 0; i < out.length; i++) {
    let h = 0x811c9dc5 ^ size;
    for (let j = 0; j < size; j++) {
      h = Math.imul(h ^ hashes[i + j], 0x01000193);
      h = (h << 13) | (h >>> 19);
    }
    out[i] = fmix32(h);
  }
  return out;
}

/**
 * A text's normalized words and the LSH band keys to index it under ("07:3f2a9c1be4d05a77": band number,
 * then two 32-bit hashes of the band's MinHash values). An empty text has no bands.
 */
export function fingerprint(text: string): { words: string[]; bands: string[] } {
  const words = normalizeWords(text);
  const shingles = shingleHashes(words.length > MAX_WORDS ? words.slice(0, MAX_WORDS) : words);
  if (shingles.length === 0) return { words, bands: [] };
  const mins = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) {
    const seed = SEEDS[i];
    const mult = MULTS[i];
    let min = 0xffffffff;
    for (let s = 0; s < shingles.length; s++) {
      let v = Math.imul(shingles[s] ^ seed, mult);
      v = (v ^ (v >>> 15)) >>> 0;
      if (v < min) min = v;
    }
    mins[i] = min;
  }
  const bands: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h1 = 0x811c9dc5 ^ b;
    let h2 = 0x2545f491 ^ b;
    for (let r = 0; r < ROWS; r++) {
      const v = mins[b * ROWS + r];
      h1 = fmix32(Math.imul(h1 ^ v, 0x01000193));
      h2 = fmix32(Math.imul(h2 + v, 0x5bd1e995) ^ 0x27d4eb2f);
    }
    bands.push(BAND_PREFIX[b] + hex(h1) + hex(h2));
  }
  return { words, bands };
}

const BAND_PREFIX = Array.from({ length: BANDS }, (_, b) => b.toString().padStart(2, '0') + ':');
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Eight hexadecimal digits (a table lookup per byte: `toString(16)` was a third of the fingerprint). */
function hex(n: number): string {
  return HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
}

/** Texts shorter than this (in words) are one statement only when nearly word for word the same. */
export const SHORT_WORDS = 6;
/** Share of the shorter text's words that must be found, in order, in runs of two words or more. */
export const MIN_COVERAGE = 0.8;

/** Equal word sequences? */
function equalWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** Where `short` occurs as a contiguous run of `long`, or -1. */
function indexOfRun(long: readonly string[], short: readonly string[]): number {
  if (short.length === 0) return 0;
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let j = 0; j < short.length; j++) if (long[i + j] !== short[j]) continue outer;
    return i;
  }
  return -1;
}

/** Share of `a`'s adjacent word pairs that `b` has too. */
function pairContainment(a: readonly string[], b: readonly string[]): number {
  if (a.length < 2) return 0;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < b.length; i++) pairs.add(b[i] + ' ' + b[i + 1]);
  let shared = 0;
  for (let i = 0; i + 1 < a.length; i++) if (pairs.has(a[i] + ' ' + a[i + 1])) shared++;
  return shared / (a.length - 1);
}

/** Words of the shorter sequence found in the other in order, counting only shared runs of two or more. */
function matchedInRuns(a: readonly string[], b: readonly string[]): number {
  const changes = diffArrays(a as string[], b as string[], { maxEditLength: a.length + b.length });
  let matched = 0;
  for (const c of changes ?? []) if (!c.added && !c.removed && c.count >= 2) matched += c.count;
  return matched;
}

/**
 * Whether two texts are one statement, on their normalized words (the verification after LSH):
 *
 * - equal words: the same ("We will not pay." and "we will NOT pay");
 * - texts under `SHORT_WORDS` (6) words: only when one is the other with at most two words more around it
 *   ("no deal" is not every quote that contains "no deal");
 * - otherwise, at least `MIN_COVERAGE` (80%) of the shorter text's words must appear in the longer, in
 *   order, in shared runs of two words or more (Myers' diff from the `diff` package). A trimmed quote
 *   ("the talks are over for now" from "We met for hours, and the talks are over for now, she said"), an
 *   elided one ("We will … pay the price"), one with a word changed in ten, and the indirect "they would not
 *   pay for the new hospital wing this year" of "We will not pay for the new hospital wing this year" are the
 *   same; "We will not raise taxes this year" and "We will not attend the summit this year" are not (five of
 *   seven words in shared runs, below 80%).
 *
 * A cheap check runs first (half the shorter text's word pairs shared), so unrelated texts that met in an
 * LSH band cost one pass each.
 */
export function sameStatement(a: string, b: string): boolean {
  return sameWords(normalizeWords(a), normalizeWords(b));
}

/** `sameStatement` on words already normalized (e.g. the `words` of `fingerprint`). */
export function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length > MAX_WORDS) a = a.slice(0, MAX_WORDS);
  if (b.length > MAX_WORDS) b = b.slice(0, MAX_WORDS);
  if (a.length === 0 || b.length === 0) return false;
  if (equalWords(a, b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < SHORT_WORDS) return long.length <= short.length + 2 && indexOfRun(long, short) >= 0;
  if (pairContainment(short, long) < 0.5) return false;
  return matchedInRuns(short, long) >= MIN_COVERAGE * short.length;
}

/**
 * A copy is a variant of the earliest when their words differ after normalization (case, quotation marks
 * curly or straight, punctuation, whitespace and ellipses do not count): a possible misquote to show with
 * `wordDiff`. A trimmed or elided copy is a variant too, as its words differ; `copyChange` says which.
 */
export function isVariant(earliest: string, copy: string): boolean {
  return !equalWords(normalizeWords(earliest), normalizeWords(copy));
}

/**
 * How a copy's words differ from the earliest's: `none`; `excerpt`, a contiguous run of the earliest's
 * words or the earliest a run of the copy's (the outlet quoted less or more of the same sentence);
 * `elided`, the copy marks its cuts with an ellipsis and each piece between them is a run of the
 * earliest's words, in order; `changed`, any other difference (a word added, removed or replaced).
 */
export function copyChange(earliest: string, copy: string): 'none' | 'excerpt' | 'elided' | 'changed' {
  const e = normalizeWords(earliest).slice(0, MAX_WORDS);
  const c = normalizeWords(copy).slice(0, MAX_WORDS);
  if (equalWords(e, c)) return 'none';
  if (indexOfRun(e, c) >= 0 || indexOfRun(c, e) >= 0) return 'excerpt';
  const pieces = copy.split(/\u2026|\.\s*\.\s*\./).map(normalizeWords).filter((p) => p.length > 0).slice(0, MAX_WORDS);
  if (pieces.length > 1) {
    let from = 0;
    for (const piece of pieces) {
      const at = indexOfRun(e.slice(from), piece);
      if (at < 0) return 'changed';
      from += at + piece.length;
    }
    return 'elided';
  }
  return 'changed';
}

/** One step of a word-by-word difference. */
export interface WordChange {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * The word-by-word difference from one text to another, on normalized words but showing the words as
 * written (`same` runs as `to` writes them), punctuation left out:
 * wordDiff("We will not pay.", "We will never pay") →
 * `[{op: 'same', text: 'We will'}, {op: 'removed', text: 'not'}, {op: 'added', text: 'never'}, {op: 'same', text: 'pay'}]`.
 */
export function wordDiff(from: string, to: string): WordChange[] {
  const a = tokens(from).slice(0, MAX_WORDS);
  const b = tokens(to).slice(0, MAX_WORDS);
  const changes = diffArrays(
    a.map((t) => t.word),
    b.map((t) => t.word),
  );
  const out: WordChange[] = [];
  let i = 0;
  let j = 0;
  for (const c of changes) {
    if (c.added) {
      out.push({ op: 'added', text: b.slice(j, j + c.count).map((t) => t.text).join(' ') });
      j += c.count;
    } else if (c.removed) {
      out.push({ op: 'removed', text: a.slice(i, i + c.count).map((t) => t.text).join(' ') });
      i += c.count;
    } else {
      out.push({ op: 'same', text: b.slice(j, j + c.count).map((t) => t.text).join(' ') });
      i += c.count;
      j += c.count;
    }
  }
  return out;
}
