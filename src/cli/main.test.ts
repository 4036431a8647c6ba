import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Analysis } from '../core/analysis.js';
import type { ArticleInput } from '../core/analyze.js';
import type { ExtractedArticle } from '../input/types.js';
import { NotAvailableError } from './errors.js';
import { runInProcess } from './run-in-process.js';
import type { Services, WarcItem } from './services.js';

const run = runInProcess;

// A stand-in for the engine, so that these tests pin the CLI and not the engine's current output:
// every sentence with " said " becomes a statement by the words before it.
function fakeAnalyze(input: ArticleInput): Analysis {
  const attributions: Analysis['attributions'] = [];
  for (const m of input.text.matchAll(/([A-Z][\w ]*?) said (?:that )?([^.]+)\./g)) {
    const start = m.index + m[0].indexOf(m[2]);
    attributions.push({
      id: `a${attributions.length + 1}`, type: 'statement', kind: 'indirect',
      content: [{ start, end: start + m[2].length }], text: m[2],
      speaker: { mention: { start: m.index, end: m.index + m[1].length, text: m[1] }, name: m[1] },
      cue: { start: m.index + m[1].length + 1, end: m.index + m[1].length + 5, text: 'said' },
      confidence: 0.75, reasons: ['fake/said'],
    });
  }
  return { version: '1.0.0', ...(input.id && { id: input.id }), ...(input.publishedAt && { publishedAt: input.publishedAt }), attributions, entities: [], times: [], diagnostics: [] };
}

const fake: Partial<Services> = { analyzeArticle: fakeAnalyze };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'whosaid-cli-'));
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('extract FILE, piped: the analysis as JSON', async () => {
  const dir = tempDir();
  const file = join(dir, 'ferry.txt');
  writeFileSync(file, 'The captain said the ferry would sail at noon.');
  const { code, stdout, stderr } = await run(['extract', file, '--published', '2025-11-13'], {}, fake);
  assert.equal(code, 0, stderr);
  const analysis = JSON.parse(stdout) as Analysis;
  assert.equal(analysis.id, file);
  assert.equal(analysis.publishedAt, '2025-11-13');
  assert.equal(analysis.attributions[0].text, 'the ferry would sail at noon');
  assert.equal(stderr, '');
});

test('extract reads stdin for "-" and by default', async () => {
  for (const argv of [['extract', '-'], ['extract']]) {
    const { code, stdout } = await run(argv, { stdin: 'The baker said the bread was late.' }, fake);
    assert.equal(code, 0);
    assert.equal((JSON.parse(stdout) as Analysis).attributions[0].speaker.name, 'The baker');
  }
});

test('the real engine: an empty input is an analysis with no attributions', async () => {
  const { code, stdout } = await run(['extract', '-'], { stdin: '' });
  assert.equal(code, 0);
  const analysis = JSON.parse(stdout) as Analysis;
  assert.deepEqual(analysis.attributions, []);
});

test('the real engine: a file with a quote', async () => {
  const dir = tempDir();
  const file = join(dir, 'pier.txt');
  writeFileSync(file, '“The pier is closed for repairs,” the harbor master told reporters on Monday.');
  const { code, stdout } = await run(['extract', file, '--published', '2025-11-13'], {});
  assert.equal(code, 0);
  const analysis = JSON.parse(stdout) as Analysis;
  assert.equal(analysis.attributions.length, 1);
  assert.match(analysis.attributions[0].text, /The pier is closed for repairs/);
});

test('on a terminal: a table of statements; --all adds the other types with a type column', async () => {
  const believes: Partial<Services> = {
    analyzeArticle: (input) => {
      const a = fakeAnalyze(input);
      return { ...a, attributions: [...a.attributions, { ...a.attributions[0], id: 'a2', type: 'belief', text: 'rain is coming', cue: { start: 0, end: 8, text: 'believes' } }] };
    },
  };
  const { code, stdout } = await run(['extract', '-'], { stdin: 'The farmer said the harvest was early.', stdoutIsTTY: true }, believes);
  assert.equal(code, 0);
  assert.equal(stdout, ['stdin · no publication date · 2 attributions, 1 statement shown (--all for every type)', 'speaker     kind      cue   quote', 'The farmer  indirect  said  the harvest was early', ''].join('\n'));
  const all = await run(['extract', '--all', '--explain', '-'], { stdin: 'The farmer said the harvest was early.', stdoutIsTTY: true }, believes);
  assert.deepEqual(all.stdout.split('\n'), [
    'stdin · no publication date · 2 attributions',
    'speaker     type       kind      cue       quote',
    'The farmer  statement  indirect  said      the harvest was early',
    '  a1  confidence 0.75  reasons: fake/said',
    'The farmer  belief     indirect  believes  rain is coming',
    '  a2  confidence 0.75  reasons: fake/said',
    '',
  ]);
});

