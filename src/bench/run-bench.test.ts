import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBenchReport, runBench } from './run-bench.js';

const ARTICLES = [
  { id: 'a', date: '2024-03-06', text: 'Mayor Ana Ruiz said on Tuesday that the bridge would open in May.' },
  { id: 'b', text: '“We are ready,” she told reporters.\n\nThe council did not comment.' },
  { id: 'c', text: 'Aides believe the bill is safe, a spokesman said.' },
];

test('runBench times both sides over the same articles, alternating which goes first', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'whosaid-bench-')), 'articles.jsonl');
  writeFileSync(file, ARTICLES.map((a) => JSON.stringify(a) + '\n').join(''));
  const seen: string[] = [];
  const report = await runBench({ file, repeat: 2, analyzer: (input) => {
    seen.push(input.id ?? '');
    return { version: '1.0.0', attributions: [], entities: [], times: [], diagnostics: [] };
  } });
  assert.equal(report.articles, 3);
  assert.equal(report.words, 13 + 11 + 9);
  assert.deepEqual(report.order, ['bare', 'engine', 'engine', 'bare']);
  assert.deepEqual(seen, ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']); // warm-up, then 2 timed passes
  assert.equal(report.bare?.passes.length, 2);
  assert.equal(report.engine?.passes.length, 2);
  assert.equal(typeof report.ratio, 'number');
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  assert.match(formatBenchReport(report), /3 articles, 33 words/);
  assert.match(formatBenchReport(report), /engine \/ bare: [\d.]+ \(target >= 0\.5\)/);
});

test('runBench with limit reads only the first articles', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'whosaid-bench-')), 'articles.jsonl');
  writeFileSync(file, ARTICLES.map((a) => JSON.stringify(a) + '\n').join(''));
  const report = await runBench({ file, limit: 1, repeat: 1 });
  assert.equal(report.articles, 1);
  assert.equal(report.words, 13);
});

test('runBench skips, without failing, where the file is absent', async () => {
  const report = await runBench({ file: join(tmpdir(), 'whosaid-no-such-dir', 'train.jsonl') });
  assert.equal(report.pass, true);
  assert.match(report.skipped ?? '', /not found/);
  assert.match(formatBenchReport(report), /skipped/);
});
