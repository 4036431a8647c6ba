/**
 * Failures found by `npm run fuzz`, minimized by fast-check and saved one a file in
 * src/fuzz/regressions/ (named by a hash of the case, so that the same failure is saved once). The
 * test suite replays every file (fuzz.test.ts); a file is deleted by hand once it is understood and
 * its fix has a test of its own, or kept as a regression test.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleInput } from '../core/analyze.js';
import type { Problem } from './properties.js';

export const REGRESSIONS_DIR = fileURLToPath(new URL('./regressions/', import.meta.url));

export interface Regression {
  /** The property that failed when the case was found, and how. */
  readonly property: Problem['property'];
  readonly message: string;
  /** The fast-check seed and path that reproduce the run (`npm run fuzz -- --seed S --path P`). */
  readonly seed: number;
  readonly path?: string;
  readonly input: ArticleInput;
  /** The articles analysed between the two analyses of `input` (for determinism). */
  readonly others: readonly ArticleInput[];
}

/** Saves a failure; returns its file (the existing one when the same case was saved before). */
export function saveRegression(regression: Regression, dir: string = REGRESSIONS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256').update(JSON.stringify([regression.input, regression.others])).digest('hex').slice(0, 12);
  const file = join(dir, `${regression.property}-${hash}.json`);
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(regression, null, 2) + '\n');
  return file;
}

/** Every saved failure, by file name. */
export function loadRegressions(dir: string = REGRESSIONS_DIR): [string, Regression][] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Regression]);
}