test('the table truncates long quotes to the terminal width', async () => {
  const text = `The surveyor said ${'the old road '.repeat(20)}was finally paved.`;
  const { stdout } = await run(['extract', '-'], { stdin: text, stdoutIsTTY: true, columns: 60 }, fake);
  const lines = stdout.trimEnd().split('\n').slice(1);
  for (const line of lines) assert.ok(line.length <= 60, line);
  assert.ok(lines[1].endsWith('…'));
  const wide = await run(['extract', '--wide', '-'], { stdin: text, stdoutIsTTY: true, columns: 60 }, fake);
  const wrapped = wide.stdout.trimEnd().split('\n').slice(2);
  for (const line of wrapped) assert.ok(line.length <= 60, line);
  assert.equal(wrapped.map((l) => l.trim().replace(/^The surveyor\s+indirect\s+said\s+/, '')).join(' '), `${'the old road '.repeat(20)}was finally paved`);
});

test('--format overrides the terminal default; several inputs make an array or lines', async () => {
  const dir = tempDir();
  const one = join(dir, 'one.txt');
  const two = join(dir, 'two.txt');
  writeFileSync(one, 'The pilot said the runway was clear.');
  writeFileSync(two, 'Nobody spoke at all.');
  const json = await run(['extract', '--format', 'json', one, two], { stdoutIsTTY: true }, fake);
  assert.deepEqual((JSON.parse(json.stdout) as Analysis[]).map((a) => a.id), [one, two]);
  const lines = await run(['extract', '--format', 'jsonl', one, two], {}, fake);
  assert.deepEqual(jsonLines(lines.stdout).map((a) => a.id), [one, two]);
  const table = await run(['extract', '--format', 'table', one, two], {}, fake);
  assert.deepEqual(table.stdout.split('\n'), [
    `${one} · no publication date · 1 attribution`, 'speaker    kind      cue   quote', 'The pilot  indirect  said  the runway was clear', '',
    `${two} · no publication date · 0 attributions`, 'no attributions found', '',
  ]);
});

test('missing files, directories and a mix of good and bad inputs', async () => {
  const dir = tempDir();
  const good = join(dir, 'good.txt');
  writeFileSync(good, 'The judge said the court would recess.');
  const missing = join(dir, 'missing.txt');

  const alone = await run(['extract', missing], {}, fake);
  assert.equal(alone.code, 66);
  assert.equal(alone.stderr, `whosaid: ${missing}: no such file\n`);
  assert.equal(alone.stdout, '');

  const folder = await run(['extract', dir], {}, fake);
  assert.equal(folder.code, 66);
  assert.equal(folder.stderr, `whosaid: ${dir}: is a directory, expected a file\n`);

  const mixed = await run(['extract', '--format', 'jsonl', missing, good], {}, fake);
  assert.equal(mixed.code, 1);
  assert.equal(mixed.stderr, `whosaid: ${missing}: no such file\n`);
  assert.deepEqual(jsonLines(mixed.stdout).map((a) => a.id), [good]);
});

