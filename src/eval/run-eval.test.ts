/**
 * runEval over a tiny dataset the test writes in the shared folder's layout, with team-written
 * sentences and an analyser that returns fixed answers, so every figure is known in advance.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis, Attribution } from '../core/analysis.js';
import type { ArticleInput } from '../core/analyze.js';
import { formatEvalReport, runEval, type EvalReport } from './run-eval.js';

const SEED = 'Mayor Ana Ruiz said on Tuesday that the bridge would open in May.\n\n“We are ready,” she told reporters.\n';
const DOC1 = 'Senator Lee said the vote would pass. Aides believe the bill is safe.';
const DOC2 = '“Taxes will fall,” the governor told voters.';

/** A gold span {start, end, text} of the n-th occurrence of `part` in `text` (all BMP, so code points = UTF-16). */
function at(text: string, part: string): { start: number; end: number; text: string } {
  const start = text.indexOf(part);
  assert.ok(start >= 0, part);
  return { start, end: start + part.length, text: part };
}

function writeDataset(): string {
  const shared = mkdtempSync(join(tmpdir(), 'whosaid-shared-'));
  mkdirSync(join(shared, 'fixtures', 'seed'), { recursive: true });
  mkdirSync(join(shared, 'data', 'polnear'), { recursive: true });
  writeFileSync(join(shared, 'fixtures', 'seed', 'article.txt'), SEED);
  writeFileSync(join(shared, 'fixtures', 'seed', 'gold.json'), JSON.stringify({
    quotes: [
      { content: at(SEED, 'the bridge would open in May'), speakerNames: ['Mayor Ana Ruiz', 'Ruiz'], addressee: null, relayedBy: null, saidOn: '2024-03-05', required: true },
      { content: at(SEED, 'We are ready'), speakerNames: ['Mayor Ana Ruiz', 'Ruiz'], addressee: 'reporters', relayedBy: null, saidOn: null, required: true },
    ],
    times: [{ text: 'Tuesday', value: '2024-03-05' }],
  }));
  const docs = [
    { id: 'doc-1', date: '2024-03-06', text: DOC1, attributions: [
      { source: [at(DOC1, 'Senator Lee')], cue: [at(DOC1, 'said')], content: [at(DOC1, 'the vote would pass')] },
      { source: [at(DOC1, 'Aides')], cue: [at(DOC1, 'believe')], content: [at(DOC1, 'the bill is safe')] },
    ] },
    { id: 'doc-2', date: '2024-03-07', text: DOC2, attributions: [
      { source: [at(DOC2, 'the governor')], cue: [at(DOC2, 'told')], content: [at(DOC2, 'Taxes will fall')] },
    ] },
  ];
  writeFileSync(join(shared, 'data', 'polnear', 'dev.jsonl'), docs.map((d) => JSON.stringify(d) + '\n').join(''));
  const sentences = [
    { tokens: ['Ana', 'said', 'the', 'plan', 'works', '.'], labels: ['B-source', 'B-cue', 'B-content', 'I-content', 'I-content', 'O'] },
    { tokens: ['``', 'No', 'comment', ',', "''", 'he', 'said', '.'], labels: ['O', 'B-content', 'I-content', 'O', 'O', 'B-source', 'B-cue', 'O'] },
  ];
  writeFileSync(join(shared, 'data', 'polnear', 'dev-sentences.jsonl'), sentences.map((d) => JSON.stringify(d) + '\n').join(''));
  return shared;
}

/** Fixed answers per text: [content, speaker mention, cue, extra fields]. */
const ANSWERS: Record<string, [string, string | null, string | null, Partial<Attribution>?][]> = {
  [SEED]: [
    ['the bridge would open in May', 'Mayor Ana Ruiz', 'said', { speaker: { name: 'Ana Ruiz' }, saidOn: '2024-03-05' }],
    ['We are ready', 'she', 'told', { speaker: { name: 'she' }, addressee: { start: 0, end: 0, text: 'reporters' } }],
  ],
  [DOC1]: [['the vote would pass', 'Senator Lee', 'said']],
  [DOC2]: [['Taxes will fall,', 'governor', null]],
  'Ana said the plan works.': [['the plan works', 'Ana', 'said']],
  '“No comment,” he said.': [['No comment,', 'he', null]],
};

function fakeAnalyzer(input: ArticleInput): Analysis {
  const attributions = (ANSWERS[input.text] ?? []).map(([content, mention, cue, extra], i): Attribution => {
    const c = at(input.text, content);
    return {
      id: `a${i}`, type: 'statement', kind: 'indirect', content: [{ start: c.start, end: c.end }], text: content,
      confidence: 1, reasons: ['test'], ...extra,
      speaker: { ...(mention && { mention: at(input.text, mention) }), ...extra?.speaker },
      ...(cue && { cue: at(input.text, cue) }),
    };
  });
  const times = input.text === SEED ? [{ ...at(SEED, 'Tuesday'), value: '2024-03-05', certainty: 'implied' as const }] : [];
  return { version: '1.0.0', ...(input.id !== undefined && { id: input.id }), attributions, entities: [], times, diagnostics: [] };
}

