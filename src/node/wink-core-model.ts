/**
 * A faster reader of wink-nlp's English core model, for Node. Imported for its effect, before the core
 * loads wink-eng-lite-web-model (src/node/analyzer.ts imports it first).
 *
 * The model package's own reader (`dist/read-core-model.js`, 1.8.x) `require`s the 3 MB JSON of the core
 * model when it is loaded, then on each call copies it whole through `JSON.parse(JSON.stringify(…))`,
 * decodes its two base64 tables a character at a time through `atob`, and builds the look-up tables of
 * its features. The copy and the decoding were most of the time a one-paragraph `whosaid extract` took.
 * `readCoreModel` below builds the same object from one `JSON.parse` of the file (a fresh object each
 * call, as the copy was) and decodes the tables with `Buffer.from(…, 'base64')`; it is put in Node's
 * module cache (`require.cache`, a documented way to supply a module) under the reader's file name, so
 * the package's loader calls it in place of its own. wink-core-model.test.ts checks that it
 * builds an object deeply equal to the package's own, with its tables' keys in the same order.
 *
 * With another major or minor version of the model package, or when its reader is already loaded, nothing
 * is replaced and the package's own reader runs.
 */
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The model package versions whose core reader `readCoreModel` reproduces. */
const SUPPORTED = /^1\.8\./;

interface Feature {
  list: string[];
  hash?: Record<string, number>;
}
interface CoreModelJson {
  packing: { layout: Record<string, number[]> };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: (string | Set<number>)[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** A base64 table as the Uint32Array over a buffer of its own that `atob` and a byte loop give. */
function words(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const out = new Uint32Array(bytes.length >>> 2);
  new Uint8Array(out.buffer).set(bytes.subarray(0, out.length << 2));
  return out;
}

function lookUp(list: string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k += 1) hash[list[k]] = k;
  return hash;
}

/** The core model read from `file`, as wink-eng-lite-web-model 1.8's `readModel()` returns it. */
export function readCoreModelFile(file: string): unknown {
  const model = JSON.parse(readFileSync(file, 'utf8')) as CoreModelJson;
  const { packing, features, pos } = model;
  model.lexicon = words(model.lexicon as string);
  model.xpansions = words(model.xpansions as string);
  for (const f in packing.layout) if (packing.layout[f][3] === 0) features[f].hash = lookUp(features[f].list);
  features.lexeme.hash = lookUp(features.lexeme.list);
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  return model;
}

/** Where the model package's reader and its JSON are, when its version is one `readCoreModelFile` reproduces. */
export function winkCoreFiles(): { reader: string; json: string } | undefined {
  try {
    const { version } = require('wink-eng-lite-web-model/package.json') as { version: string };
    if (!SUPPORTED.test(version)) return undefined;
    const reader = require.resolve('wink-eng-lite-web-model/dist/read-core-model.js');
    return { reader, json: join(dirname(reader), 'languages', 'cur', 'models', 'eng-core-web-model.json') };
  } catch {
    return undefined;
  }
}

/** Puts `readCoreModelFile` in the module cache in place of the package's reader; false when it cannot. */
function install(): boolean {
  const files = winkCoreFiles();
  if (!files || require.cache[files.reader]) return false;
  const module = new Module(files.reader);
  module.filename = files.reader;
  module.loaded = true;
  module.exports = () => readCoreModelFile(files.json);
  require.cache[files.reader] = module;
  return true;
}

/** Whether this process reads wink's core model with `readCoreModelFile`. */
export const fastWinkCore = install();