test('usage errors exit 2 with a message', async () => {
  const cases: [string[], RegExp][] = [
    [['extract', '--published', '13/11/2025', 'x.txt'], /^whosaid: --published: expected a date as YYYY-MM-DD .*found "13\/11\/2025"\n$/],
    [['extract', '--published', '2025-02-30', 'x.txt'], /^whosaid: --published: "2025-02-30" is not a calendar date\n$/],
    [['extract', '--format', 'xml', 'x.txt'], /^whosaid: --format: expected table, json, jsonl or csv, found "xml"\n$/],
    [['extract', '--colour'], /^whosaid: extract: Unknown option '--colour' \(see whosaid extract --help\)\n$/],
    [['extract', '--jsonl', 'a.jsonl', 'b.jsonl'], /^whosaid: --jsonl reads one input, got 2/],
    [['extract', '--jsonl', '--format', 'table'], /^whosaid: --format table does not apply to --jsonl/],
    [['extract', '--limit', '3', 'x.txt'], /^whosaid: --from and --limit apply to --warc only\n$/],
    [['extract', '--warc', 'a.warc', '--limit', 'ten'], /^whosaid: --limit: expected an integer >= 1, found "ten"\n$/],
    [['bench', '--repeat', '0'], /^whosaid: --repeat: expected an integer >= 1, found "0"\n$/],
    [['eval', '--only', 'seeds'], /^whosaid: --only: expected seed, polnear, sentences, challenge or challenge-train, found "seeds"\n$/],
    [['eval', 'extra'], /^whosaid: eval: unexpected argument "extra"/],
    [['summarize'], /^whosaid: unknown command "summarize"/],
  ];
  for (const [argv, message] of cases) {
    const { code, stderr, stdout } = await run(argv, {}, fake);
    assert.equal(code, 2, argv.join(' '));
    assert.match(stderr, message, argv.join(' '));
    assert.equal(stdout, '');
  }
});

test('--help, --version, and no arguments', async () => {
  for (const argv of [['--help'], ['help'], ['-h']]) {
    const { code, stdout } = await run(argv);
    assert.equal(code, 0);
    assert.match(stdout, /^whosaid: who said what/);
  }
  for (const command of ['extract', 'eval', 'bench']) {
    const { code, stdout } = await run([command, '--help']);
    assert.equal(code, 0);
    assert.match(stdout, new RegExp(`^Usage: whosaid ${command}`));
    assert.equal((await run(['help', command])).stdout, stdout);
  }
  const version = await run(['--version']);
  assert.match(version.stdout, /^whosaid \d+\.\d+\.\d+\n$/);
  const bare = await run([]);
  assert.equal(bare.code, 2);
  assert.match(bare.stderr, /^whosaid: who said what/);
});

test('--jsonl: one analysis per line with its id; a bad line becomes an error record and the rest goes on', async () => {
  const input = [
    JSON.stringify({ id: 'a', text: 'The coach said the team was tired.' }),
    JSON.stringify({ id: 'b', text: 12 }),
    'this is not json',
    '',
    JSON.stringify({ id: 7, text: 'The nurse said the ward was full.', publishedAt: '2025-11-02' }),
    JSON.stringify({ id: 'c' }),
    JSON.stringify({ id: 'd', text: 'The chef said the soup was cold.' }),
  ].join('\n');
  const { code, stdout, stderr } = await run(['extract', '--jsonl', '--published', '2025-11-13'], { stdin: input }, fake);
  assert.equal(code, 1);
  const out = jsonLines(stdout);
  assert.deepEqual(out.map((r) => r.id), ['a', 'b', null, '7', 'c', 'd']);
  assert.deepEqual(out[1], { id: 'b', line: 2, error: { code: 'input/bad-line', message: 'line 2: expected a string `text`, found number' } });
  assert.equal((out[2].error as { code: string }).code, 'input/bad-line');
  assert.equal(out[2].line, 3);
  assert.deepEqual(out[4], { id: 'c', line: 6, error: { code: 'input/bad-line', message: 'line 6: expected exactly one of `text`, `html` or `url`, found none' } });
  assert.equal(out[0].publishedAt, '2025-11-13');
  assert.equal(out[3].publishedAt, '2025-11-02');
  assert.deepEqual(stderr.split('\n'), [
    'whosaid: stdin:2: expected a string `text`, found number',
    `whosaid: stdin:3: ${(out[2].error as { message: string }).message.replace(/^line 3: /, '')}`,
    'whosaid: stdin:6: expected exactly one of `text`, `html` or `url`, found none',
    '',
  ]);
});