function figures(report: EvalReport): Record<string, string> {
  return Object.fromEntries(report.figures.map((f) => [`${f.part}: ${f.name}`, `${f.value} ${f.pass ? 'pass' : 'fail'}`]));
}

test('runEval analyses, writes and scores a tiny dataset in the shared layout', async () => {
  const shared = writeDataset();
  const out = join(shared, 'out');
  const report = await runEval({ shared, out, analyzer: fakeAnalyzer });
  assert.deepEqual(figures(report), {
    'seed: required quotes found': '2/2 pass',
    'seed: right speaker': '1/2 fail', // "she" is a pronoun, never a name
    'seed: extra quotes': '0 pass',
    'seed: context: addressee': '1/1 pass',
    'seed: context: relay': '0/0 pass',
    'seed: context: saidOn': '1/1 pass',
    'seed: context: times': '1/1 pass',
    'polnear: attribution F1': '0.8000 pass', // 2 of 3 found, none extra
    'polnear: source given found': '1.0000 pass', // "governor" overlaps "the governor"
    'polnear: cue given found': '0.5000 fail',
    'sentences: exact F1 source': '1.0000 pass',
    'sentences: exact F1 cue': '0.6667 pass',
    'sentences: exact F1 content': '0.5000 pass', // "No comment ," keeps its comma
  });
  assert.equal(report.pass, false);
  const seed = report.parts.find((p) => p.part === 'seed');
  assert.ok(seed?.status === 'scored');
  assert.deepEqual(seed.score.problems, ["speaker 'she' for: We are ready"]);
  const polnear = report.parts.find((p) => p.part === 'polnear');
  assert.ok(polnear?.status === 'scored');
  assert.equal(polnear.scorerJson, '{"attribution": {"precision": 1.0, "recall": 0.6667, "f1": 0.8, "tp": 2, "fp": 0, "fn": 1}, "sourceGivenFound": 1.0, "cueGivenFound": 0.5, "exactF1": {"source": 0.4, "cue": 0.5, "content": 0.8}}');
  assert.equal(polnear.timing?.articles, 2);
  assert.equal(polnear.timing?.words, 20); // 13 + 7 whitespace-separated words
  const sentences = report.parts.find((p) => p.part === 'sentences');
  assert.ok(sentences?.status === 'scored');
  assert.deepEqual(sentences.score.trimmedF1, { source: 1, cue: 0.6667, content: 1 });
  assert.equal(readFileSync(join(out, 'sentences-input.jsonl'), 'utf8'), '{"id": "0", "text": "Ana said the plan works."}\n{"id": "1", "text": "“No comment,” he said."}\n');
  for (const file of ['seed.jsonl', 'polnear-dev.jsonl', 'sentences-dev.jsonl']) assert.ok(existsSync(join(out, file)), file);
  const text = formatEvalReport(report);
  assert.match(text, /polnear\s+cue given found\s+0\.5000\s+>= 0\.80\s+NO/);
  assert.match(text, /score\.py sentences --gold .*dev-sentences\.jsonl --pred .*sentences-dev\.jsonl/);
});

test('runEval scores given prediction files without analysing', async () => {
  const shared = writeDataset();
  const out = join(shared, 'out');
  const first = await runEval({ shared, out, only: ['polnear'], analyzer: fakeAnalyzer });
  const again = await runEval({ shared, out, only: ['polnear'], predictions: { polnear: join(out, 'polnear-dev.jsonl') }, analyzer: () => { throw new Error('not called'); } });
  assert.deepEqual(again.figures, first.figures);
  assert.equal(again.parts[0].status === 'scored' && again.parts[0].timing, undefined);
});

test('runEval skips where the shared data is absent, and a run that scored nothing does not pass', async () => {
  const shared = join(mkdtempSync(join(tmpdir(), 'whosaid-none-')), 'shared');
  const report = await runEval({ shared, out: join(shared, 'out') });
  assert.deepEqual(report.parts.map((p) => p.status), ['skipped', 'skipped', 'skipped']);
  assert.equal(report.pass, false);
  const text = formatEvalReport(report);
  assert.match(text, /seed: skipped: the shared data is absent/);
  assert.ok(text.includes(`nothing scored: whosaid eval reads its data from ${shared}\n`), text);
  assert.match(text, /--shared DIR or WHOSAID_SHARED=DIR\n$/);
});
