/**
 * Scoring and Viterbi decoding: each token's label scores are the sums of its features' weights; the
 * best label sequence over a paragraph adds the transition weights, and never lets an I- label follow
 * anything but its own role (so every decoded span is well formed).
 */
import { LABEL_COUNT, allowed } from './labels.js';
import { TEMPLATE_COUNT } from './features.js';
import { TABLE_STRIDE, type DecodedTagger } from './decoded.js';

const L = LABEL_COUNT;
/** ALLOWED[prev * L + next], with prev = L for the sequence start. */
const ALLOWED = new Uint8Array((L + 1) * L);
for (let prev = 0; prev <= L; prev++) for (let next = 0; next < L; next++) ALLOWED[prev * L + next] = allowed(prev === L ? undefined : prev, next) ? 1 : 0;

/** PREDECESSORS[PREDECESSOR_START[l] .. PREDECESSOR_START[l + 1]): the labels that may precede label l, ascending. */
const PREDECESSOR_START = new Uint8Array(L + 1);
const PREDECESSORS: number[] = [];
for (let next = 0; next < L; next++) {
  PREDECESSOR_START[next] = PREDECESSORS.length;
  for (let prev = 0; prev < L; prev++) if (ALLOWED[prev * L + next]) PREDECESSORS.push(prev);
}
PREDECESSOR_START[L] = PREDECESSORS.length;
const PREDECESSOR = Uint8Array.from(PREDECESSORS);

for (let prev = 0; prev <= L; prev++) {
  for (let next = 0; next < L; next++) {
    const bio = next === 0 || next % 2 === 1 || (prev < L && (prev === next || prev === next - 1));
    if (bio !== (ALLOWED[prev * L + next] === 1)) throw new Error('viterbiBio assumes the seven BIO labels O, B-/I- source, cue, content');
  }
}

if (TABLE_STRIDE !== 8 || L > TABLE_STRIDE) throw new Error('scoreTokens assumes 8 table slots per bucket');

/** Writes the label scores of tokens [first, last) into `out` ((last - first) × labels). */
export function scoreTokens(features: Uint32Array, tagger: DecodedTagger, first: number, last: number, out: Float32Array): void {
  const { table, mask, scale } = tagger;
  let o = 0;
  for (let i = first; i < last; i++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    const base = i * TEMPLATE_COUNT;
    for (let k = 0; k < TEMPLATE_COUNT; k++) {
      const at = (features[base + k] & mask) << 3;
      s0 += table[at]; s1 += table[at + 1]; s2 += table[at + 2]; s3 += table[at + 3];
      s4 += table[at + 4]; s5 += table[at + 5]; s6 += table[at + 6];
    }
    out[o] = s0 * scale; out[o + 1] = s1 * scale; out[o + 2] = s2 * scale; out[o + 3] = s3 * scale;
    out[o + 4] = s4 * scale; out[o + 5] = s5 * scale; out[o + 6] = s6 * scale;
    o += L;
  }
}

/** Decoding tables reused between calls (grown when a longer paragraph comes); no state survives a call. */
let scratchBest = new Float64Array(1024 * L);
let scratchBack = new Uint8Array(1024 * L);

/**
 * The best label sequence for `n` tokens given their scores (n × labels) and the transitions
 * ((labels + 1) × labels, last row from the start); written to `labels` from `offset`.
 */
export function viterbi(scores: ArrayLike<number>, n: number, transitions: ArrayLike<number>, labels: Uint8Array, offset: number): void {
  if (n === 0) return;
  if (scratchBest.length < n * L) {
    scratchBest = new Float64Array(n * L * 2);
    scratchBack = new Uint8Array(n * L * 2);
  }
  const best = scratchBest;
  const back = scratchBack;
  for (let l = 0; l < L; l++) best[l] = ALLOWED[L * L + l] ? scores[l] + transitions[L * L + l] : -Infinity;
  for (let i = 1; i < n; i++) {
    const row = i * L;
    const prevRow = row - L;
    for (let l = 0; l < L; l++) {
      let top = -Infinity;
      let arg = 0;
      for (let k = PREDECESSOR_START[l]; k < PREDECESSOR_START[l + 1]; k++) {
        const p = PREDECESSOR[k];
        const v = best[prevRow + p] + transitions[p * L + l];
        if (v > top) {
          top = v;
          arg = p;
        }
      }
      best[row + l] = top + scores[row + l];
      back[row + l] = arg;
    }
  }
  let arg = 0;
  const lastRow = (n - 1) * L;
  for (let l = 1; l < L; l++) if (best[lastRow + l] > best[lastRow + arg]) arg = l;
  for (let i = n - 1; i >= 0; i--) {
    labels[offset + i] = arg;
    arg = back[i * L + arg];
  }
}