test('--jsonl: all good lines exit 0; an empty input writes nothing', async () => {
  const good = await run(['extract', '--jsonl', '-'], { stdin: '{"id":"x","text":"The guide said the path was steep."}\n' }, fake);
  assert.equal(good.code, 0);
  assert.equal(jsonLines(good.stdout).length, 1);
  const empty = await run(['extract', '--jsonl'], { stdin: '' }, fake);
  assert.deepEqual([empty.code, empty.stdout, empty.stderr], [0, '', '']);
});

test('--jsonl FILE: a missing file exits 66; a directory is an error', async () => {
  const dir = tempDir();
  const missing = await run(['extract', '--jsonl', join(dir, 'nope.jsonl')], {}, fake);
  assert.equal(missing.code, 66);
  assert.equal(missing.stderr, `whosaid: ${join(dir, 'nope.jsonl')}: no such file\n`);
  const folder = await run(['extract', '--jsonl', dir], {}, fake);
  assert.equal(folder.code, 66);
});

test('the progress bar: on a terminal stderr with a percentage for a file, never in a pipe', async () => {
  const dir = tempDir();
  const file = join(dir, 'batch.jsonl');
  writeFileSync(file, Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `The clerk said form ${i} was filed.` })).join('\n') + '\n');
  const tty = await run(['extract', '--jsonl', file], { stderrIsTTY: true }, fake);
  assert.equal(tty.code, 0);
  assert.match(tty.stderr, /\r\x1b\[K\[#+\.*\]\s+\d+%  \d+ lines  \d+ lines\/s/);
  assert.match(tty.stderr, /100%  30 lines/);
  assert.match(tty.stderr, /\r\x1b\[K30 lines in \d+ (ms|s) \(\d+ lines\/s\)\n$/, 'the bar gives way to a summary at the end');
  assert.equal(jsonLines(tty.stdout).length, 30, 'stdout holds only the analyses');

  const fromStdin = await run(['extract', '--jsonl', '-'], { stdin: '{"text":"The clerk said yes."}\n', stderrIsTTY: true }, fake);
  assert.match(fromStdin.stderr, /1 lines  \d+ lines\/s/);
  assert.doesNotMatch(fromStdin.stderr, /%/, 'no percentage when the size is unknown');

  const piped = await run(['extract', '--jsonl', file], { stderrIsTTY: false }, fake);
  assert.equal(piped.stderr, '');
});

test('--jsonl waits for a slow stdout instead of buffering everything (backpressure)', async () => {
  let received = '';
  let peak = 0;
  const slow = new Writable({
    highWaterMark: 64,
    write(chunk: Buffer, _encoding, done) {
      received += chunk.toString();
      setImmediate(done);
    },
  });
  const write = slow.write.bind(slow);
  slow.write = ((chunk: string) => {
    const ok = write(chunk);
    peak = Math.max(peak, slow.writableLength);
    return ok;
  }) as typeof slow.write;
  const input = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `s${i}`, text: `The porter said bag ${i} was heavy.` })).join('\n');
  const { code } = await run(['extract', '--jsonl'], { stdin: input, stdout: slow }, fake);
  assert.equal(code, 0);
  assert.deepEqual(jsonLines(received).map((r) => r.id), Array.from({ length: 200 }, (_, i) => `s${i}`));
  const oneLine = JSON.stringify(fakeAnalyze({ id: 's100', text: 'The porter said bag 100 was heavy.' })).length + 1;
  assert.ok(peak <= 2 * oneLine, `at most a line beyond the high-water mark is buffered, saw ${peak} bytes`);
});

// src/input/ (HTML extraction, fetching, WARC) is written in parallel; these tests use small fakes of its
// functions to pin how the CLI routes inputs to them.
function fakePages(calls: string[]): Partial<Services> {
  return {
    ...fake,
    extractHtml(html: string, options?: { url?: string }): ExtractedArticle {
      calls.push(`extractHtml${options?.url ? ` ${options.url}` : ''}`);
      const text = html.replace(/<[^>]+>/g, '').trim();
      const date = /<time datetime="([\d-]+)"/.exec(html)?.[1];
      return { text, metadata: date ? { publishedAt: date } : {}, paragraphs: [], posts: [], diagnostics: [] };
    },
    analyzeExtracted(article: ExtractedArticle, options: { id?: string; publishedAt?: string }): Analysis {
      calls.push('analyzeExtracted');
      const publishedAt = options.publishedAt ?? article.metadata.publishedAt;
      return { ...fakeAnalyze({ ...options, ...(publishedAt && { publishedAt }), text: article.text }), text: article.text };
    },
    async fetchPage(url: string) {
      calls.push(`fetchPage ${url}`);
      if (url.includes('gone')) throw Object.assign(new Error(`Fetching ${url} returned HTTP 404.`), { name: 'InputError', code: 'input/http-status', input: url });
      return { url: `${url}?final`, status: 200, contentType: 'text/html', html: '<p>The editor said the page was live.</p>' };
    },
  };
}

