/**
 * Scoring without feature arrays. A token's label scores are the sums, over the 48 templates of
 * `extractFeatures`, of the weights of the hashed features; here the same integer sums are built from
 * partial sums that are cached, so most templates cost an array read instead of a hash and a miss in a
 * 4 MB table:
 *
 * - per word type (the token's text and lemma), kept across documents: the templates of the token's own
 *   atoms (word, lemma, shape, suffix, word with its quotation-mark state) and the token's share in its
 *   neighbours' templates ("said" as the word before "that", two words after "senator"…);
 * - per small key (the part-of-speech trigrams, the quotation-mark and cue-strength states, the distance
 *   buckets), filled on first use;
 * - the rest (word bigrams, a word with its distance to a cue…) hashed as `extractFeatures` does.
 *
 * The sums are of the same int16 weights, so the scores equal `scoreTokens` over `extractFeatures`
 * exactly (word-scores.test.ts checks it); only the order of the additions differs, and integer sums
 * do not depend on it.
 */
import type { Segmented, Token } from '../segment/segment.js';
import { vocabGeneration, withRoomFor } from '../segment/vocab-memo.js';
import { hashString, hashSuffix, mix } from './hash.js';
import {
  POS_AFTER, POS_BEFORE, POS_IDS, WORD_AFTER, WORD_BEFORE, cueContext, distanceBucket, quoteStates, shapeHash, stackCodes,
  type CueLexicon,
} from './features.js';
import { LABEL_COUNT } from './labels.js';
import type { DecodedTagger } from './decoded.js';

const L = LABEL_COUNT;
if (L !== 7) throw new Error('scoreWords sums seven labels');
/** Slots per cached vector (one per label, padded to 8). */
const V = 8;
/**
 * A word type's vectors: its own atoms' templates with each of the 4 quotation-mark states, then its
 * share as the word before, after, two before, two after a token.
 */
const OWN_QUOTE = 0;
const AS_PREV = 4 * V;
const AS_NEXT = 5 * V;
const AS_PREV2 = 6 * V;
const AS_NEXT2 = 7 * V;
const WORD_VECTORS = 8 * V;
/** Word types kept per tagger before the cache starts afresh (a long-running server sees an open vocabulary). */
const MAX_WORD_TYPES = 200_000;

/** The small-key tables, as row offsets into one array. Cue strengths are 0–4, distance buckets 0–6. */
const POS_TRIGRAM = 0; // (pp, p, pn)
const POS_LEFT = POS_TRIGRAM + 32 * 32 * 32; // (pp2, pp, p)
const POS_RIGHT = POS_LEFT + 32 * 32 * 32; // (p, pn, pn2)
const QUOTE = POS_RIGHT + 32 * 32 * 32; // (previous quote state or 4, quote state, p)
const CUE = QUOTE + 5 * 4 * 32; // (cp, c, cn, p)
const CUE_FAR = CUE + 5 * 5 * 5 * 32; // (c two before, c two after)
const CUE_PLACE = CUE_FAR + 5 * 5; // (place in paragraph, left cue, right cue, q)
const LEFT_CUE = CUE_PLACE + 3 * 7 * 7 * 4; // (left cue, p, that since, comma since)
const RIGHT_CUE = LEFT_CUE + 7 * 32 * 2 * 2; // (right cue, p, q)
const SENTENCE_PLACE = RIGHT_CUE + 7 * 32 * 4; // (from start, to end, p, q)
const CONSTANT = SENTENCE_PLACE + 7 * 7 * 32 * 4; // the bias template, alone
const CONSTANT_UNSTACKED = CONSTANT + 1; // the bias and the stacked templates of a pass without earlier labels
const BOUNDARY = CONSTANT_UNSTACKED + 1; // before, after, two before, two after the paragraph
const SMALL_ROWS = BOUNDARY + 4;

