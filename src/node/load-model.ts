/**
 * The bundled attribution model at the package root, found from this file's place whether it runs from
 * src/ (tsx) or dist/ (after tsc): `models/attribution-model.bin`, the packed form (typed arrays, read
 * without decoding text or loading the schema validator; see src/core/learned/packed.ts), else
 * `models/attribution-model.json` (or `.json.gz`) as training writes it, validated. Read once, then cached.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AttributionModel } from '../core/learned/model.js';
import { readModelJson, unpackModel } from '../core/learned/packed.js';
import { BundledModelError } from './model-error.js';

export { BundledModelError } from './model-error.js';

const MODEL_NAME = 'attribution-model.json';
const PACKED_NAME = 'attribution-model.bin';

let cached: AttributionModel | undefined;

/** The package root: the nearest folder above this file that holds package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`whosaid: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

/** The path of the bundled model file. */
export function bundledModelPath(): string {
  const models = join(packageRoot(), 'models');
  const plain = join(models, MODEL_NAME);
  const binary = join(models, PACKED_NAME);
  if (existsSync(binary)) return binary;
  if (existsSync(plain)) return plain;
  const packed = plain + '.gz';
  if (existsSync(packed)) return packed;
  throw new BundledModelError(`the bundled model is missing: expected ${plain} or ${packed}; reinstall whosaid, or run \`npm run train\` in its folder`);
}

/** The bundled attribution model, read on first call. */
export function loadBundledModel(): AttributionModel {
  if (!cached) {
    const path = bundledModelPath();
    try {
      const bytes = readFileSync(path);
      cached = path.endsWith('.bin') ? unpackModel(bytes).model : readModelJson(JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')));
    } catch (error) {
      throw new BundledModelError(`the bundled model ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return cached;
}
