/**
 * runEval's challenge parts over a tiny challenge folder the test writes (one article a half, in the
 * set's layout) with an analyser that returns fixed answers, so every figure is known in advance.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis, Attribution } from '../core/analysis.js';
import type { ArticleInput } from '../core/analyze.js';
import { resolveGoldArticle, type GoldArticle } from './challenge-gold.js';
import { formatEvalReport, runEval } from './run-eval.js';

const TEST_TEXT = 'Mayor Ana Ruiz said the bridge would open in May.\n\nThe index added 0.6 per cent.\n';
const TRAIN_TEXT = '“We are ready,” Coach Lee Park said.\n\nREAD MORE: Park says the team is ready\n';

function write(folder: string, half: string, id: string, text: string, gold: Omit<GoldArticle, 'id' | 'style'>): void {
  mkdirSync(join(folder, half), { recursive: true });
  const resolved = resolveGoldArticle(text, { id, style: 'local', ...gold });
  assert.deepEqual(resolved.problems, []);
  writeFileSync(join(folder, half, `${id}.txt`), text);
  writeFileSync(join(folder, half, `${id}.json`), JSON.stringify(resolved.gold));
}

function at(text: string, part: string) {
  const start = text.indexOf(part);
  assert.ok(start >= 0, part);
  return { start, end: start + part.length, text: part };
}

/** The engine's imagined answers: right on the mayor, a false positive on "added", a link line taken as a quote. */
function fakeAnalyzer(input: ArticleInput): Analysis {
  const answers: [string, string, string | undefined][] = input.text === TEST_TEXT
    ? [['the bridge would open in May', 'Mayor Ana Ruiz', 'Ana Ruiz'], ['0.6 per cent', 'The index', undefined]]
    : input.text === TRAIN_TEXT ? [['We are ready,', 'Coach Lee Park', 'Lee Park'], ['the team is ready', 'Park', 'Lee Park']] : [];
  const attributions = answers.map(([content, mention, name], i): Attribution => ({
    id: `a${i}`, type: 'statement', kind: 'indirect', content: [at(input.text, content)], text: content, confidence: 1, reasons: ['test'],
    speaker: { mention: at(input.text, mention), ...(name && { name }) },
  }));
  return { version: '1.0.0', ...(input.id !== undefined && { id: input.id }), attributions, entities: [], times: [], diagnostics: [] };
}

test('runEval scores the challenge halves it is asked for', async () => {
  const root = mkdtempSync(join(tmpdir(), 'whosaid-challenge-'));
  const challenge = join(root, 'challenge');
  write(challenge, 'test', 'local-01', TEST_TEXT, {
    publishedAt: '2026-05-01',
    attributions: [{ type: 'statement', kind: 'indirect', content: [{ text: 'the bridge would open in May' }], speaker: { mention: { text: 'Mayor Ana Ruiz' }, name: 'Ana Ruiz' }, cue: { text: 'said' } }],
    negatives: [{ text: 'added 0.6 per cent', pattern: 'cue-sense' }],
  });
  write(challenge, 'train', 'local-02', TRAIN_TEXT, {
    publishedAt: '2026-05-02',
    attributions: [{ type: 'statement', kind: 'direct', content: [{ text: 'We are ready,' }], speaker: { mention: { text: 'Coach Lee Park' }, name: 'Lee Park' }, cue: { text: 'said' } }],
    negatives: [{ text: 'READ MORE: Park says the team is ready', pattern: 'furniture' }],
  });
  const report = await runEval({ shared: join(root, 'shared'), out: join(root, 'out'), challenge, only: ['challenge', 'challenge-train'], analyzer: fakeAnalyzer });
  assert.deepEqual(report.figures.map((f) => `${f.part}: ${f.name} ${f.value} ${f.pass ? 'pass' : 'fail'}`), [
    'challenge: statement precision 0.5000 fail',
    'challenge: statement recall 1.0000 pass',
    'challenge: statement F1 0.6667 pass',
    'challenge: speaker mention right 1.0000 pass',
    'challenge: speaker name right 1.0000 pass',
    'challenge-train: statement precision 0.5000 fail',
    'challenge-train: statement recall 1.0000 pass',
    'challenge-train: statement F1 0.6667 pass',
    'challenge-train: speaker mention right 1.0000 pass',
    'challenge-train: speaker name right 1.0000 pass',
  ]);
  const text = formatEvalReport(report, true);
  assert.match(text, /false positives by pattern: cue-sense 1/);
  assert.match(text, /false positives by pattern: furniture 1/);
  assert.match(text, /local-01 \[cue-sense\] "0\.6 per cent" .*\n\s+in: The index added 0\.6 per cent\./);
  assert.doesNotMatch(formatEvalReport(report), /false positives:\n/);
});

test('runEval skips a challenge half that has no articles', async () => {
  const root = mkdtempSync(join(tmpdir(), 'whosaid-challenge-'));
  mkdirSync(join(root, 'challenge', 'test'), { recursive: true });
  const report = await runEval({ shared: join(root, 'shared'), out: join(root, 'out'), challenge: join(root, 'challenge'), only: ['challenge', 'challenge-train'] });
  assert.deepEqual(report.parts.map((p) => p.status === 'skipped' && p.reason.replace(root, '<root>')), [
    'the challenge set has no articles in <root>/challenge/test',
    'the shared data is absent (<root>/challenge/train not found)',
  ]);
  assert.equal(report.pass, true);
});
