/**
 * `whosaid ingest --jobs`: articles analysed and prepared on worker threads give the very corpus one
 * thread gives (every table, row for row), and an article that fails in a worker is an error record
 * while the rest goes on. The real engine, on the team's own articles.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Io } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-ingest-jobs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLES = new URL('../../../examples/', import.meta.url).pathname;

async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().on('data', (c: Buffer) => (stdout += c.toString()));
  const err = new PassThrough().on('data', (c: Buffer) => (stderr += c.toString()));
  const io: Io = { stdin: Readable.from([Buffer.from(stdin)]), stdout: out, stderr: err, stdoutIsTTY: false, stderrIsTTY: false, cores: 2 };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Every row of every table, as JSON text in a fixed order; the migrations' own dates left out. */
function tables(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    return Object.fromEntries(
      names.map((name) => {
        const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
        const kept = name === 'schema_version' ? rows.map(({ applied_at: _date, ...row }) => row) : rows;
        return [name, kept.map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value))).sort()];
      }),
    );
  } finally {
    db.close();
  }
}

// the team's own sentences, a repeated article, a changed one under an earlier id, and a bad line
const LINES = [
  { id: 'n1', outlet: 'Harbor Wire', publishedAt: '2025-11-16', text: '“The ferry will run all winter,” Mayor Ana Ruiz said on Sunday. Councilman Omar Bell said the fares were too high.' },
  { id: 'n2', outlet: 'Coast Courier', publishedAt: '2025-11-17', text: 'Ruiz told reporters that “the ferry will run all winter,” and Bell said he would vote against the budget.' },
  { id: 'n3', text: 'Officials believe the storm will weaken overnight, according to the weather service.' },
  { id: 'n1-again', outlet: 'Harbor Wire', publishedAt: '2025-11-16', text: '“The ferry will run all winter,” Mayor Ana Ruiz said on Sunday. Councilman Omar Bell said the fares were too high.' },
  { id: 'n3', text: 'Officials now believe the storm will reach the coast by Friday, the weather service said.' },
  { id: 'n4', outlet: 'Lakeview Daily', publishedAt: '2025-11-18', text: 'Dr. Lena Ortiz, who runs the clinic, said the new wing would open in March. “We hired twelve nurses,” Ortiz said.' },
]
  .map((l) => JSON.stringify(l))
  .concat(['{"id":"bad","text":7}'])
  .join('\n');

test('--jobs 2 stores exactly the corpus --jobs 1 stores, every table row for row', { timeout: 300_000 }, async () => {
  const files = { one: join(dir, 'one.db'), two: join(dir, 'two.db') };
  const one = await run(['ingest', join(EXAMPLES, 'corpus'), '-', '--jsonl', '--db', files.one, '--jobs', '1', '--published', '2025-11-20'], LINES);
  const two = await run(['ingest', join(EXAMPLES, 'corpus'), '-', '--jsonl', '--db', files.two, '--jobs', '2', '--published', '2025-11-20'], LINES);
  assert.equal(one.code, 1, one.stderr);
  assert.match(one.stdout, /^ingested 10 articles: 7 new, 1 unchanged, 1 replaced, 1 failed/);
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.stderr, one.stderr);
  const [a, b] = [tables(files.one), tables(files.two)];
  assert.ok(a.attributions.length > 5 && a.persons.length > 3 && a.copy_bands.length > 0, 'the corpus holds attributions, people and band keys');
  assert.deepEqual(Object.keys(b), Object.keys(a));
  for (const name of Object.keys(a)) assert.deepEqual(b[name], a[name], `table ${name}`);
});

test('--jobs 2: an article that fails in a worker is an error record, and the rest goes on', { timeout: 300_000 }, async () => {
  // ~400 KB of plain prose: far more than a few milliseconds of analysis
  const long = 'The committee met again in the afternoon and the members read the report aloud. '.repeat(5000);
  const input = [JSON.stringify({ id: 'long', text: long }), '{"id":"bad","text":7}', JSON.stringify({ id: 'long2', text: long + 'The chair closed the meeting.' })].join('\n');
  const db = join(dir, 'timeout.db');
  const { code, stdout, stderr } = await run(['ingest', '--jsonl', '-', '--db', db, '--jobs', '2', '--timeout-ms', '30', '--format', 'json'], input);
  assert.equal(code, 1);
  const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; error?: { code: string }; summary?: { articles: Record<string, number> } });
  assert.deepEqual(out.slice(0, 3).map((l) => [l.id, l.error?.code]), [['long', 'input/timeout'], ['bad', 'input/bad-line'], ['long2', 'input/timeout']]);
  assert.deepEqual(out[3].summary?.articles, { new: 0, unchanged: 0, replaced: 0, failed: 3 });
  assert.match(stderr, /^whosaid: stdin:1: stopped after 30 ms \(the time limit per input\)$/m);
});