test('HTML by extension or content, and URLs, go through the page extractor', async () => {
  const dir = tempDir();
  const page = join(dir, 'page.htm');
  writeFileSync(page, '<p>The mayor said the park was open.</p>');
  const sniffed = join(dir, 'saved');
  writeFileSync(sniffed, '<!DOCTYPE html><html><body><p>The mayor said the pool was shut.</p></body></html>');
  const text = join(dir, 'note.txt');
  writeFileSync(text, 'The mayor said <b> is a tag.');

  const calls: string[] = [];
  const { code, stdout } = await run(['extract', '--format', 'jsonl', page, sniffed, text, 'https://example.com/story'], {}, fakePages(calls));
  assert.equal(code, 0);
  assert.deepEqual(calls, ['extractHtml', 'analyzeExtracted', 'extractHtml', 'analyzeExtracted', 'fetchPage https://example.com/story', 'extractHtml https://example.com/story?final', 'analyzeExtracted']);
  assert.deepEqual(jsonLines(stdout).map((a) => (a.attributions as Analysis['attributions'])[0]?.text), ['the park was open', 'the pool was shut', '<b> is a tag', 'the page was live']);
});

test('a URL that fails names the URL; jsonl lines with html and url work like files', async () => {
  const calls: string[] = [];
  const gone = await run(['extract', 'https://example.com/gone'], {}, fakePages(calls));
  assert.equal(gone.code, 66);
  assert.equal(gone.stderr, 'whosaid: https://example.com/gone: Fetching https://example.com/gone returned HTTP 404 (input/http-status)\n');

  const input = [
    JSON.stringify({ id: 'h', html: '<p>The host said the show was over.</p>' }),
    JSON.stringify({ id: 'u', url: 'https://example.com/gone' }),
    JSON.stringify({ id: 'w', url: 'https://example.com/live' }),
  ].join('\n');
  const lines = await run(['extract', '--jsonl'], { stdin: input }, fakePages([]));
  assert.equal(lines.code, 1);
  const out = jsonLines(lines.stdout);
  assert.deepEqual(out.map((r) => r.id), ['h', 'u', 'w']);
  const problem = 'Fetching https://example.com/gone returned HTTP 404 (input/http-status)';
  assert.deepEqual(out[1], { id: 'u', line: 2, error: { code: 'input/http-status', message: `line 2: ${problem}` } });
  assert.equal(lines.stderr, `whosaid: stdin:2: ${problem}\n`);
});

test('--warc: one analysis per record with its warc fields; a broken record becomes an error record', async () => {
  const dir = tempDir();
  const archive = join(dir, 'crawl.warc.gz');
  writeFileSync(archive, Buffer.alloc(4096, 1));
  let seen: { from?: number; limit?: number } | undefined;
  let bytes = 0;
  const services: Partial<Services> = {
    ...fakePages([]),
    async *readWarc(source, options): AsyncGenerator<WarcItem> {
      seen = options;
      for await (const chunk of source) bytes += chunk.byteLength;
      yield { ok: true, index: 2, recordId: '<urn:uuid:1>', uri: 'https://example.com/1', date: '2025-11-13T08:00:00Z', html: '<p>The pilot said the storm had passed.</p>' };
      yield { ok: false, index: 3, recordId: '<urn:uuid:2>', uri: 'https://example.com/2', code: 'input/truncated', message: 'record 3 (https://example.com/2) ends early' };
      yield { ok: true, index: 4, recordId: '<urn:uuid:3>', uri: 'https://example.com/3', html: '<p>Nothing here.</p>' };
    },
  };
  const { code, stdout, stderr } = await run(['extract', '--warc', archive, '--from', '2', '--limit', '3'], { stderrIsTTY: true }, services);
  assert.equal(code, 1);
  assert.deepEqual(seen, { from: 2, limit: 3 });
  assert.equal(bytes, 4096);
  const out = jsonLines(stdout);
  assert.equal(out[0].id, '<urn:uuid:1>');
  assert.deepEqual(out[0].warc, { recordId: '<urn:uuid:1>', uri: 'https://example.com/1', date: '2025-11-13T08:00:00Z' });
  assert.deepEqual(out[1], { id: '<urn:uuid:2>', record: 3, error: { code: 'input/truncated', message: 'record 3 (https://example.com/2) ends early' } });
  assert.deepEqual(out[2].warc, { recordId: '<urn:uuid:3>', uri: 'https://example.com/3' });
  assert.ok(stderr.includes(`whosaid: ${archive}: record 3 (https://example.com/2) ends early\n`), stderr);
  assert.match(stderr, /100%  3 records/);
});