/** A word type's facts in the cache's slot table: where its vectors start in the pool, its word and suffix hashes, its cue strength. */
const AT = 0;
const WORD = 1;
const SUFFIX = 2;
const CUE_STRENGTH = 3;
const FACTS = 4;

/**
 * A tagger's cached vectors, all in one pool: the small-key tables (`SMALL_ROWS` rows, filled on first
 * use) and after them the word types' vectors, appended as they come. Word types are found through an
 * open-addressing table keyed by text and lemma (the same text can have two lemmas: "saw").
 */
interface TaggerCache {
  pool: Int32Array;
  used: number;
  readonly filled: Uint8Array;
  /** Per slot, its text and lemma (undefined: empty). */
  keys: (string | undefined)[];
  /** Per slot, `FACTS` numbers. */
  facts: Int32Array;
  slotMask: number;
  types: number;
  /** Per vocabulary id (`Token.vocab`), its slot + 1 as last found (0: not yet); cleared when the slots move. */
  byVocab: Int32Array;
  /** The vocabulary generation `byVocab` is for. */
  generation: number;
}

const caches = new WeakMap<DecodedTagger, TaggerCache>();

function cacheOf(tagger: DecodedTagger): TaggerCache {
  let c = caches.get(tagger);
  if (!c) {
    const pool = new Int32Array(SMALL_ROWS * V + 4096 * WORD_VECTORS);
    c = { pool, used: SMALL_ROWS * V, filled: new Uint8Array(SMALL_ROWS), keys: [], facts: new Int32Array(0), slotMask: 0, types: 0, byVocab: new Int32Array(1 << 16), generation: vocabGeneration() };
    resetSlots(c, 1 << 15);
    caches.set(tagger, c);
    const at = (row: number) => row * V;
    addWeights(pool, at(CONSTANT), tagger, mix(1, 0));
    addWeights(pool, at(CONSTANT_UNSTACKED), tagger, mix(1, 0));
    for (let t = 46; t <= 48; t++) addWeights(pool, at(CONSTANT_UNSTACKED), tagger, mix(t, 0));
    addWeights(pool, at(BOUNDARY), tagger, mix(7, WORD_BEFORE));
    addWeights(pool, at(BOUNDARY), tagger, mix(11, WORD_BEFORE));
    addWeights(pool, at(BOUNDARY + 1), tagger, mix(8, WORD_AFTER));
    addWeights(pool, at(BOUNDARY + 1), tagger, mix(12, WORD_AFTER));
    addWeights(pool, at(BOUNDARY + 2), tagger, mix(9, WORD_BEFORE));
    addWeights(pool, at(BOUNDARY + 3), tagger, mix(10, WORD_AFTER));
  }
  return c;
}

/** Adds the weights of feature `h` to the vector at `at`. */
function addWeights(dst: Int32Array, at: number, tagger: DecodedTagger, h: number): void {
  const table = tagger.table;
  const w = (h & tagger.mask) << 3;
  for (let l = 0; l < L; l++) dst[at + l] += table[w + l];
}

function resetSlots(c: TaggerCache, size: number): void {
  c.keys = new Array<string | undefined>(size * 2).fill(undefined);
  c.facts = new Int32Array(size * FACTS);
  c.slotMask = size - 1;
  c.types = 0;
  c.byVocab.fill(0);
}

/** The slot of `text` with `lemma`, or of the empty slot where it belongs. */
function slotOf(c: TaggerCache, text: string, lemma: string): number {
  const keys = c.keys;
  let slot = hashString(text) & c.slotMask;
  for (;;) {
    const k = keys[2 * slot];
    if (k === undefined || (k === text && keys[2 * slot + 1] === lemma)) return slot;
    slot = (slot + 1) & c.slotMask;
  }
}

