/**
 * The attribution model as data: plain JSON (weight tables as base64 strings), validated by
 * `parseModel`, and decoded once per model object into dense typed arrays for the tagger.
 */
import { z } from 'zod';
import { decodeBase64, encodeBase64 } from './base64.js';
import { LABELS, LABEL_COUNT } from './labels.js';
import { TEMPLATE_COUNT, type CueLexicon } from './features.js';

export const MODEL_FORMAT = 'whosaid/attribution-model';
export const MODEL_VERSION = 1;

const TaggerWeights = z.object({
  /** Feature hashes are taken modulo 2^hashBits. */
  hashBits: z.number().int().min(8).max(24),
  /** A stored weight times `scale` is the perceptron's averaged weight. */
  scale: z.number().positive(),
  /** (labels + 1) × labels transition weights; the last row scores a sequence's first label. */
  transitions: z.array(z.number()).length((LABEL_COUNT + 1) * LABEL_COUNT),
  /** Base64 of little-endian uint32 feature buckets that carry weights, ascending. */
  buckets: z.string(),
  /** Base64 of little-endian int16 weights, `labels` per bucket, in bucket order. */
  weights: z.string(),
});
export type TaggerWeights = z.infer<typeof TaggerWeights>;

const ModelSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  labels: z.array(z.string()).refine((l) => l.length === LABEL_COUNT && l.every((x, k) => x === LABELS[k]), 'labels must be ' + LABELS.join(' ')),
  templateCount: z.literal(TEMPLATE_COUNT),
  /** Lemma → cue strength 1–4, counted on the training data (see scripts/train-model.ts). */
  cueLexicon: z.record(z.string(), z.number().int().min(1).max(4)),
  /** The first pass tags from the text; each later pass also sees the previous pass's labels. */
  passes: z.array(TaggerWeights).min(1).max(3),
  /** Where the model comes from and what it scored, as the training script recorded it. */
  provenance: z.record(z.string(), z.unknown()),
});

/** The learned attribution model: plain JSON-able data. */
export type AttributionModel = z.infer<typeof ModelSchema>;

/** Validates a parsed JSON value as an attribution model; throws (misuse) when it is not one. */
export function parseModel(json: unknown): AttributionModel {
  const result = ModelSchema.safeParse(json);
  if (!result.success) throw new Error('not a whosaid attribution model: ' + result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const model = result.data;
  decodeModel(model);
  return model;
}

/**
 * A tagger pass ready to score: a dense weight table indexed by (bucket, label), `TABLE_STRIDE` slots
 * per bucket so that one bucket's weights share a cache line.
 */
export interface DecodedTagger {
  readonly mask: number;
  readonly scale: number;
  readonly table: Int16Array;
  readonly transitions: Float32Array;
}

export const TABLE_STRIDE = 8;

export interface DecodedModel {
  readonly lexicon: CueLexicon;
  readonly passes: readonly DecodedTagger[];
}

const decoded = new WeakMap<AttributionModel, DecodedModel>();

/** The dense form of `model`, decoded on first use and kept while the model object lives. */
export function decodeModel(model: AttributionModel): DecodedModel {
  let d = decoded.get(model);
  if (!d) {
    d = { lexicon: new Map(Object.entries(model.cueLexicon)), passes: model.passes.map(decodeTagger) };
    decoded.set(model, d);
  }
  return d;
}

function decodeTagger(p: TaggerWeights, index: number): DecodedTagger {
  const buckets = decodeBase64(p.buckets);
  const weights = decodeBase64(p.weights);
  if (!buckets || !weights || buckets.length % 4 !== 0) throw new Error(`model pass ${index}: weight tables are not base64 of the expected size`);
  const count = buckets.length / 4;
  if (weights.length !== count * LABEL_COUNT * 2) throw new Error(`model pass ${index}: ${count} buckets but ${weights.length / 2} weights`);
  const size = 2 ** p.hashBits;
  const table = new Int16Array(size * TABLE_STRIDE);
  const b = new DataView(buckets.buffer, buckets.byteOffset, buckets.byteLength);
  const w = new DataView(weights.buffer, weights.byteOffset, weights.byteLength);
  for (let k = 0; k < count; k++) {
    const bucket = b.getUint32(k * 4, true);
    if (bucket >= size) throw new Error(`model pass ${index}: bucket ${bucket} outside 2^${p.hashBits}`);
    for (let l = 0; l < LABEL_COUNT; l++) table[bucket * TABLE_STRIDE + l] = w.getInt16((k * LABEL_COUNT + l) * 2, true);
  }
  return { mask: size - 1, scale: p.scale, table, transitions: Float32Array.from(p.transitions) };
}

/**
 * Packs averaged weights (`LABEL_COUNT` per bucket) into the stored form: int16 with one scale, buckets
 * whose weights all round to zero left out.
 */
export function packTagger(weights: Float32Array | Float64Array, transitions: ArrayLike<number>, hashBits: number, prune = 0): TaggerWeights {
  let max = 0;
  for (let k = 0; k < weights.length; k++) max = Math.max(max, Math.abs(weights[k]));
  const scale = max > 0 ? max / 32767 : 1;
  const keep: number[] = [];
  const size = 2 ** hashBits;
  for (let bucket = 0; bucket < size; bucket++) {
    for (let l = 0; l < LABEL_COUNT; l++) {
      const v = weights[bucket * LABEL_COUNT + l];
      if (Math.abs(v) > prune && Math.round(v / scale) !== 0) {
        keep.push(bucket);
        break;
      }
    }
  }
  const b = new DataView(new ArrayBuffer(keep.length * 4));
  const w = new DataView(new ArrayBuffer(keep.length * LABEL_COUNT * 2));
  keep.forEach((bucket, k) => {
    b.setUint32(k * 4, bucket, true);
    for (let l = 0; l < LABEL_COUNT; l++) {
      const v = weights[bucket * LABEL_COUNT + l];
      w.setInt16((k * LABEL_COUNT + l) * 2, Math.abs(v) > prune ? Math.round(v / scale) : 0, true);
    }
  });
  return {
    hashBits, scale, transitions: Array.from(transitions, (x) => Math.round(x * 1e4) / 1e4),
    buckets: encodeBase64(new Uint8Array(b.buffer)), weights: encodeBase64(new Uint8Array(w.buffer)),
  };
}
