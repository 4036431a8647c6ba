/**
 * The attribution model as data: plain JSON (weight tables as base64 strings), validated by
 * `parseModel`, and decoded once per model object into dense typed arrays for the tagger.
 */
import { z } from 'zod';
import { encodeBase64 } from './base64.js';
import { decodeModel } from './decoded.js';
import { MODEL_FORMAT, MODEL_VERSION } from './format.js';

export { decodeModel, TABLE_STRIDE, type DecodedModel, type DecodedTagger } from './decoded.js';
import { LABELS, LABEL_COUNT } from './labels.js';
import { TEMPLATE_COUNT, type CueLexicon } from './features.js';

export { MODEL_FORMAT, MODEL_VERSION } from './format.js';

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