/** The slot of token `t`'s word type, added to the cache if new, remembered under its vocabulary id. */
function findWordType(c: TaggerCache, tagger: DecodedTagger, lexicon: CueLexicon, t: Token): number {
  let slot = slotOf(c, t.text, t.lemma);
  if (c.keys[2 * slot] === undefined) slot = addWordType(c, tagger, lexicon, t);
  c.byVocab = withRoomFor(c.byVocab, t.vocab);
  c.byVocab[t.vocab] = slot + 1;
  return slot;
}

/** Adds the word type of token `t` to the cache (it is not there yet) and returns its slot. */
function addWordType(c: TaggerCache, tagger: DecodedTagger, lexicon: CueLexicon, t: Token): number {
  if ((c.types + 1) * 2 > c.slotMask + 1) {
    // keep the table at most half full: rehash into one twice the size
    const { keys, facts } = c;
    resetSlots(c, (c.slotMask + 1) * 2);
    for (let s = 0; s < keys.length / 2; s++) {
      const text = keys[2 * s];
      if (text === undefined) continue;
      const to = slotOf(c, text, keys[2 * s + 1]!);
      c.keys[2 * to] = text;
      c.keys[2 * to + 1] = keys[2 * s + 1];
      c.facts.set(facts.subarray(s * FACTS, (s + 1) * FACTS), to * FACTS);
      c.types++;
    }
  }
  const word = hashString(t.lower);
  const lemma = t.lemma === t.lower ? word : hashString(t.lemma);
  const suffix = hashSuffix(t.lower, 3);
  if (c.used + WORD_VECTORS > c.pool.length) {
    const grown = new Int32Array(c.pool.length * 2);
    grown.set(c.pool);
    c.pool = grown;
  }
  const v = c.pool;
  const at = c.used;
  c.used += WORD_VECTORS;
  const shape = shapeHash(t.text);
  for (let q = 0; q < 4; q++) {
    const own = at + OWN_QUOTE + q * V;
    addWeights(v, own, tagger, mix(2, word));
    addWeights(v, own, tagger, mix(3, lemma));
    addWeights(v, own, tagger, mix(5, shape));
    addWeights(v, own, tagger, mix(6, suffix));
    addWeights(v, own, tagger, mix(26, mix(q, word)));
  }
  addWeights(v, at + AS_PREV, tagger, mix(7, word));
  addWeights(v, at + AS_PREV, tagger, mix(11, lemma));
  addWeights(v, at + AS_NEXT, tagger, mix(8, word));
  addWeights(v, at + AS_NEXT, tagger, mix(12, lemma));
  addWeights(v, at + AS_PREV2, tagger, mix(9, word));
  addWeights(v, at + AS_NEXT2, tagger, mix(10, word));
  const slot = slotOf(c, t.text, t.lemma);
  c.keys[2 * slot] = t.text;
  c.keys[2 * slot + 1] = t.lemma;
  const f = slot * FACTS;
  c.facts[f + AT] = at;
  c.facts[f + WORD] = word;
  c.facts[f + SUFFIX] = suffix;
  c.facts[f + CUE_STRENGTH] = lexicon.get(t.lemma) ?? lexicon.get(t.lower) ?? 0;
  c.types++;
  return slot;
}

/** Per-token scratch arrays, grown to the longest text seen; no state survives a call. */
let capacity = 0;
/** Word hashes as int32: `mix` reads its arguments modulo 2^32, so the sign does not matter. */
let wordOf = new Int32Array(0);
let suffixOf = new Int32Array(0);
let atOf = new Int32Array(0);
let pos = new Uint8Array(0);
let quote = new Uint8Array(0);
let cue = new Uint8Array(0);
let leftCue = new Uint8Array(0);
let rightCue = new Uint8Array(0);
let thatSince = new Uint8Array(0);
let commaSince = new Uint8Array(0);
/** Per token, where its cached vectors start in the pool, and its hashed features' rows in the weight table. */
const rows = new Int32Array(16);
const hashed = new Int32Array(9);

