/**
 * Reading the challenge set from its folder: `challenge/train/` and `challenge/test/`, each article an
 * `<id>.txt` (the text analysed) beside its `<id>.json` (the gold, see challenge-gold.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGoldArticle, parseGoldArticle } from './challenge-gold.js';
import type { ChallengeArticle } from './score-challenge.js';
import { PACKAGE_ROOT } from './shared-folder.js';

export type ChallengeHalf = 'train' | 'test';

/** The challenge folder: the option, else `<package root>/challenge`. */
export function challengeFolder(option?: string): string {
  return option ?? join(PACKAGE_ROOT, 'challenge');
}

/** The article ids of one half, in name order (the .txt files that have a .json beside them). */
export function challengeIds(folder: string, half: ChallengeHalf): string[] {
  const dir = join(folder, half);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
}

/**
 * The articles of one half with their gold. Throws, naming the file, where a gold file is missing or
 * malformed or one of its spans disagrees with the text: a wrong gold must never be scored silently.
 */
export function readChallengeHalf(folder: string, half: ChallengeHalf): ChallengeArticle[] {
  return challengeIds(folder, half).map((id) => {
    const base = join(folder, half, id);
    if (!existsSync(base + '.json')) throw new Error(`${base}.txt has no gold file ${id}.json beside it`);
    const text = readFileSync(base + '.txt', 'utf8');
    const gold = parseGoldArticle(JSON.parse(readFileSync(base + '.json', 'utf8')), base + '.json');
    if (gold.id !== id) throw new Error(`${base}.json: its id is "${gold.id}", expected "${id}"`);
    const problems = checkGoldArticle(text, gold);
    if (problems.length > 0) throw new Error(`${base}.json: ${problems.length} problem(s), first: ${problems[0]}`);
    return { id, text, gold };
  });
}
