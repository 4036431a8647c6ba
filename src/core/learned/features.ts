/**
 * Feature extraction for the tagger. Each token gets `TEMPLATE_COUNT` feature hashes: a template
 * number mixed with atoms of the token and its neighbours (word, lemma, part of speech, shape,
 * suffix, quotation-mark state, cue-lexicon strength) and with where it stands in its sentence relative
 * to the nearest likely cue word ("The senator said on Tuesday that the bill would pass": "bill" is
 * five tokens right of "said", after a "that"). Windows stop at paragraph edges, the tagger's unit.
 *
 * Atoms are computed once per token; templates only mix integers, so the hot path builds no strings.
 */
import type { Segmented, Token } from '../segment/segment.js';
import { hashString, hashSuffix, mix } from './hash.js';

/** Universal part-of-speech tags wink-nlp emits, as small integers. */
export const POS_IDS: Readonly<Record<string, number>> = {
  ADJ: 1, ADP: 2, ADV: 3, AUX: 4, CCONJ: 5, DET: 6, INTJ: 7, NOUN: 8, NUM: 9, PART: 10, PRON: 11,
  PROPN: 12, PUNCT: 13, SCONJ: 14, SYM: 15, VERB: 16, X: 17, SPACE: 18,
};
/** The part of speech and the word that stand for "no token" before or after a paragraph's edge. */
export const POS_BEFORE = 30;
export const POS_AFTER = 31;
export const WORD_BEFORE = 0x5eed0001;
export const WORD_AFTER = 0x5eed0002;

/** Cue-lexicon strength of a lemma: 0 unknown; 1–4 rising share of its training occurrences that were cues. */
export type CueLexicon = ReadonlyMap<string, number>;
/** The strength from which a lemma counts as a likely cue for the distance features. */
export const STRONG_CUE = 3;

/** Quotation-mark state of a token. */
export const enum QuoteState { Outside = 0, Inside = 1, Opening = 2, Closing = 3 }

const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);

export const TEMPLATE_COUNT = 48;

/** Per-token atoms of a document, computed once. */
export interface Atoms {
  readonly word: Uint32Array;
  readonly lemma: Uint32Array;
  readonly pos: Uint8Array;
  readonly shape: Uint32Array;
  readonly suffix: Uint32Array;
  readonly quote: Uint8Array;
  readonly cue: Uint8Array;
}

/** Computes the atoms of every token of `seg`. */
export function computeAtoms(seg: Segmented, lexicon: CueLexicon): Atoms {
  const n = seg.tokens.length;
  const atoms = {
    word: new Uint32Array(n), lemma: new Uint32Array(n), pos: new Uint8Array(n), shape: new Uint32Array(n),
    suffix: new Uint32Array(n), quote: new Uint8Array(n), cue: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const t = seg.tokens[i];
    atoms.word[i] = hashString(t.lower);
    atoms.lemma[i] = t.lemma === t.lower ? atoms.word[i] : hashString(t.lemma);
    atoms.pos[i] = POS_IDS[t.pos] ?? 0;
    atoms.shape[i] = shapeHash(t.text);
    atoms.suffix[i] = hashSuffix(t.lower, 3);
    atoms.cue[i] = lexicon.get(t.lemma) ?? lexicon.get(t.lower) ?? 0;
  }
  quoteStates(seg, atoms.quote);
  return atoms;
}

/** Writes each token's quotation-mark state into `out`; the marks' depth starts afresh in each paragraph. */
export function quoteStates(seg: Segmented, out: Uint8Array): void {
  const n = seg.tokens.length;
  let paragraph = -1;
  let doubleDepth = 0;
  let straightOpen = false;
  let singleDepth = 0;
  for (let i = 0; i < n; i++) {
    const t = seg.tokens[i];
    if (t.paragraph !== paragraph) {
      paragraph = t.paragraph;
      doubleDepth = 0;
      straightOpen = false;
      singleDepth = 0;
    }
    let state = doubleDepth + singleDepth + (straightOpen ? 1 : 0) > 0 ? QuoteState.Inside : QuoteState.Outside;
    const text = t.text;
    // every quotation mark is a token of its own, one character long
    if (text.length === 1) {
      if (OPENING.has(text)) {
        state = QuoteState.Opening;
        doubleDepth++;
      } else if (CLOSING.has(text)) {
        state = QuoteState.Closing;
        if (doubleDepth > 0) doubleDepth--;
      } else if (text === '"') {
        state = straightOpen ? QuoteState.Closing : QuoteState.Opening;
        straightOpen = !straightOpen;
      } else if (text === '‘') {
        state = QuoteState.Opening;
        singleDepth++;
      } else if ((text === '’' || text === "'") && singleDepth > 0) {
        state = QuoteState.Closing;
        singleDepth--;
      }
    }
    out[i] = state;
  }
}