function reserve(n: number): void {
  if (n <= capacity) return;
  capacity = Math.max(n, capacity * 2, 1024);
  wordOf = new Int32Array(capacity);
  suffixOf = new Int32Array(capacity);
  atOf = new Int32Array(capacity);
  pos = new Uint8Array(capacity);
  quote = new Uint8Array(capacity);
  cue = new Uint8Array(capacity);
  leftCue = new Uint8Array(capacity);
  rightCue = new Uint8Array(capacity);
  thatSince = new Uint8Array(capacity);
  commaSince = new Uint8Array(capacity);
}

/**
 * Writes the label scores of every token of `seg` into `out` (tokens × labels), as `scoreTokens` over
 * `extractFeatures(seg, computeAtoms(seg, lexicon), previous)` would.
 */
export function scoreWords(seg: Segmented, tagger: DecodedTagger, lexicon: CueLexicon, out: Float32Array, previous?: Uint8Array): void {
  const tokens = seg.tokens;
  const n = tokens.length;
  if (n === 0) return;
  const c = cacheOf(tagger);
  // a long-running server sees an open vocabulary: start afresh between documents, never within one
  if (c.types >= MAX_WORD_TYPES) {
    resetSlots(c, 1 << 15);
    c.used = SMALL_ROWS * V;
    // the word vectors are sums built in place: the pool they reuse must be zero again
    c.pool.fill(0, c.used);
  }
  if (c.generation !== vocabGeneration()) {
    c.byVocab.fill(0);
    c.generation = vocabGeneration();
  }
  reserve(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    let slot = t.vocab < c.byVocab.length ? c.byVocab[t.vocab] - 1 : -1;
    if (slot < 0 || c.keys[2 * slot + 1] !== t.lemma) slot = findWordType(c, tagger, lexicon, t);
    const f = slot * FACTS;
    const facts = c.facts;
    atOf[i] = facts[f + AT];
    wordOf[i] = facts[f + WORD];
    suffixOf[i] = facts[f + SUFFIX];
    cue[i] = facts[f + CUE_STRENGTH];
    pos[i] = POS_IDS[t.pos] ?? 0;
  }
  quoteStates(seg, quote);
  leftCue.fill(0, 0, n);
  rightCue.fill(0, 0, n);
  thatSince.fill(0, 0, n);
  commaSince.fill(0, 0, n);
  cueContext(seg, cue, leftCue, rightCue, thatSince, commaSince);
  const pool = c.pool;
  const small = pool;
  const filled = c.filled;
  const { table, mask, scale } = tagger;
  const stack = previous ? stackCodes(seg, previous) : undefined;

  let sentence = -1;
  let sentenceStart = 0;
  let sentenceEnd = 0;
  let sentenceInParagraph = 0;
  let paragraphFirst = 0;
  let paragraphLast = 0;
  let paragraph = -1;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.paragraph !== paragraph) {
      paragraph = t.paragraph;
      paragraphFirst = i;
      paragraphLast = i;
      while (paragraphLast < n && tokens[paragraphLast].paragraph === paragraph) paragraphLast++;
      sentenceInParagraph = -1;
    }
    if (t.sentence !== sentence) {
      sentence = t.sentence;
      const s = seg.sentences[sentence];
      sentenceStart = s.first;
      sentenceEnd = s.last;
      sentenceInParagraph++;
    }
    const hasPrev = i > paragraphFirst;
    const hasPrev2 = i - 1 > paragraphFirst;
    const hasNext = i + 1 < paragraphLast;
    const hasNext2 = i + 2 < paragraphLast;
    const w = wordOf[i];
    const wp = hasPrev ? wordOf[i - 1] : WORD_BEFORE;
    const wn = hasNext ? wordOf[i + 1] : WORD_AFTER;
    const p = pos[i];
    const pp = hasPrev ? pos[i - 1] : POS_BEFORE;
    const pp2 = hasPrev2 ? pos[i - 2] : POS_BEFORE;
    const pn = hasNext ? pos[i + 1] : POS_AFTER;
    const pn2 = hasNext2 ? pos[i + 2] : POS_AFTER;
    const q = quote[i];
    const qp = hasPrev ? quote[i - 1] : 4;
    const cu = cue[i];
    const cp = hasPrev ? cue[i - 1] : 0;
    const cn = hasNext ? cue[i + 1] : 0;
    const cp2 = hasPrev2 ? cue[i - 2] : 0;
    const cn2 = hasNext2 ? cue[i + 2] : 0;
    const lc = leftCue[i];
    const rc = rightCue[i];
    const that = thatSince[i];
    const comma = commaSince[i];
    const fromStart = distanceBucket(i - sentenceStart + 1);
    const toEnd = distanceBucket(sentenceEnd - i);
    const place = sentenceInParagraph > 2 ? 2 : sentenceInParagraph;

    let k = 0;
    rows[k++] = (stack ? CONSTANT : CONSTANT_UNSTACKED) * V;
    // templates of the word's own atoms, and its neighbours' words and lemmas
    rows[k++] = atOf[i] + OWN_QUOTE + q * V;
    rows[k++] = hasPrev ? atOf[i - 1] + AS_PREV : BOUNDARY * V;
    rows[k++] = hasNext ? atOf[i + 1] + AS_NEXT : (BOUNDARY + 1) * V;
    rows[k++] = hasPrev2 ? atOf[i - 2] + AS_PREV2 : (BOUNDARY + 2) * V;
    rows[k++] = hasNext2 ? atOf[i + 2] + AS_NEXT2 : (BOUNDARY + 3) * V;
    // templates of small keys
    let r = POS_TRIGRAM + (pp * 32 + p) * 32 + pn;
    if (!filled[r]) fillPosTrigram(small, filled, tagger, r, pp, p, pn);
    rows[k++] = r * V;
    r = POS_LEFT + (pp2 * 32 + pp) * 32 + p;
    if (!filled[r]) fillRow(small, filled, tagger, r, mix(17, pp2), mix(22, (pp2 * 32 + pp) * 32 + p));
    rows[k++] = r * V;
    r = POS_RIGHT + (p * 32 + pn) * 32 + pn2;
    if (!filled[r]) fillRow(small, filled, tagger, r, mix(18, pn2), mix(23, (p * 32 + pn) * 32 + pn2));
    rows[k++] = r * V;
    r = QUOTE + (qp * 4 + q) * 32 + p;
    if (!filled[r]) fillRow(small, filled, tagger, r, mix(24, q), mix(25, q * 32 + p), mix(27, qp * 8 + q));
    rows[k++] = r * V;
    r = CUE + ((cp * 5 + cu) * 5 + cn) * 32 + p;
    if (!filled[r]) fillRow(small, filled, tagger, r, mix(28, cu * 32 + p), mix(29, cp * 8 + cu), mix(30, cu * 8 + cn));
    rows[k++] = r * V;
    r = CUE_FAR + cp2 * 5 + cn2;
    if (!filled[r]) fillRow(small, filled, tagger, r, mix(31, cp2 * 8 + cn2));
    rows[k++] = r * V;
    r = CUE_PLACE + ((place * 7 + lc) * 7 + rc) * 4 + q;
    if (!filled[r]) fillRow(small, filled, tagger, r, mix(32, lc * 8 + rc), mix(33, (lc * 8 + rc) * 8 + q), mix(41, place * 8 + q), mix(42, (place * 8 + lc) * 8 + rc));
    rows[k++] = r * V;
    r = LEFT_CUE + ((lc * 32 + p) * 2 + that) * 2 + comma;
    if (!filled[r]) fillRow(small, filled, tagger, r, mix(34, (lc * 32 + p) * 2 + that), mix(36, (lc * 2 + that) * 2 + comma));
    rows[k++] = r * V;
    r = RIGHT_CUE + (rc * 32 + p) * 4 + q;
    if (!filled[r]) fillRow(small, filled, tagger, r, mix(35, (rc * 32 + p) * 8 + q));
    rows[k++] = r * V;
    r = SENTENCE_PLACE + ((fromStart * 7 + toEnd) * 32 + p) * 4 + q;
    if (!filled[r]) fillRow(small, filled, tagger, r, mix(38, fromStart * 8 + toEnd), mix(39, (fromStart * 32 + p) * 8 + q), mix(40, (toEnd * 32 + p) * 8 + q));
    rows[k++] = r * V;
    // templates hashed per token
    let h = 0;
    hashed[h++] = (mix(13, mix(wp, w)) & mask) << 3;
    hashed[h++] = (mix(14, mix(w, wn)) & mask) << 3;
    hashed[h++] = (mix(37, mix(lc * 8 + rc, w)) & mask) << 3;
    hashed[h++] = (mix(43, mix(wp, cu * 32 + p)) & mask) << 3;
    hashed[h++] = (mix(44, mix(wn, cu * 32 + p)) & mask) << 3;
    hashed[h++] = (mix(45, hasPrev ? suffixOf[i - 1] * 31 + p : p) & mask) << 3;
    if (stack) {
      const own = previous![i];
      const code = stack[i];
      const around = ((hasPrev ? previous![i - 1] : 7) * 8 + own) * 8 + (hasNext ? previous![i + 1] : 7);
      hashed[h++] = (mix(46, around * 8 + code) & mask) << 3;
      hashed[h++] = (mix(47, ((own * 8 + code) * 32 + p) * 4 + q) & mask) << 3;
      hashed[h++] = (mix(48, mix(own * 8 + code, w)) & mask) << 3;
    }
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    for (let j = 0; j < k; j++) {
      const a = rows[j];
      s0 += pool[a]; s1 += pool[a + 1]; s2 += pool[a + 2]; s3 += pool[a + 3];
      s4 += pool[a + 4]; s5 += pool[a + 5]; s6 += pool[a + 6];
    }
    for (let j = 0; j < h; j++) {
      const a = hashed[j];
      s0 += table[a]; s1 += table[a + 1]; s2 += table[a + 2]; s3 += table[a + 3];
      s4 += table[a + 4]; s5 += table[a + 5]; s6 += table[a + 6];
    }
    const o = i * L;
    out[o] = s0 * scale; out[o + 1] = s1 * scale; out[o + 2] = s2 * scale; out[o + 3] = s3 * scale;
    out[o + 4] = s4 * scale; out[o + 5] = s5 * scale; out[o + 6] = s6 * scale;
  }
}

function fillRow(small: Int32Array, filled: Uint8Array, tagger: DecodedTagger, row: number, a: number, b?: number, c?: number, d?: number): void {
  const at = row * V;
  small.fill(0, at, at + V);
  addWeights(small, at, tagger, a);
  if (b !== undefined) addWeights(small, at, tagger, b);
  if (c !== undefined) addWeights(small, at, tagger, c);
  if (d !== undefined) addWeights(small, at, tagger, d);
  filled[row] = 1;
}

/** The part-of-speech templates that see the token and its next neighbours only: p, pp, pn and their n-grams. */
function fillPosTrigram(small: Int32Array, filled: Uint8Array, tagger: DecodedTagger, row: number, pp: number, p: number, pn: number): void {
  fillRow(small, filled, tagger, row, mix(4, p), mix(15, pp), mix(16, pn));
  const at = row * V;
  addWeights(small, at, tagger, mix(19, pp * 32 + p));
  addWeights(small, at, tagger, mix(20, p * 32 + pn));
  addWeights(small, at, tagger, mix(21, (pp * 32 + p) * 32 + pn));
}
