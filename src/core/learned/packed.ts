/**
 * The attribution model's packed binary form (`models/attribution-model.bin`): the JSON that training
 * writes, with the weight tables as raw little-endian typed arrays instead of base64 text, so that start-up
 * reads them without decoding or validating megabytes of text. Written from a validated model by
 * scripts/pack-model.ts; a test checks that the committed pack matches the committed JSON.
 *
 * Layout (all little-endian):
 *   bytes 0–3    "WSAM"
 *   bytes 4–7    uint32 layout version (PACK_VERSION)
 *   bytes 8–11   uint32 header length H in bytes
 *   bytes 12…    header: UTF-8 JSON, the model without its weight tables, each pass with its bucket
 *                count, plus the hash of the JSON file it was packed from; padded with spaces to 4 bytes
 *   then, per pass: uint32 buckets[count], int16 weights[count × labels], padded to 4 bytes
 */
import { encodeBase64 } from './base64.js';
import { decodeModel, denseTagger, setDecoded, type DecodedTagger } from './decoded.js';
import { TEMPLATE_COUNT } from './features.js';
import { MODEL_FORMAT, MODEL_VERSION } from './format.js';
import { LABELS, LABEL_COUNT } from './labels.js';
import type { AttributionModel, TaggerWeights } from './model.js';

const MAGIC = 'WSAM';
export const PACK_VERSION = 1;

interface PackedPass {
  hashBits: number;
  scale: number;
  transitions: number[];
  count: number;
}

interface PackedHeader extends Omit<AttributionModel, 'passes'> {
  passes: PackedPass[];
  /** FNV-1a (32 bit, hex) of the JSON text the pack was made from. */
  sourceHash: string;
}

/** FNV-1a over UTF-16 code units, as hex: identifies the JSON text a pack was made from. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const pad4 = (n: number) => (n + 3) & ~3;

/**
 * Packs a validated model (`parseModel`'s result) and the hash of its JSON text. `tables[k]` are pass
 * k's stored tables as bytes (the base64 of `model.passes[k]` decoded).
 */
export function packModel(model: AttributionModel, tables: readonly { buckets: Uint8Array; weights: Uint8Array }[], sourceHash: string): Uint8Array {
  const { passes, ...rest } = model;
  const header: PackedHeader = {
    ...rest,
    passes: passes.map((p, k) => ({ hashBits: p.hashBits, scale: p.scale, transitions: p.transitions, count: tables[k].buckets.length / 4 })),
    sourceHash,
  };
  let json = JSON.stringify(header);
  json += ' '.repeat(pad4(new TextEncoder().encode(json).length) - new TextEncoder().encode(json).length);
  const headerBytes = new TextEncoder().encode(json);
  let size = 12 + headerBytes.length;
  for (const t of tables) size += pad4(t.buckets.length) + pad4(t.weights.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  for (let k = 0; k < 4; k++) out[k] = MAGIC.charCodeAt(k);
  view.setUint32(4, PACK_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  let at = 12 + headerBytes.length;
  for (const t of tables) {
    out.set(t.buckets, at);
    at += pad4(t.buckets.length);
    out.set(t.weights, at);
    at += pad4(t.weights.length);
  }
  return out;
}

export interface UnpackedModel {
  /** The model, its decoded tables already attached (`decodeModel` returns them without decoding). */
  model: AttributionModel;
  /** The hash of the JSON text the pack was made from (see `hashText`). */
  sourceHash: string;
}

/**
 * Reads a packed model. Throws (a broken installation) when the bytes are not a pack of this version or
 * were made for other labels or feature templates than this code's.
 */
export function unpackModel(bytes: Uint8Array): UnpackedModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== MAGIC) throw new Error('not a packed whosaid model (no "WSAM" at the start)');
  const version = view.getUint32(4, true);
  if (version !== PACK_VERSION) throw new Error(`packed model layout ${version}, expected ${PACK_VERSION}`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) throw new Error(`packed model header of ${headerLength} bytes runs past the end (${bytes.length} bytes)`);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as PackedHeader;
  checkMade(header, 'packed model');
  let at = 12 + headerLength;
  const decodedPasses: DecodedTagger[] = [];
  const passes: TaggerWeights[] = [];
  header.passes.forEach((p, index) => {
    const bucketBytes = p.count * 4;
    const weightBytes = p.count * LABEL_COUNT * 2;
    if (at + pad4(bucketBytes) + weightBytes > bytes.length) throw new Error(`packed model pass ${index} runs past the end`);
    const buckets = bytes.subarray(at, at + bucketBytes);
    at += pad4(bucketBytes);
    const weights = bytes.subarray(at, at + weightBytes);
    at += pad4(weightBytes);
    decodedPasses.push(denseTagger(p, buckets, weights, index));
    // the JSON form's base64 tables, made only if something asks for them (JSON.stringify, a test)
    const pass = { hashBits: p.hashBits, scale: p.scale, transitions: p.transitions } as TaggerWeights;
    let b64: { buckets: string; weights: string } | undefined;
    const stored = () => (b64 ??= { buckets: encodeBase64(buckets), weights: encodeBase64(weights) });
    Object.defineProperty(pass, 'buckets', { enumerable: true, get: () => stored().buckets });
    Object.defineProperty(pass, 'weights', { enumerable: true, get: () => stored().weights });
    passes.push(pass);
  });
  const { sourceHash, passes: _, ...rest } = header;
  const model: AttributionModel = { ...rest, passes };
  setDecoded(model, { lexicon: new Map(Object.entries(model.cueLexicon)), passes: decodedPasses });
  return { model, sourceHash };
}

/** Throws when a model's declared format, labels or templates are not this code's. */
function checkMade(m: { format?: unknown; version?: unknown; labels?: unknown; templateCount?: unknown }, what: string): void {
  if (m.format !== MODEL_FORMAT || m.version !== MODEL_VERSION) throw new Error(`${what}: format ${String(m.format)} ${String(m.version)}, expected ${MODEL_FORMAT} ${MODEL_VERSION}`);
  const labels = Array.isArray(m.labels) ? m.labels.join(' ') : String(m.labels);
  if (m.templateCount !== TEMPLATE_COUNT || labels !== LABELS.join(' ')) {
    throw new Error(`${what}: made for ${String(m.templateCount)} templates and labels ${labels}, expected ${TEMPLATE_COUNT} and ${LABELS.join(' ')}`);
  }
}

/**
 * A model JSON as training writes it, checked for what this code needs without the schema validator
 * (model.ts's `parseModel` validates it fully; scripts/pack-model.ts does so before packing). For a
 * development checkout whose pack is missing.
 */
export function readModelJson(json: unknown): AttributionModel {
  if (json === null || typeof json !== 'object' || !Array.isArray((json as AttributionModel).passes)) throw new Error('not a whosaid attribution model');
  checkMade(json, 'model');
  const model = json as AttributionModel;
  decodeModel(model);
  return model;
}
