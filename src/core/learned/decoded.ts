/**
 * The attribution model decoded for scoring: dense typed-array weight tables, decoded once per model
 * object. Kept apart from the schema (model.ts) so that analysing loads no validator: the bundled model
 * is validated when it is packed (scripts/pack-model.ts), not at every start-up.
 */
import { decodeBase64 } from './base64.js';
import { LABEL_COUNT } from './labels.js';
import type { CueLexicon } from './features.js';
import type { AttributionModel, TaggerWeights } from './model.js';

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
  if (!buckets || !weights) throw new Error(`model pass ${index}: weight tables are not base64`);
  return denseTagger(p, buckets, weights, index);
}

/** The dense table of a pass from its stored tables: little-endian uint32 buckets, int16 weights. */
export function denseTagger(p: Pick<TaggerWeights, 'hashBits' | 'scale' | 'transitions'>, buckets: Uint8Array, weights: Uint8Array, index: number): DecodedTagger {
  if (buckets.length % 4 !== 0) throw new Error(`model pass ${index}: weight tables are not of the expected size`);
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
 * Gives `model` its decoded form, made elsewhere (from the packed binary, see packed.ts), so that
 * `decodeModel` does not decode its base64 tables again.
 */
export function setDecoded(model: AttributionModel, d: DecodedModel): void {
  decoded.set(model, d);
}