test('eval and bench pass their flags through and exit 1 when a target is not met', async () => {
  const given: unknown[] = [];
  const services: Partial<Services> = {
    loadEval: async () => ({
      runEval: async (options) => {
        given.push(options);
        return { shared: '/s', out: '/o', parts: [], figures: [], pass: false };
      },
      formatEvalReport: () => 'eval report',
    }),
    loadBench: async () => ({
      runBench: async (options) => {
        given.push(options);
        return { file: 'f', articles: 0, words: 0, wordDefinition: 'w', repeat: 2, order: [], target: 0.5, pass: true, node: 'v20', gc: false };
      },
      formatBenchReport: () => 'bench report\n',
    }),
  };
  const evaluated = await run(['eval', '--shared', '/s', '--only', 'seed,polnear', '--only', 'sentences', '--predictions', 'seed=p.jsonl'], {}, services);
  assert.deepEqual([evaluated.code, evaluated.stdout, evaluated.stderr], [1, 'eval report\n', '']);
  const benched = await run(['bench', '--file', 'f.jsonl', '--limit', '5', '--repeat', '2', '--json'], {}, services);
  assert.equal(benched.code, 0);
  assert.equal((JSON.parse(benched.stdout) as { pass: boolean }).pass, true);
  assert.deepEqual(given, [
    { shared: '/s', only: ['seed', 'polnear', 'sentences'], predictions: { seed: 'p.jsonl' } },
    { file: 'f.jsonl', limit: 5, repeat: 2 },
  ]);
});

test('a part of the build that is not there yet says so and exits 70', async () => {
  const { code, stderr } = await run(['bench'], {}, { loadBench: async () => Promise.reject(new NotAvailableError('whosaid bench (src/bench/run-bench.ts)')) });
  assert.equal(code, 70);
  assert.equal(stderr, 'whosaid: whosaid bench (src/bench/run-bench.ts) is not available yet in this build\n');
});

test('an exception inside the engine is an internal error (70), and in a batch the rest still runs', async () => {
  const dir = tempDir();
  const good = join(dir, 'good.txt');
  const bad = join(dir, 'bad.txt');
  writeFileSync(good, 'The vet said the dog was fine.');
  writeFileSync(bad, 'EXPLODE');
  const services: Partial<Services> = {
    analyzeArticle: (input) => {
      if (input.text === 'EXPLODE') throw new RangeError('offset out of range');
      return fakeAnalyze(input);
    },
  };
  const { code, stdout, stderr } = await run(['extract', '--format', 'jsonl', bad, good], {}, services);
  assert.equal(code, 70);
  assert.deepEqual(jsonLines(stdout).map((a) => a.id), [good]);
  assert.match(stderr, /^whosaid: internal error: RangeError: offset out of range/);
});

const warcReader = new URL('../input/warc.ts', import.meta.url);

