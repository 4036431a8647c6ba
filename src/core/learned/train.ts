/**
 * Training: an averaged structured perceptron over paragraph sequences (Collins 2002), with hashed
 * features and the same constrained Viterbi decoder the tagger uses. Deterministic for a given seed.
 */
import { TEMPLATE_COUNT } from './features.js';
import { LABEL_COUNT } from './labels.js';
import { viterbi } from './decode.js';

const L = LABEL_COUNT;

/** One document's training material: features (as `extractFeatures` makes them), gold labels, paragraphs. */
export interface TrainingDocument {
  readonly features: Uint32Array;
  readonly labels: Uint8Array;
  readonly ranges: readonly (readonly [number, number])[];
}

export interface TrainOptions {
  readonly hashBits: number;
  readonly epochs: number;
  readonly seed: number;
  /** Called after each epoch with a way to read the averaged weights so far. */
  readonly onEpoch?: (epoch: number, averaged: () => PerceptronWeights, mistakes: number) => void;
}

export interface PerceptronWeights {
  /** (2^hashBits) × labels. */
  readonly weights: Float32Array;
  /** (labels + 1) × labels; the last row scores a sequence's first label. */
  readonly transitions: Float64Array;
}

/** A small seeded generator (mulberry32), for the shuffles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Trains the tagger's weights on `docs` and returns the averaged weights after the last epoch. */
export function trainPerceptron(docs: readonly TrainingDocument[], options: TrainOptions): PerceptronWeights {
  const size = 2 ** options.hashBits;
  const mask = size - 1;
  const w = new Float32Array(size * L);
  const u = new Float64Array(size * L);
  const t = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  let c = 1;
  const order: [number, number, number][] = [];
  docs.forEach((d, k) => d.ranges.forEach(([a, b]) => order.push([k, a, b])));
  const random = seededRandom(options.seed);
  let longest = 0;
  for (const [, a, b] of order) longest = Math.max(longest, b - a);
  const scores = new Float32Array(longest * L);
  const predicted = new Uint8Array(longest);

  const averaged = (): PerceptronWeights => {
    const weights = new Float32Array(size * L);
    for (let k = 0; k < weights.length; k++) weights[k] = w[k] - u[k] / c;
    const transitions = new Float64Array(t.length);
    for (let k = 0; k < t.length; k++) transitions[k] = t[k] - tu[k] / c;
    return { weights, transitions };
  };
  const update = (features: Uint32Array, i: number, label: number, delta: number) => {
    const base = i * TEMPLATE_COUNT;
    for (let k = 0; k < TEMPLATE_COUNT; k++) {
      const at = (features[base + k] & mask) * L + label;
      w[at] += delta;
      u[at] += delta * c;
    }
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    let mistakes = 0;
    for (const [docIndex, first, last] of order) {
      const doc = docs[docIndex];
      const n = last - first;
      const { features, labels } = doc;
      for (let i = first, o = 0; i < last; i++, o += L) {
        const base = i * TEMPLATE_COUNT;
        for (let l = 0; l < L; l++) scores[o + l] = 0;
        for (let k = 0; k < TEMPLATE_COUNT; k++) {
          const at = (features[base + k] & mask) * L;
          for (let l = 0; l < L; l++) scores[o + l] += w[at + l];
        }
      }
      viterbi(scores, n, t, predicted, 0);
      let wrong = false;
      for (let o = 0; o < n; o++) {
        const i = first + o;
        const gold = labels[i];
        const guess = predicted[o];
        const goldPrev = o === 0 ? L : labels[i - 1];
        const guessPrev = o === 0 ? L : predicted[o - 1];
        if (gold !== guess) {
          wrong = true;
          update(features, i, gold, 1);
          update(features, i, guess, -1);
        }
        if (gold !== guess || goldPrev !== guessPrev) {
          t[goldPrev * L + gold] += 1;
          tu[goldPrev * L + gold] += c;
          t[guessPrev * L + guess] -= 1;
          tu[guessPrev * L + guess] -= c;
        }
      }
      if (wrong) mistakes++;
      c++;
    }
    options.onEpoch?.(epoch, averaged, mistakes);
  }
  return averaged();
}