/** A hash of the token's character classes with repeats collapsed, at most five long: "McCain" → Xx Xx. */
export function shapeHash(s: string): number {
  let h = 0x811c9dc5;
  let prev = -1;
  let length = 0;
  for (let k = 0; k < s.length && length < 5; k++) {
    const c = s.charCodeAt(k);
    const cls = c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : c >= 48 && c <= 57 ? 3 : c < 128 ? 4 + (c & 0xff) : 5;
    if (cls === prev) continue;
    prev = cls;
    length++;
    h ^= cls;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Buckets a token distance: 0 none, then 1, 2, 3, 4–6, 7–10, 11+. */
export function distanceBucket(d: number): number {
  if (d <= 0) return 0;
  if (d <= 3) return d;
  if (d <= 6) return 4;
  if (d <= 10) return 5;
  return 6;
}

/**
 * Within each sentence, per token: the distance bucket to the nearest strong cue on its left and on its
 * right, and whether a "that" or a comma stands between that left cue and the token.
 */
export function cueContext(seg: Segmented, cue: Uint8Array, leftCue: Uint8Array, rightCue: Uint8Array, thatSince: Uint8Array, commaSince: Uint8Array): void {
  const tokens = seg.tokens;
  for (const s of seg.sentences) {
    let last = -1;
    let that = 0;
    let comma = 0;
    for (let i = s.first; i < s.last; i++) {
      leftCue[i] = last < 0 ? 0 : distanceBucket(i - last);
      thatSince[i] = that;
      commaSince[i] = comma;
      if (cue[i] >= STRONG_CUE) {
        last = i;
        that = 0;
        comma = 0;
      } else if (last >= 0) {
        const lower = tokens[i].lower;
        if (lower === 'that') that = 1;
        else if (lower === ',' || lower === ':') comma = 1;
      }
    }
    let next = -1;
    for (let i = s.last - 1; i >= s.first; i--) {
      rightCue[i] = next < 0 ? 0 : distanceBucket(next - i);
      if (cue[i] >= STRONG_CUE) next = i;
    }
  }
}

/**
 * Extracts the features of every token of `seg` into one array, `TEMPLATE_COUNT` per token
 * (token i's at [i * TEMPLATE_COUNT, (i + 1) * TEMPLATE_COUNT)). `previous` holds an earlier pass's labels,
 * which a stacked pass sees as its own label, its neighbours' and whether a cue or a source was tagged
 * earlier or later in the sentence.
 */
export function extractFeatures(seg: Segmented, atoms: Atoms, previous?: Uint8Array): Uint32Array {
  const tokens = seg.tokens;
  const n = tokens.length;
  const out = new Uint32Array(n * TEMPLATE_COUNT);
  const { word, lemma, pos, shape, suffix, quote, cue } = atoms;
  const leftCue = new Uint8Array(n);
  const rightCue = new Uint8Array(n);
  const thatSince = new Uint8Array(n);
  const commaSince = new Uint8Array(n);
  cueContext(seg, cue, leftCue, rightCue, thatSince, commaSince);
  let sentence = -1;
  let sentenceStart = 0;
  let sentenceEnd = 0;
  let sentenceInParagraph = 0;
  let paragraphFirst = 0;
  let paragraphLast = 0;
  let paragraph = -1;
  for (let i = 0; i < n; i++) {
    const t: Token = tokens[i];
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
    const w = word[i];
    const wp = hasPrev ? word[i - 1] : WORD_BEFORE;
    const wp2 = hasPrev2 ? word[i - 2] : WORD_BEFORE;
    const wn = hasNext ? word[i + 1] : WORD_AFTER;
    const wn2 = hasNext2 ? word[i + 2] : WORD_AFTER;
    const p = pos[i];
    const pp = hasPrev ? pos[i - 1] : POS_BEFORE;
    const pp2 = hasPrev2 ? pos[i - 2] : POS_BEFORE;
    const pn = hasNext ? pos[i + 1] : POS_AFTER;
    const pn2 = hasNext2 ? pos[i + 2] : POS_AFTER;
    const q = quote[i];
    const c = cue[i];
    const cp = hasPrev ? cue[i - 1] : 0;
    const cn = hasNext ? cue[i + 1] : 0;
    const lc = leftCue[i];
    const rc = rightCue[i];
    const fromStart = distanceBucket(i - sentenceStart + 1);
    const toEnd = distanceBucket(sentenceEnd - i);
    const place = sentenceInParagraph > 2 ? 2 : sentenceInParagraph;
    const o = i * TEMPLATE_COUNT;
    let k = 0;
    out[o + k++] = mix(k, 0);
    out[o + k++] = mix(k, w);
    out[o + k++] = mix(k, lemma[i]);
    out[o + k++] = mix(k, p);
    out[o + k++] = mix(k, shape[i]);
    out[o + k++] = mix(k, suffix[i]);
    out[o + k++] = mix(k, wp);
    out[o + k++] = mix(k, wn);
    out[o + k++] = mix(k, wp2);
    out[o + k++] = mix(k, wn2);
    out[o + k++] = mix(k, hasPrev ? lemma[i - 1] : WORD_BEFORE);
    out[o + k++] = mix(k, hasNext ? lemma[i + 1] : WORD_AFTER);
    out[o + k++] = mix(k, mix(wp, w));
    out[o + k++] = mix(k, mix(w, wn));
    out[o + k++] = mix(k, pp);
    out[o + k++] = mix(k, pn);
    out[o + k++] = mix(k, pp2);
    out[o + k++] = mix(k, pn2);
    out[o + k++] = mix(k, pp * 32 + p);
    out[o + k++] = mix(k, p * 32 + pn);
    out[o + k++] = mix(k, (pp * 32 + p) * 32 + pn);
    out[o + k++] = mix(k, (pp2 * 32 + pp) * 32 + p);
    out[o + k++] = mix(k, (p * 32 + pn) * 32 + pn2);
    out[o + k++] = mix(k, q);
    out[o + k++] = mix(k, q * 32 + p);
    out[o + k++] = mix(k, mix(q, w));
    out[o + k++] = mix(k, (hasPrev ? quote[i - 1] : 4) * 8 + q);
    out[o + k++] = mix(k, c * 32 + p);
    out[o + k++] = mix(k, cp * 8 + c);
    out[o + k++] = mix(k, c * 8 + cn);
    out[o + k++] = mix(k, (hasPrev2 ? cue[i - 2] : 0) * 8 + (hasNext2 ? cue[i + 2] : 0));
    out[o + k++] = mix(k, lc * 8 + rc);
    out[o + k++] = mix(k, (lc * 8 + rc) * 8 + q);
    out[o + k++] = mix(k, (lc * 32 + p) * 2 + thatSince[i]);
    out[o + k++] = mix(k, (rc * 32 + p) * 8 + q);
    out[o + k++] = mix(k, (lc * 2 + thatSince[i]) * 2 + commaSince[i]);
    out[o + k++] = mix(k, mix(lc * 8 + rc, w));
    out[o + k++] = mix(k, fromStart * 8 + toEnd);
    out[o + k++] = mix(k, (fromStart * 32 + p) * 8 + q);
    out[o + k++] = mix(k, (toEnd * 32 + p) * 8 + q);
    out[o + k++] = mix(k, place * 8 + q);
    out[o + k++] = mix(k, (place * 8 + lc) * 8 + rc);
    out[o + k++] = mix(k, mix(wp, c * 32 + p));
    out[o + k++] = mix(k, mix(wn, c * 32 + p));
    out[o + k++] = mix(k, hasPrev ? suffix[i - 1] * 31 + p : p);
    out[o + k++] = mix(k, 0);
    out[o + k++] = mix(k, 0);
    out[o + k++] = mix(k, 0);
  }
  if (previous) stackFeatures(seg, atoms, previous, out);
  return out;
}

/** The number of templates, at the end of each token's features, that see an earlier pass's labels. */
export const STACKED_TEMPLATES = 3;

/**
 * Overwrites the stacked templates of `features` (made by `extractFeatures` without labels) with
 * those of an earlier pass's labels; the other templates stay as they are, so a second pass reuses
 * the first pass's features.
 */
export function stackFeatures(seg: Segmented, atoms: Atoms, previous: Uint8Array, features: Uint32Array): void {
  const stack = stackCodes(seg, previous);
  const tokens = seg.tokens;
  const n = tokens.length;
  const t0 = TEMPLATE_COUNT - STACKED_TEMPLATES;
  for (let i = 0; i < n; i++) {
    const paragraph = tokens[i].paragraph;
    const hasPrev = i > 0 && tokens[i - 1].paragraph === paragraph;
    const hasNext = i + 1 < n && tokens[i + 1].paragraph === paragraph;
    const own = previous[i];
    const around = ((hasPrev ? previous[i - 1] : 7) * 8 + own) * 8 + (hasNext ? previous[i + 1] : 7);
    const o = i * TEMPLATE_COUNT + t0;
    features[o] = mix(t0 + 1, around * 8 + stack[i]);
    features[o + 1] = mix(t0 + 2, ((own * 8 + stack[i]) * 32 + atoms.pos[i]) * 4 + atoms.quote[i]);
    features[o + 2] = mix(t0 + 3, mix(own * 8 + stack[i], atoms.word[i]));
  }
}

/**
 * Per token, three flags from an earlier pass's labels within its sentence: a cue tagged before it (4),
 * a cue tagged after it (2), a source tagged before it (1).
 */
export function stackCodes(seg: Segmented, labels: Uint8Array): Uint8Array {
  const out = new Uint8Array(labels.length);
  for (const s of seg.sentences) {
    let cueBefore = 0;
    let sourceBefore = 0;
    for (let i = s.first; i < s.last; i++) {
      out[i] = cueBefore * 4 + sourceBefore;
      const l = labels[i];
      if (l === 3 || l === 4) cueBefore = 1;
      else if (l === 1 || l === 2) sourceBefore = 1;
    }
    let cueAfter = 0;
    for (let i = s.last - 1; i >= s.first; i--) {
      out[i] |= cueAfter * 2;
      const l = labels[i];
      if (l === 3 || l === 4) cueAfter = 1;
    }
  }
  return out;
}