test('--warc end to end: a gzipped archive written here, the real reader and engine', { skip: existsSync(warcReader) ? false : 'src/input/warc.ts is not in this tree yet' }, async () => {
  const { WARCRecord, WARCSerializer } = await import('warcio');
  const pages: [string, string, string][] = [
    ['https://example.com/trail', '<html><body><article><p>The ranger said the trail would reopen on Friday.</p></article></body></html>', 'text/html'],
    ['https://example.com/logo.png', 'not a page', 'image/png'],
    ['https://example.com/lake', '<html><body><p>“The lake is frozen,” the warden told visitors.</p></body></html>', 'text/html; charset=utf-8'],
  ];
  const parts: Uint8Array[] = [];
  for (const [url, body, type] of pages) {
    const content = (async function* () {
      yield new TextEncoder().encode(body);
    })();
    const record = await WARCRecord.create({ url, date: '2025-11-13T08:00:00Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': type }, statusline: 'HTTP/1.1 200 OK' }, content);
    parts.push(await WARCSerializer.serialize(record, { gzip: true }));
  }
  const archive = join(tempDir(), 'small.warc.gz');
  writeFileSync(archive, Buffer.concat(parts));
  const { code, stdout, stderr } = await run(['extract', '--warc', archive]);
  assert.equal(code, 1, 'the image record failed');
  const out = jsonLines(stdout);
  assert.equal(out.length, 3);
  assert.deepEqual(out.map((r) => (r.warc as { uri?: string } | undefined)?.uri ?? null), ['https://example.com/trail', null, 'https://example.com/lake']);
  assert.equal(out[0].id, (out[0].warc as { recordId: string }).recordId);
  assert.equal((out[1].error as { code: string }).code, 'input/not-html');
  assert.match(stderr, /logo\.png/);
  assert.match(((out[2].attributions as Analysis['attributions'])[0] ?? { text: '' }).text, /The lake is frozen/);
  const one = await run(['extract', '--warc', archive, '--from', '2', '--limit', '1']);
  assert.deepEqual([one.code, jsonLines(one.stdout).map((r) => (r.warc as { uri: string }).uri)], [0, ['https://example.com/lake']]);
});

test('--published is the reference where an input gives none: a page\'s date and a line\'s publishedAt win', async () => {
  const input = [
    JSON.stringify({ id: 'dated-page', html: '<time datetime="2025-10-01"></time><p>The mayor said the vote was close.</p>' }),
    JSON.stringify({ id: 'undated-page', html: '<p>The mayor said the vote was over.</p>' }),
    JSON.stringify({ id: 'dated-line', html: '<time datetime="2025-10-01"></time><p>x</p>', publishedAt: '2025-09-09' }),
    JSON.stringify({ id: 'text', text: 'The mayor said nothing.' }),
  ].join('\n');
  const { code, stdout } = await run(['extract', '--jsonl', '--published', '2025-11-13'], { stdin: input }, fakePages([]));
  assert.equal(code, 0);
  assert.deepEqual(jsonLines(stdout).map((a) => [a.id, a.publishedAt]), [
    ['dated-page', '2025-10-01'],
    ['undated-page', '2025-11-13'],
    ['dated-line', '2025-09-09'],
    ['text', '2025-11-13'],
  ]);
});

test('--format csv: a header row and one row per attribution, for files and for --jsonl', async () => {
  const dir = tempDir();
  const a = join(dir, 'a.txt');
  const b = join(dir, 'b.txt');
  writeFileSync(a, 'The captain said the ferry, old as it is, would sail. The mayor said "never" twice.');
  writeFileSync(b, 'No one spoke.');
  const files = await run(['extract', a, b, '--format', 'csv'], {}, fake);
  assert.equal(files.code, 0, files.stderr);
  assert.equal(files.stdout, [
    'article,id,type,kind,speaker,mention,cue,addressee,relays,said_on,text,start,end,confidence',
    `${a},a1,statement,indirect,The captain,The captain,said,,,,"the ferry, old as it is, would sail",17,52,0.75`,
    `${a},a2,statement,indirect,The mayor,The mayor,said,,,,"""never"" twice",69,82,0.75`,
    '',
  ].join('\n'));
  const none = await run(['extract', b, '--format', 'csv'], {}, fake);
  assert.equal(none.stdout, 'article,id,type,kind,speaker,mention,cue,addressee,relays,said_on,text,start,end,confidence\n');
  const lines = await run(['extract', '--jsonl', '--format', 'csv'], { stdin: '{"id":"x1","text":"The clerk said the office was shut."}\n{"id":"x2","text":7}\n' }, fake);
  assert.equal(lines.code, 1);
  assert.equal(lines.stdout, 'article,id,type,kind,speaker,mention,cue,addressee,relays,said_on,text,start,end,confidence\nx1,a1,statement,indirect,The clerk,The clerk,said,,,,the office was shut,15,34,0.75\n');
  assert.match(lines.stderr, /^whosaid: stdin:2: expected a string `text`/);
});

