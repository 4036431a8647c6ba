/**
 * Packs wink-eng-lite-web-model's core JSON into dist/wink-core-model.bin, the form the CLI reads at
 * start-up (src/node/wink-core-model.ts). Run by `npm run build` (and `prepare`) after tsc; the pack is
 * read only while it matches the installed model package, so a stale one costs time, never correctness.
 *
 *   npx tsx scripts/pack-wink-core.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { packCoreModel, winkCoreFiles } from '../src/node/wink-core-model.js';

const files = winkCoreFiles();
if (!files?.pack) {
  process.stdout.write('pack-wink-core: wink-eng-lite-web-model is not a version whosaid packs; its own reader will run\n');
} else {
  const pack = packCoreModel(readFileSync(files.json, 'utf8'), files.version);
  mkdirSync(dirname(files.pack), { recursive: true });
  writeFileSync(files.pack, pack);
  process.stdout.write(`pack-wink-core: wrote ${files.pack} (${(pack.length / 1e6).toFixed(2)} MB) from wink-eng-lite-web-model ${files.version}\n`);
}
