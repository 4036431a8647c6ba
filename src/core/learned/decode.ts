/**
 * Scoring and Viterbi decoding: each token's label scores are the sums of its features' weights; the
 * best label sequence over a paragraph adds the transition weights, and never lets an I- label follow
 * anything but its own role (so every decoded span is well formed).
 */
import { LABEL_COUNT, allowed } from './labels.js';
import { TEMPLATE_COUNT } from './features.js';
import { TABLE_STRIDE, type DecodedTagger } from './model.js';

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
