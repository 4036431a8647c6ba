/**
 * Packs the trained model (models/attribution-model.json, written by `npm run train`) into its binary
 * form (models/attribution-model.bin, see src/core/learned/packed.ts), which the CLI loads at start-up.
 * Run after every training (`npm run train` does) and commit both files.
 *
 *   npx tsx scripts/pack-model.ts [MODEL.json [MODEL.bin]]
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeBase64 } from '../src/core/learned/base64.js';
import { parseModel } from '../src/core/learned/model.js';
import { hashText, packModel } from '../src/core/learned/packed.js';
import { PACKAGE_ROOT } from '../src/eval/shared-folder.js';

/** Packs `jsonPath` into `binPath` (default: the same name ending .bin); returns the bin's path. */
export function packModelFile(jsonPath: string, binPath = jsonPath.replace(/\.json$/, '') + '.bin'): string {
  const text = readFileSync(jsonPath, 'utf8');
  const model = parseModel(JSON.parse(text));
  const tables = model.passes.map((p) => ({ buckets: decodeBase64(p.buckets)!, weights: decodeBase64(p.weights)! }));
  writeFileSync(binPath, packModel(model, tables, hashText(text)));
  return binPath;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [jsonPath = join(PACKAGE_ROOT, 'models', 'attribution-model.json'), binPath] = process.argv.slice(2);
  const written = packModelFile(jsonPath, binPath);
  process.stdout.write(`wrote ${written} (${(statSync(written).size / 1e6).toFixed(2)} MB) from ${jsonPath}\n`);
}
