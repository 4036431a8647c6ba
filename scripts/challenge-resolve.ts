/**
 * Fills in the offsets of every span of the challenge set's gold files from their anchors (text,
 * occurrence, after) and rewrites the files; prints each span whose anchor points nowhere and exits 1
 * if there was one. Run after writing or editing an article or its gold:
 *   npx tsx scripts/challenge-resolve.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { challengeFolder, challengeIds } from '../src/eval/challenge-folder.js';
import { parseGoldArticle, resolveGoldArticle } from '../src/eval/challenge-gold.js';

/** JSON with two-space indents, each span on one line so that a gold file reads like a list. */
function formatGold(value: unknown): string {
  const json = JSON.stringify(value, null, 2);
  return json.replace(/\{\n\s+("text"[^{}[\]]*?)\n\s+\}/g, (_, inner: string) => `{ ${inner.replace(/\n\s+/g, ' ')} }`) + '\n';
}

const folder = challengeFolder(process.argv[2]);
let failed = 0;
let files = 0;
for (const half of ['train', 'test'] as const) {
  for (const id of challengeIds(folder, half)) {
    const base = join(folder, half, id);
    try {
      const text = readFileSync(base + '.txt', 'utf8');
      const gold = parseGoldArticle(JSON.parse(readFileSync(base + '.json', 'utf8')), base + '.json');
      const { gold: resolved, problems } = resolveGoldArticle(text, gold);
      for (const p of problems) process.stderr.write(`${base}.json: ${p}\n`);
      failed += problems.length;
      writeFileSync(base + '.json', formatGold(resolved));
      files += 1;
    } catch (e) {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      failed += 1;
    }
  }
}
process.stdout.write(`${files} gold file(s) resolved, ${failed} problem(s)\n`);
process.exitCode = failed ? 1 : 0;
