// --jobs and --timeout-ms: the flags' settings, and the CLI on worker threads with the real engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { DEFAULT_TIMEOUT_MS, jobSettings } from './jobs.js';
import { main } from './main.js';
import type { Io } from './io.js';
import type { Services, WarcItem } from './services.js';

test('--jobs defaults to the cores; workers get a time limit, one job in this thread none unless asked', () => {
  const cases: [string | undefined, string | undefined, number, ReturnType<typeof jobSettings>][] = [
    [undefined, undefined, 4, { jobs: 4, timeoutMs: DEFAULT_TIMEOUT_MS }],
    [undefined, undefined, 1, { jobs: 1 }],
    ['1', undefined, 4, { jobs: 1 }],
    ['1', '500', 4, { jobs: 1, timeoutMs: 500 }],
    ['3', '0', 4, { jobs: 3 }],
    ['2', '2500', 1, { jobs: 2, timeoutMs: 2500 }],
  ];
  for (const [jobs, timeout, cores, expected] of cases) assert.deepEqual(jobSettings(jobs, timeout, cores), expected, `--jobs ${jobs} --timeout-ms ${timeout} on ${cores} cores`);
  assert.throws(() => jobSettings('0', undefined, 2), /--jobs: expected an integer >= 1, found "0"/);
  assert.throws(() => jobSettings('two', undefined, 2), /--jobs: expected an integer >= 1, found "two"/);
  assert.throws(() => jobSettings('2', '-5', 2), /--timeout-ms: expected an integer >= 0/);
});

async function run(argv: string[], stdin = '', services: Partial<Services> = {}) {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().on('data', (c: Buffer) => (stdout += c.toString()));
  const err = new PassThrough().on('data', (c: Buffer) => (stderr += c.toString()));
  const io: Io = { stdin: Readable.from([Buffer.from(stdin)]), stdout: out, stderr: err, stdoutIsTTY: false, stderrIsTTY: false, cores: 2 };
  const code = await main(argv, io, services);
  return { code, stdout, stderr };
}

const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as { id: string; error?: { code: string; message: string }; attributions?: unknown[] });

// the team's own sentences; short, so that the analysis of each does not depend on the others
const ARTICLES = [
  'The mayor said on Tuesday that the bridge would reopen next week.',
  '“We are ready,” the fire chief told reporters.',
  'Officials believe the storm will weaken overnight.',
  'The coach said the team had trained hard, according to the club.',
  'Rain fell all day across the valley.',
  '“It was a mistake,” Lopez said.',
  'The senator told the committee that the bill would pass.',
  'Ms. Alvarez believes the plan will fail.',
];

test('--jsonl --jobs 2: in input order, the same output as --jobs 1, a bad line in its place', async () => {
  const input = [...ARTICLES.map((text, k) => JSON.stringify({ id: `a${k}`, text })), '{"id":"bad","text":7}', JSON.stringify({ id: 'last', text: ARTICLES[0] })].join('\n');
  const one = await run(['extract', '--jsonl', '--jobs', '1', '--published', '2025-11-13'], input);
  const two = await run(['extract', '--jsonl', '--jobs', '2', '--published', '2025-11-13'], input);
  assert.equal(two.code, 1);
  assert.deepEqual(lines(two.stdout).map((l) => l.id), [...ARTICLES.map((_, k) => `a${k}`), 'bad', 'last']);
  assert.equal(lines(two.stdout)[8].error?.code, 'input/bad-line');
  assert.ok(lines(two.stdout)[0].attributions!.length > 0);
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.stderr, one.stderr);
});

test('--timeout-ms: an article past the limit becomes an input/timeout record and the batch goes on', async () => {
  // ~400 KB of plain prose: far more than a few milliseconds of analysis
  const long = 'The committee met again in the afternoon and the members read the report aloud. '.repeat(5000);
  const input = [JSON.stringify({ id: 'long', text: long }), '{"id":"bad","text":7}', JSON.stringify({ id: 'long2', text: long })].join('\n');
  const { code, stdout, stderr } = await run(['extract', '--jsonl', '--jobs', '2', '--timeout-ms', '30'], input);
  assert.equal(code, 1);
  const out = lines(stdout);
  assert.deepEqual(out.map((l) => [l.id, l.error?.code]), [['long', 'input/timeout'], ['bad', 'input/bad-line'], ['long2', 'input/timeout']]);
  assert.match(out[0].error!.message, /^line 1: stopped after 30 ms/);
  assert.match(stderr, /^whosaid: stdin:1: stopped after 30 ms \(the time limit per input\)$/m);
});

test('files with --jobs 2: outputs in the order given, a missing file reported and the rest analysed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-jobs-'));
  const files = ARTICLES.slice(0, 5).map((text, k) => {
    const file = join(dir, `article-${k}.txt`);
    writeFileSync(file, text);
    return file;
  });
  const missing = join(dir, 'missing.txt');
  const given = [files[0], files[1], missing, files[2], files[3], files[4]];
  const one = await run(['extract', '--format', 'jsonl', '--jobs', '1', ...given]);
  const two = await run(['extract', '--format', 'jsonl', '--jobs', '2', ...given]);
  assert.equal(two.code, 1);
  assert.deepEqual(lines(two.stdout).map((l) => l.id), files);
  assert.equal(two.stderr, `whosaid: ${missing}: no such file\n`);
  assert.equal(two.stdout, one.stdout);
});

test('--warc --jobs 2: records in archive order, the same output as --jobs 1, a bad record in its place', async () => {
  // the archive reader is replaced by the records it would yield; the pages are the team's own
  const page = (k: number) => `<!doctype html><html><head><title>Story ${k}</title></head><body><article><h1>Story ${k}</h1><p>${ARTICLES[k]}</p><p>The report was published in the morning edition of the paper.</p></article></body></html>`;
  const items: WarcItem[] = [0, 1, 2, 3].map((k) => ({ ok: true, index: k, recordId: `<urn:uuid:${k}>`, uri: `https://news.example/${k}`, html: page(k) }));
  items.splice(2, 0, { ok: false, index: 9, recordId: '<urn:uuid:9>', code: 'warc/not-html', message: 'record 9 (https://news.example/9.png) is not an HTML page: image/png' });
  const readWarc = async function* () {
    yield* items;
  };
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-jobs-warc-'));
  const archive = join(dir, 'pages.warc');
  writeFileSync(archive, '');
  const one = await run(['extract', '--warc', archive, '--jobs', '1'], '', { readWarc });
  const two = await run(['extract', '--warc', archive, '--jobs', '2'], '', { readWarc });
  assert.equal(two.code, 1);
  assert.deepEqual(lines(two.stdout).map((l) => [l.id, l.error?.code]), [['<urn:uuid:0>', undefined], ['<urn:uuid:1>', undefined], ['<urn:uuid:9>', 'warc/not-html'], ['<urn:uuid:2>', undefined], ['<urn:uuid:3>', undefined]]);
  assert.equal(two.stdout, one.stdout);
});
