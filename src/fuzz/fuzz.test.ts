/**
 * Property tests of the engine on mutated articles (a small budget, a few seconds; `npm run fuzz` runs
 * long), and the replay of every failure `npm run fuzz` saved in src/fuzz/regressions/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeArticle } from '../node/analyzer.js';
import type { ArticleInput } from '../core/analyze.js';
import { caseArbitrary, caseText, mutate, type FuzzCase } from './mutations.js';
import { checkAll, findBadSpan } from './properties.js';
import { loadRegressions, saveRegression } from './regressions.js';

const analyze = (input: ArticleInput) => analyzeArticle(input);
const asInput = (c: FuzzCase): ArticleInput => ({ text: caseText(c) });

test('mutations: each applies at any position of any text, wrapping around its length', () => {
  const cases: [string, Parameters<typeof mutate>[1], string][] = [
    ['abc', { kind: 'insert', at: 1, text: '“' }, 'a“bc'],
    ['abc', { kind: 'insert', at: 7, text: '.' }, 'abc.'], // 7 mod 4 = 3
    ['abc', { kind: 'delete', at: 1, length: 5 }, 'a'],
    ['abc', { kind: 'duplicate', at: 0, length: 2 }, 'ababc'],
    ['abc', { kind: 'run', at: 3, text: '"', times: 3 }, 'abc"""'],
    ['', { kind: 'delete', at: 9, length: 2 }, ''],
  ];
  for (const [text, m, expected] of cases) assert.equal(mutate(text, m), expected, JSON.stringify(m));
});

test('findBadSpan finds a span outside the text and a span whose text is not verbatim', () => {
  const base = { version: '1.0.0', attributions: [], times: [], diagnostics: [] };
  const mention = (start: number, end: number, text: string) => ({ ...base, entities: [{ id: 'e1', type: 'person' as const, name: 'Ana', mentions: [{ start, end, text }] }] });
  assert.equal(findBadSpan(mention(0, 3, 'Ana') as never, 'Ana said so.'), undefined);
  assert.match(findBadSpan(mention(0, 3, 'Ann') as never, 'Ana said so.') ?? '', /entities\[0\]\.mentions\[0\]: text "Ann"/);
  assert.match(findBadSpan(mention(5, 30, 'x') as never, 'Ana said so.') ?? '', /outside the text/);
});

test('properties: no exception, schema-valid, spans verbatim, deterministic (mutated team articles)', () => {
  fc.assert(
    fc.property(caseArbitrary({ maxRun: 200 }), fc.array(caseArbitrary({ maxRun: 50, maxMutations: 3 }), { maxLength: 2 }), (c, others) => {
      const problem = checkAll(analyze, asInput(c), others.map(asInput));
      if (problem) throw new Error(`${problem.property}: ${problem.message}`);
    }),
    { numRuns: Number(process.env.WHOSAID_FUZZ_RUNS ?? 40), seed: process.env.WHOSAID_FUZZ_SEED ? Number(process.env.WHOSAID_FUZZ_SEED) : undefined },
  );
});

test('saved regressions hold every property', () => {
  for (const [file, r] of loadRegressions()) {
    const problem = checkAll(analyze, r.input, r.others);
    assert.equal(problem, undefined, `${file} (${r.property}): ${problem?.property}: ${problem?.message.slice(0, 500)}`);
  }
});

test('saveRegression writes one file a case', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-regressions-'));
  try {
    const r = { property: 'spans' as const, message: 'm', seed: 1, input: { text: '“' }, others: [] };
    const a = saveRegression(r, dir);
    assert.equal(saveRegression({ ...r, seed: 2 }, dir), a);
    assert.deepEqual(loadRegressions(dir).map(([f, x]) => [f, x.seed]), [[a.slice(dir.length + 1), 1]]);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
