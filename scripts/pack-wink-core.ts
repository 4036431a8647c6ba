/**
 * Packs wink-eng-lite-web-model's core JSON and its lemmatizer's exception tables into
 * dist/wink-core-model.bin, the form the CLI reads at start-up (src/node/wink-core-model.ts). Run by
 * `npm run build` (and `prepare`) after tsc; the pack is read only while it matches the installed model
 * package, so a stale one costs time, never correctness.
 *
 *   npx tsx scripts/pack-wink-core.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
// the package's own modules, loaded before wink-core-model.js is: it then puts no pack's tables in their place
const KINDS = ['noun', 'verb', 'adjective'] as const;
const exceptions = Object.fromEntries(KINDS.map((kind) => [kind, require(`wink-eng-lite-web-model/dist/wn-${kind}-exceptions.js`) as Record<string, string>]));
require('wink-eng-lite-web-model/dist/read-core-model.js');
const { EXCEPTION_KINDS, packCoreModel, winkCoreReader, winkCoreFiles } = await import('../src/node/wink-core-model.js');

const files = winkCoreFiles();
if (!files?.pack) {
  process.stdout.write('pack-wink-core: wink-eng-lite-web-model is not a version whosaid packs; its own reader will run\n');
} else {
  if (winkCoreReader !== 'package' || EXCEPTION_KINDS.join() !== KINDS.join()) throw new Error('pack-wink-core: the model package\'s own modules were not the ones read');
  const pack = packCoreModel(readFileSync(files.json, 'utf8'), files.version, exceptions as Parameters<typeof packCoreModel>[2]);
  mkdirSync(dirname(files.pack), { recursive: true });
  writeFileSync(files.pack, pack);
  process.stdout.write(`pack-wink-core: wrote ${files.pack} (${(pack.length / 1e6).toFixed(2)} MB) from wink-eng-lite-web-model ${files.version}\n`);
}
