/**
 * Where the shared material (gold data, the reference scorer) lives: `<package root>/../shared`, or the
 * folder named by the WHOSAID_SHARED environment variable, or the one a caller passes.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the folder holding package.json, two levels above this file in src/ and dist/. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared folder to use: the option, else WHOSAID_SHARED, else `<package root>/../shared`. */
export function resolveSharedFolder(option?: string): string {
  return resolve(option ?? process.env.WHOSAID_SHARED ?? join(PACKAGE_ROOT, '..', 'shared'));
}

/** The files eval reads, by part, inside a shared folder. */
export function sharedPaths(shared: string) {
  return {
    seedText: join(shared, 'fixtures', 'seed', 'article.txt'),
    seedGold: join(shared, 'fixtures', 'seed', 'gold.json'),
    polnearDev: join(shared, 'data', 'polnear', 'dev.jsonl'),
    polnearTrain: join(shared, 'data', 'polnear', 'train.jsonl'),
    devSentences: join(shared, 'data', 'polnear', 'dev-sentences.jsonl'),
    scorer: join(shared, 'tools', 'score.py'),
  };
}

/** The paths among `paths` that do not exist. */
export function missingPaths(paths: readonly string[]): string[] {
  return paths.filter((p) => !existsSync(p));
}