let scratchBackBio = new Uint8Array(1024 * L);

/**
 * `viterbi` for the seven BIO labels, over tokens [first, last) of a whole text's scores: an I- label
 * follows only its own B- or I- label, so it weighs two predecessors instead of seven. The same sums in
 * the same order, with the same ties (the lower predecessor wins), as `viterbi`.
 */
export function viterbiBio(scores: Float32Array, first: number, last: number, transitions: Float32Array, labels: Uint8Array): void {
  const n = last - first;
  if (n <= 0) return;
  if (scratchBackBio.length < n * L) scratchBackBio = new Uint8Array(n * L * 2);
  const back = scratchBackBio;
  const t = transitions;
  const S = L * L;
  let o = first * L;
  let b0 = scores[o] + t[S];
  let b1 = scores[o + 1] + t[S + 1];
  let b2 = ALLOWED[S + 2] ? scores[o + 2] + t[S + 2] : -Infinity;
  let b3 = scores[o + 3] + t[S + 3];
  let b4 = ALLOWED[S + 4] ? scores[o + 4] + t[S + 4] : -Infinity;
  let b5 = scores[o + 5] + t[S + 5];
  let b6 = ALLOWED[S + 6] ? scores[o + 6] + t[S + 6] : -Infinity;
  for (let i = 1; i < n; i++) {
    o += L;
    const row = i * L;
    // O and the B- labels: any predecessor
    let n0 = 0, n1 = 0, n3 = 0, n5 = 0;
    for (let k = 0; k < 4; k++) {
      const l = k === 0 ? 0 : 2 * k - 1;
      let top = -Infinity;
      let arg = 0;
      let v = b0 + t[l]; if (v > top) { top = v; arg = 0; }
      v = b1 + t[L + l]; if (v > top) { top = v; arg = 1; }
      v = b2 + t[2 * L + l]; if (v > top) { top = v; arg = 2; }
      v = b3 + t[3 * L + l]; if (v > top) { top = v; arg = 3; }
      v = b4 + t[4 * L + l]; if (v > top) { top = v; arg = 4; }
      v = b5 + t[5 * L + l]; if (v > top) { top = v; arg = 5; }
      v = b6 + t[6 * L + l]; if (v > top) { top = v; arg = 6; }
      back[row + l] = arg;
      const s = top + scores[o + l];
      if (k === 0) n0 = s; else if (k === 1) n1 = s; else if (k === 2) n3 = s; else n5 = s;
    }
    // the I- labels: their own B- or I- label
    let top = -Infinity;
    let arg = 0;
    let v = b1 + t[L + 2]; if (v > top) { top = v; arg = 1; }
    v = b2 + t[2 * L + 2]; if (v > top) { top = v; arg = 2; }
    back[row + 2] = arg;
    const n2 = top + scores[o + 2];
    top = -Infinity; arg = 0;
    v = b3 + t[3 * L + 4]; if (v > top) { top = v; arg = 3; }
    v = b4 + t[4 * L + 4]; if (v > top) { top = v; arg = 4; }
    back[row + 4] = arg;
    const n4 = top + scores[o + 4];
    top = -Infinity; arg = 0;
    v = b5 + t[5 * L + 6]; if (v > top) { top = v; arg = 5; }
    v = b6 + t[6 * L + 6]; if (v > top) { top = v; arg = 6; }
    back[row + 6] = arg;
    const n6 = top + scores[o + 6];
    b0 = n0; b1 = n1; b2 = n2; b3 = n3; b4 = n4; b5 = n5; b6 = n6;
  }
  let arg = 0;
  let top = b0;
  if (b1 > top) { top = b1; arg = 1; }
  if (b2 > top) { top = b2; arg = 2; }
  if (b3 > top) { top = b3; arg = 3; }
  if (b4 > top) { top = b4; arg = 4; }
  if (b5 > top) { top = b5; arg = 5; }
  if (b6 > top) { top = b6; arg = 6; }
  for (let i = n - 1; i >= 0; i--) {
    labels[first + i] = arg;
    arg = back[i * L + arg];
  }
}