test('a JSON-lines file given without --jsonl is refused with a hint, and the rest of the batch goes on', async () => {
  const dir = tempDir();
  const batch = join(dir, 'batch.jsonl');
  const good = join(dir, 'good.txt');
  writeFileSync(batch, '{"id":"n1","text":"The clerk said the office was shut."}\n');
  writeFileSync(good, 'The clerk said the office was shut.');
  const alone = await run(['extract', batch], {}, fake);
  assert.equal(alone.code, 1);
  assert.equal(alone.stdout, '');
  assert.equal(alone.stderr, `whosaid: ${batch}: looks like JSON lines (its first line is a JSON object with "text"), not an article; add --jsonl to analyse one article per line\n`);
  const mixed = await run(['extract', '--format', 'jsonl', good, batch], {}, fake);
  assert.equal(mixed.code, 1);
  assert.deepEqual(jsonLines(mixed.stdout).map((a) => a.id), [good]);
  const piped = await run(['extract', '-'], { stdin: '{"html":"<p>The clerk said no.</p>"}\n' }, fake);
  assert.match(piped.stderr, /^whosaid: -: looks like JSON lines .*"html"/);
  const asked = await run(['extract', '--jsonl', batch], {}, fake);
  assert.equal(asked.code, 0, asked.stderr);
});

test('reading stdin from a terminal says so on stderr; from a pipe it says nothing', async () => {
  const typed = await run(['extract', '--format', 'json'], { stdin: 'The clerk said yes.', stdinIsTTY: true }, fake);
  assert.equal(typed.stderr, 'whosaid: reading stdin; Ctrl-D to end\n');
  const lines = await run(['extract', '--jsonl'], { stdin: '{"text":"The clerk said yes."}\n', stdinIsTTY: true }, fake);
  assert.equal(lines.stderr, 'whosaid: reading stdin; Ctrl-D to end\n');
  const piped = await run(['extract', '--format', 'json'], { stdin: 'The clerk said yes.' }, fake);
  assert.equal(piped.stderr, '');
});

test('--explain-dropped shows what whosaid decided not to report: under the table, and as "dropped" in JSON', async () => {
  const stdin = 'The coach said the team was tired.\nThe Falcons declined to comment.';
  const table = await run(['extract', '--explain-dropped', '-'], { stdin, stdoutIsTTY: true });
  assert.equal(table.code, 0);
  const lines = table.stdout.split('\n');
  assert.ok(lines.includes('dropped candidates (1):'), table.stdout);
  assert.ok(lines.includes('  speech-act/refused  The Falcons · declined · “to comment”'), table.stdout);
  assert.ok(lines.some((l) => l.includes('reasons:')), 'with --explain-dropped the table explains its rows too');
  const json = JSON.parse((await run(['extract', '--explain-dropped', '-'], { stdin })).stdout) as Analysis;
  assert.deepEqual(json.dropped?.map((d) => d.dropped), ['speech-act/refused']);
  const plain = JSON.parse((await run(['extract', '-'], { stdin })).stdout) as Analysis;
  assert.equal(plain.dropped, undefined);
});

test('eval takes the challenge parts, a challenge-train prediction file and --verbose', async () => {
  const given: unknown[] = [];
  const services: Partial<Services> = {
    loadEval: async () => ({
      runEval: async (options) => {
        given.push(options);
        return { shared: '/s', out: '/o', parts: [], figures: [], pass: true };
      },
      formatEvalReport: (_report, verbose) => `verbose ${verbose}`,
    }),
  };
  const evaluated = await run(['eval', '--only', 'challenge,challenge-train', '--predictions', 'challenge-train=p.jsonl', '--verbose'], {}, services);
  assert.deepEqual([evaluated.code, evaluated.stdout], [0, 'verbose true\n']);
  assert.deepEqual(given, [{ only: ['challenge', 'challenge-train'], predictions: { 'challenge-train': 'p.jsonl' } }]);
});
