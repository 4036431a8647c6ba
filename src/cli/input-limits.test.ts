/**
 * The CLI on hostile local input: binary files, /dev/zero, inputs over --max-bytes, a byte order mark
 * before the first JSON line, a page in the charset it declares, invalid UTF-8.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { Analysis } from '../core/analysis.js';
import type { ArticleInput } from '../core/analyze.js';
import type { Io } from './io.js';
import { main } from './main.js';
import type { Services } from './services.js';

async function run(argv: string[], stdin: Uint8Array = new Uint8Array(0), services: Partial<Services> = {}) {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().on('data', (c: Buffer) => (stdout += c.toString()));
  const err = new PassThrough().on('data', (c: Buffer) => (stderr += c.toString()));
  const io: Io = { stdin: Readable.from([Buffer.from(stdin)]), stdout: out, stderr: err, stdoutIsTTY: false, stderrIsTTY: false, now: () => 0 };
  const code = await main(argv, io, services);
  return { code, stdout, stderr };
}

/** Echoes the text it was given, so that the tests see what the CLI read. */
const echo: Partial<Services> = {
  analyzeArticle: (input: ArticleInput): Analysis => ({ version: '1.0.0', ...(input.id && { id: input.id }), text: input.text, attributions: [], entities: [], times: [], diagnostics: [] }),
};

const dir = mkdtempSync(join(tmpdir(), 'whosaid-limits-'));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const STORY = 'The harbor office said the ferry would run again in April.';

test('binary files and /dev/zero are input/binary, not analysed', async () => {
  let seed = 11;
  const random = new Uint8Array(20_000).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
  for (const path of [file('noise.html', random), file('zeros.txt', new Uint8Array(3000)), '/dev/zero']) {
    const { code, stdout, stderr } = await run(['extract', path], undefined, echo);
    assert.equal(code, 1, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, new RegExp(`^whosaid: ${path}: .*is binary, not text.*\\(input/binary\\)\\n$`));
  }
});

test('--max-bytes: a larger file or stdin is input/too-large with the limit; the default is 5 MB', async () => {
  const big = file('long.txt', `${STORY}\n`.repeat(200)); // 11.8 KB
  const over = await run(['extract', big, '--max-bytes', '10k'], undefined, echo);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /long\.txt: .*expected at most 10 KB \(raise it with --max-bytes\).*\(input\/too-large\)/);
  const under = await run(['extract', big, '--max-bytes', '12k'], undefined, echo);
  assert.equal(under.code, 0, under.stderr);
  const stdin = await run(['extract', '-', '--max-bytes', '100'], Buffer.from(STORY.repeat(3)), echo);
  assert.match(stdin.stderr, /stdin.*at most 100 bytes/);
  const huge = await run(['extract', file('huge.txt', 'word '.repeat(1_100_000))], undefined, echo);
  assert.match(huge.stderr, /at most 5 MB/);
  for (const bad of ['0', 'lots', '-5', '10q']) {
    const usage = await run(['extract', big, '--max-bytes', bad], undefined, echo);
    assert.equal(usage.code, 2, bad);
    assert.match(usage.stderr, /--max-bytes/);
  }
});

test('--jsonl: a byte order mark before the first line is not an error; an article over --max-bytes is an error record', async () => {
  const lines = `\uFEFF${JSON.stringify({ id: 'a', text: STORY })}\n${JSON.stringify({ id: 'b', text: STORY.repeat(5) })}\n${JSON.stringify({ id: 'c', text: 'The mayor said it was over.' })}\n`;
  const { code, stdout } = await run(['extract', '--jsonl', '--max-bytes', '200'], Buffer.from(lines), echo);
  assert.equal(code, 1);
  const records = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; text?: string; error?: { code: string } });
  assert.deepEqual(records.map((r) => [r.id, r.error?.code ?? 'ok']), [['a', 'ok'], ['b', 'input/too-large'], ['c', 'ok']]);
});

test('a local page is read in the charset it declares; invalid UTF-8 is a warning in the analysis', async () => {
  const latin1 = Buffer.concat([Buffer.from('<!DOCTYPE html><html><head><meta charset="iso-8859-1"></head><body><p>The caf'), Buffer.from([0xe9]), Buffer.from(' owner said business was good.</p></body></html>')]);
  const page = await run(['extract', file('cafe.html', latin1)], undefined, { ...echo, extractHtml: (html) => ({ text: html, metadata: {}, paragraphs: [], posts: [], diagnostics: [] }), analyzeExtracted: (article) => ({ version: '1.0.0', text: article.text, attributions: [], entities: [], times: [], diagnostics: article.diagnostics }) });
  assert.equal(page.code, 0, page.stderr);
  assert.match((JSON.parse(page.stdout) as Analysis).text ?? '', /The café owner/);
  const broken = await run(['extract', file('broken.txt', Buffer.concat([Buffer.from('The caf'), Buffer.from([0xe9]), Buffer.from(' owner said business was good.')]))], undefined, echo);
  assert.equal(broken.code, 0, broken.stderr);
  const analysis = JSON.parse(broken.stdout) as Analysis;
  assert.deepEqual(analysis.diagnostics.map((d) => [d.code, d.severity, d.actual]), [['input/invalid-utf8', 'warning', '1 invalid sequence, the first at byte 7']]);
  const bom = await run(['extract', file('bom.txt', `\uFEFF${STORY}`)], undefined, echo);
  assert.equal((JSON.parse(bom.stdout) as Analysis).text, STORY);
});

test('--jsonl: a binary input is input/binary; a runaway line is one error record and the lines after it are read', async () => {
  const binary = await run(['extract', '--jsonl', '/dev/zero'], undefined, echo);
  assert.equal(binary.code, 1);
  assert.match(binary.stderr, /\/dev\/zero: .*binary.*\(input\/binary\)/);
  const runaway = `${JSON.stringify({ id: 'a', text: STORY })}\n${'x'.repeat(100_000)}\n${JSON.stringify({ id: 'c', text: STORY })}\n`;
  const { code, stdout } = await run(['extract', '--jsonl', '--max-bytes', '1k'], Buffer.from(runaway), echo);
  assert.equal(code, 1);
  const records = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; line?: number; error?: { code: string } });
  assert.deepEqual(records.map((r) => [r.id, r.line ?? null, r.error?.code ?? 'ok']), [['a', null, 'ok'], [null, 2, 'input/too-large'], ['c', null, 'ok']]);
});
