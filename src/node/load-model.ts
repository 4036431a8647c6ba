/**
 * The bundled attribution model: `models/attribution-model.json` (or `.json.gz`) at the package root,
 * found from this file's place whether it runs from src/ (tsx) or dist/ (after tsc). Read and validated
 * once, then cached.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseModel, type AttributionModel } from '../core/learned/index.js';

const MODEL_NAME = 'attribution-model.json';

let cached: AttributionModel | undefined;

/** The bundled model cannot be found or read: an installation problem, not a bug, so callers show no stack. */
export class BundledModelError extends Error {
  override readonly name = 'BundledModelError';
}

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
      const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      cached = parseModel(JSON.parse(text));
    } catch (error) {
      throw new BundledModelError(`the bundled model ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return cached;
}
