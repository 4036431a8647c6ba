/**
 * The corpus commands end to end, in-process: ingest the team's example articles with the real engine
 * into a temporary database, then every command and option against it.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runInProcess } from '../run-in-process.js';
import type { Services, WarcItem } from '../services.js';
import { prepareArticle } from '../../store/prepare.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { RANKED_MATCHES } from '../../store/store.js';
import { buildArticle } from '../../store/test-articles.js';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-corpus-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const tempDb = () => join(dir, `c${n++}.db`);

const run = runInProcess;

const EXAMPLES = new URL('../../../examples/', import.meta.url).pathname;
/** The corpus of examples/, ingested once; read-only tests use it, others copy it. */
let corpus = '';

before(async () => {
  corpus = tempDb();
  const result = await run(['ingest', EXAMPLES, '--db', corpus]);
  assert.equal(result.code, 0, result.stderr);
});

function copyOfCorpus(): string {
  const file = tempDb();
  copyFileSync(corpus, file);
  return file;
}

/** RFC 4180 CSV with a header line as records: the test's own reader, to check what csv-stringify wrote. */
function parse(text: string, _options: { columns: true }): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const json = <T>(text: string) => JSON.parse(text) as T;
const lines = <T>(text: string) => text.trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);

describe('whosaid ingest', () => {
  test('a folder: text and HTML files with their sidecars, JSON lines files, recursively', async () => {
    const db = tempDb();
    const { code, stdout } = await run(['ingest', EXAMPLES, '--db', db]);
    assert.equal(code, 0);
    assert.match(stdout, /^ingested 5 articles: 5 new, 0 unchanged, 0 replaced, 0 failed; stored \d+ attributions and \d+ new people; the corpus holds 5 articles/);
    const exported = lines<{ articleId: string; outlet?: string; publishedAt?: string; title?: string; url?: string }>((await run(['export', '--db', db, '--type', 'all'])).stdout);
    const byArticle = new Map(exported.map((r) => [r.articleId, r]));
    assert.deepEqual([...byArticle.keys()].sort(), [join(EXAMPLES, 'corpus/port-alder.jsonl') === '' ? '' : 'courier-2025-11-15', join(EXAMPLES, 'harbor-bridge.html'), join(EXAMPLES, 'harbor-bridge.txt'), 'ledger-2025-11-14', 'wire-2025-11-17'].sort());
    // the sidecar's outlet and date; the page's own metadata; a JSON line's outlet, title and url
    assert.deepEqual([byArticle.get(join(EXAMPLES, 'harbor-bridge.txt'))?.outlet, byArticle.get(join(EXAMPLES, 'harbor-bridge.txt'))?.publishedAt], ['The Alder Ledger', '2025-11-13']);
    assert.equal(byArticle.get(join(EXAMPLES, 'harbor-bridge.html'))?.url, 'https://ledger.example/2025/11/13/harbor-bridge');
    assert.deepEqual(byArticle.get('wire-2025-11-17'), { ...byArticle.get('wire-2025-11-17'), outlet: 'Harbor Wire', title: 'Bridge foes rally at City Hall', url: 'https://wire.example/bridge-rally', publishedAt: '2025-11-17' });
  });

  test('a second run stores nothing again; a changed article replaces its analysis', async () => {
    const db = copyOfCorpus();
    const again = await run(['ingest', EXAMPLES, '--db', db]);
    assert.match(again.stdout, /ingested 5 articles: 0 new, 5 unchanged, 0 replaced, 0 failed; stored 0 attributions/);
    const file = join(dir, 'changing.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'wire-2025-11-17', outlet: 'Harbor Wire', publishedAt: '2025-11-17', text: 'Councilman Omar Bell said the ferry timetable would change in the spring.\n' }) + '\n');
    const changed = await run(['ingest', '--jsonl', file, '--db', db]);
    assert.match(changed.stdout, /ingested 1 article: 0 new, 0 unchanged, 1 replaced, 0 failed/);
    assert.equal(json<{ hits: unknown[] }>((await run(['search', 'rally', '--db', db, '--format', 'json', '--type', 'all'])).stdout).hits.length, 0);
    assert.equal(json<{ hits: unknown[] }>((await run(['search', 'ferry timetable', '--db', db, '--format', 'json'])).stdout).hits.length, 1);
  });

  test('the same content under another id, and twice in one input, is stored once', async () => {
    const db = tempDb();
    const line = (id: string) => JSON.stringify({ id, text: 'Mayor Ana Ruiz said the ferry would run all winter.\n' });
    const { stdout } = await run(['ingest', '--jsonl', '-', '--db', db], { stdin: [line('one'), line('two'), line('one')].join('\n') + '\n' });
    assert.match(stdout, /ingested 3 articles: 1 new, 2 unchanged/);
  });

  test('stdin as one text article, with --published', async () => {
    const db = tempDb();
    const { code, stdout } = await run(['ingest', '-', '--db', db, '--published', '2025-11-20'], { stdin: 'Mayor Ana Ruiz said on Tuesday that the ferry would run all winter.\n' });
    assert.equal(code, 0);
    assert.match(stdout, /1 new/);
    const [row] = lines<{ articleId: string; saidOn?: string; publishedAt?: string }>((await run(['export', '--db', db])).stdout);
    assert.match(row.articleId, /^sha256:[0-9a-f]{16}$/);
    assert.equal(row.publishedAt, '2025-11-20');
    assert.equal(row.saidOn, '2025-11-18');
  });

  test('bad inputs get error records and a message; the rest is stored; the exit code says some failed', async () => {
    const db = tempDb();
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, ['{"id": "ok", "text": "Mayor Ana Ruiz said the ferry would run all winter."}', '{"id": "bad", "text": 5}', 'not json', '{"id": "both", "text": "a", "html": "<p>b</p>"}'].join('\n') + '\n');
    const { code, stdout, stderr } = await run(['ingest', '--jsonl', file, join(dir, 'missing.txt'), '--db', db, '--format', 'json']);
    assert.equal(code, 1);
    const records = lines<{ id?: string | null; line?: number; error?: { code: string; message: string }; summary?: { articles: Record<string, number> } }>(stdout);
    assert.deepEqual(records.slice(0, 4).map((r) => [r.id, r.line, r.error?.code]), [
      ['bad', 2, 'input/bad-line'],
      [null, 3, 'input/bad-line'],
      ['both', 4, 'input/bad-line'],
      [null, undefined, 'input/unreadable'],
    ]);
    assert.deepEqual(records[4].summary?.articles, { new: 1, unchanged: 0, replaced: 0, failed: 4 });
    assert.match(stderr, /mixed\.jsonl:2: expected a string `text`, found number/);
    assert.match(stderr, /missing\.txt: no such file/);
  });

  test('every input missing: the exit code of the failure', async () => {
    const { code, stderr } = await run(['ingest', join(dir, 'nope.txt'), '--db', tempDb()]);
    assert.equal(code, 66);
    assert.match(stderr, /nope\.txt: no such file/);
  });

  test('a progress bar on a terminal, never in a pipe', async () => {
    const tty = await run(['ingest', EXAMPLES, '--db', tempDb()], { stderrIsTTY: true });
    assert.match(tty.stderr, /\r\x1b\[K\d+ articles/);
    const pipe = await run(['ingest', EXAMPLES, '--db', tempDb()]);
    assert.equal(pipe.stderr, '');
  });

  test('--warc: each HTML record an article, a bad record an error record', async () => {
    const items: WarcItem[] = [
      { ok: true, index: 0, recordId: '<urn:uuid:1>', uri: 'https://courier.example/a', date: '2025-11-15T10:00:00Z', html: '<!doctype html><html><head><title>Ferry</title></head><body><article><p>Mayor Ana Ruiz said the ferry would run all winter, and that the fares would not rise.</p></article></body></html>' },
      { ok: false, index: 1, recordId: '<urn:uuid:2>', uri: 'https://courier.example/b.png', code: 'input/not-html', message: 'record 1 (https://courier.example/b.png) is not an HTML page: image/png' },
    ];
    const readWarc: Services['readWarc'] = async function* () {
      yield* items;
    };
    const warc = join(dir, 'crawl.warc');
    writeFileSync(warc, 'stand-in: readWarc is replaced');
    const db = tempDb();
    const { code, stdout, stderr } = await run(['ingest', '--warc', warc, '--db', db], {}, { readWarc });
    assert.equal(code, 1);
    assert.match(stdout, /1 new, 0 unchanged, 0 replaced, 1 failed/);
    assert.match(stderr, /is not an HTML page/);
    const [row] = lines<{ articleId: string; url?: string; publishedAt?: string }>((await run(['export', '--db', db])).stdout);
    assert.deepEqual([row.articleId, row.url], ['<urn:uuid:1>', 'https://courier.example/a']);
  });

  test('a URL is fetched and stored under its address', async () => {
    const fetchPage: Services['fetchPage'] = async (url) => ({ url, status: 200, contentType: 'text/html', html: '<!doctype html><html><body><article><p>Councilman Omar Bell said the ferry fares were far too high for families.</p></article></body></html>' });
    const db = tempDb();
    const { code } = await run(['ingest', 'https://courier.example/fares', '--db', db], {}, { fetchPage });
    assert.equal(code, 0);
    const [row] = lines<{ articleId: string; url: string }>((await run(['export', '--db', db])).stdout);
    assert.deepEqual([row.articleId, row.url], ['https://courier.example/fares', 'https://courier.example/fares']);
  });

  test('usage errors', async () => {
    const cases: [string[], RegExp][] = [
      [['ingest', '--warc', 'a.warc', 'b.txt'], /--warc reads its own file/],
      [['ingest', '-', '--published', '13/11/2025'], /--published: expected a date/],
      [['ingest', '-', '--format', 'csv'], /--format: expected text, json, found "csv"/],
      [['ingest', '--bogus'], /ingest: Unknown option '--bogus'/],
      [['ingest', '-', '--db', ''], /--db: expected a file name/],
      [['ingest', '-', '--jobs', '0'], /--jobs: expected an integer >= 1, found "0"/],
      [['ingest', '-', '--timeout-ms', 'soon'], /--timeout-ms: expected an integer >= 0, found "soon"/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, message);
    }
  });

  test('the database: --db, else $WHOSAID_DB', async () => {
    const db = tempDb();
    const saved = process.env.WHOSAID_DB;
    process.env.WHOSAID_DB = db;
    try {
      const { code } = await run(['ingest', '-'], { stdin: 'Mayor Ana Ruiz said the ferry would run all winter.\n' });
      assert.equal(code, 0);
      assert.equal(lines((await run(['export'])).stdout).length, 1);
      assert.equal(lines((await run(['export', '--db', corpus])).stdout).length > 1, true, '--db wins over the variable');
    } finally {
      if (saved === undefined) delete process.env.WHOSAID_DB;
      else process.env.WHOSAID_DB = saved;
    }
  });
});

describe('whosaid search', () => {
  interface Hit { id: number; text: string; articleId: string; outlet?: string; speaker?: { name: string; mention?: string }; snippet: string; highlights: { start: number; end: number }[]; type: string; kind: string; saidOn?: string; publishedAt?: string; cue?: string; title?: string }
  const search = async (...args: string[]) => json<{ hits: Hit[] }>((await run(['search', ...args, '--db', corpus, '--format', 'json'])).stdout).hits;

  test('json: text, speaker, cue, article, outlet, dates, snippet with highlights', async () => {
    const hits = await search('"watch every dollar"');
    assert.equal(hits.length, 3);
    for (const hit of hits) {
      assert.equal(hit.speaker?.name, 'Omar Bell');
      assert.deepEqual(hit.highlights.map((h) => hit.snippet.slice(h.start, h.end).toLowerCase()), ['watch', 'every', 'dollar']);
    }
    const wire = hits.find((h) => h.articleId === 'wire-2025-11-17')!;
    assert.deepEqual([wire.outlet, wire.title, wire.publishedAt, wire.cue, wire.kind], ['Harbor Wire', 'Bridge foes rally at City Hall', '2025-11-17', 'said', 'direct']);
  });

  test('filters: --speaker, --outlet, --from, --to, --type, --kind, --limit', async () => {
    assert.deepEqual([...new Set((await search('bridge', '--speaker', 'Ruiz')).map((h) => h.speaker?.name))], ['Ana Ruiz']);
    assert.deepEqual((await search('dollar', '--outlet', 'harbor wire')).map((h) => h.articleId), ['wire-2025-11-17']);
    assert.deepEqual((await search('dollar', '--from', '2025-11-15')).map((h) => h.articleId), ['wire-2025-11-17']);
    assert.ok((await search('dollar', '--to', '2025-11-13')).every((h) => (h.saidOn ?? h.publishedAt!) <= '2025-11-13'));
    assert.ok((await search('open', '--kind', 'direct')).every((h) => h.kind === 'direct'));
    assert.ok((await search('bridge', '--type', 'all')).length >= (await search('bridge')).length);
    assert.equal((await search('dollar', '--limit', '1')).length, 1);
  });

  test('table: the snippet with the matched words in bold on a terminal, plain in a pipe', async () => {
    const tty = await run(['search', 'dollar', '--db', corpus, '--outlet', 'Harbor Wire'], { stdoutIsTTY: true });
    assert.match(tty.stdout, /^id +date +speaker +outlet +text\n/);
    assert.match(tty.stdout, /\x1b\[1mdollar\x1b\[22m/);
    const pipe = await run(['search', 'dollar', '--db', corpus, '--outlet', 'Harbor Wire']);
    assert.doesNotMatch(pipe.stdout, /\x1b/);
    assert.match(pipe.stdout, /Omar Bell +Harbor Wire +We will watch every dollar/);
    assert.equal((await run(['search', 'zeppelin', '--db', corpus])).stdout, 'no attributions match\n');
  });

  test('a query matching more statements than are ranked: the table says so, the JSON gives the counts', async () => {
    const db = tempDb();
    const store = openSqliteStore(db);
    const quotes = Array.from({ length: RANKED_MATCHES + 5 }, (_, i) => ({ speaker: 'Omar Bell', text: `The ferry leaves the pier at stop ${i} of the route` }));
    await store.ingest([prepareArticle(buildArticle({ id: 'ferries', outlet: 'Harbor Wire', publishedAt: '2025-11-20', quotes }))]);
    await store.close();
    const table = await run(['search', 'ferry', '--db', db, '--limit', '2']);
    assert.match(table.stdout, /\nmore matched than are ranked: these are the best of the newest 1,000 matches \(the words match 1,005 attributions in all\)\n$/);
    const json = JSON.parse((await run(['search', 'ferry', '--db', db, '--limit', '2', '--format', 'json'])).stdout) as { hits: unknown[]; matches: number; ranked: number; capped: boolean };
    assert.deepEqual({ hits: json.hits.length, matches: json.matches, ranked: json.ranked, capped: json.capped }, { hits: 2, matches: RANKED_MATCHES + 5, ranked: RANKED_MATCHES, capped: true });
    assert.doesNotMatch((await run(['search', '"stop 7"', '--db', db])).stdout, /more matched/);
  });

  test('jsonl and csv', async () => {
    const jsonl = lines<Hit>((await run(['search', 'dollar', '--db', corpus, '--format', 'jsonl'])).stdout);
    assert.equal(jsonl.length, 3);
    const csv = parse((await run(['search', 'dollar', '--db', corpus, '--format', 'csv'])).stdout, { columns: true }) as Record<string, string>[];
    assert.equal(csv.length, 3);
    assert.equal(csv[0].speaker, 'Omar Bell');
    assert.equal(csv[0].text, 'We will watch every dollar,');
  });

  test('hostile and malformed queries: a clear usage error or words, never a crash', async () => {
    for (const query of ['"', '***', '-dollar', '', '\0', '- -"every dollar"', '(^*:)']) {
      // after "--" a query may start with "-" (an exclusion), which would otherwise read as an option
      const { code, stderr } = await run(['search', '--db', corpus, '--', query]);
      assert.equal(code, 2, JSON.stringify(query));
      assert.match(stderr, /whosaid: (query: the query|search: expected a QUERY)/);
    }
    for (const query of ['NEAR(', 'dollar OR 1=1', "dollar'; DROP TABLE articles; --", 'dollar*', 'text:dollar', 'NEAR(dollar every)']) {
      const { code } = await run(['search', query, '--db', corpus]);
      assert.equal(code, 0, query);
    }
    assert.equal(lines((await run(['export', '--db', corpus, '--type', 'all'])).stdout).length > 0, true);
  });

  test('usage errors and a missing corpus', async () => {
    const cases: [string[], number, RegExp][] = [
      [['search'], 2, /expected a QUERY/],
      [['search', 'x', '--type', 'rumour'], 2, /--type: expected statement/],
      [['search', 'x', '--kind', 'quoted'], 2, /--kind: expected direct, indirect, mixed/],
      [['search', 'x', '--from', '2025-13-01'], 2, /not a calendar date/],
      [['search', 'x', '--from', '2025-11-20', '--to', '2025-11-01'], 2, /is after --to/],
      [['search', 'x', '--limit', '0'], 2, /--limit: expected an integer >= 1/],
      [['search', 'x', '--format', 'xml'], 2, /--format: expected table, json, jsonl, csv/],
      [['search', 'x', '--db', join(dir, 'none.db')], 66, /none\.db: no corpus here/],
    ];
    for (const [argv, exit, message] of cases) {
      const { code, stderr } = await run(argv[argv.length - 2] === '--db' ? argv : [...argv, '--db', corpus]);
      assert.equal(code, exit, argv.join(' '));
      assert.match(stderr, message);
    }
  });
});

describe('whosaid speakers and speaker', () => {
  test('speakers: people by statements, with articles, outlets and dates, in every format', async () => {
    const rows = json<{ name: string; statements: number; articles: number; outlets: number; first: string; last: string }[]>((await run(['speakers', '--db', corpus, '--format', 'json'])).stdout);
    assert.deepEqual(rows.map((r) => r.name), ['Ana Ruiz', 'Omar Bell', 'Dana Bell']);
    assert.deepEqual(rows.map((r) => r.outlets), [3, 2, 1]);
    assert.equal(rows[2].first, '2025-11-15');
    assert.equal(lines((await run(['speakers', '--db', corpus, '--format', 'jsonl'])).stdout).length, 3);
    const csv = parse((await run(['speakers', '--db', corpus, '--format', 'csv'])).stdout, { columns: true }) as Record<string, string>[];
    assert.deepEqual(csv.map((r) => r.name), ['Ana Ruiz', 'Omar Bell', 'Dana Bell']);
    assert.match((await run(['speakers', '--db', corpus])).stdout, /^speaker +statements +articles +outlets +first +last\nAna Ruiz /);
  });

  test('speakers filters: --outlet, --from, --to, --limit', async () => {
    const names = async (...args: string[]) => json<{ name: string }[]>((await run(['speakers', '--db', corpus, '--format', 'json', ...args])).stdout).map((r) => r.name);
    assert.deepEqual(await names('--outlet', 'Coast Courier'), ['Dana Bell', 'Ana Ruiz']);
    assert.deepEqual((await names('--from', '2025-11-16')).sort(), ['Ana Ruiz', 'Omar Bell']);
    assert.deepEqual((await names('--to', '2025-11-12')).sort(), ['Ana Ruiz', 'Omar Bell']);
    assert.deepEqual(await names('--limit', '1'), ['Ana Ruiz']);
    assert.equal((await run(['speakers', '--db', corpus, '--outlet', 'Nowhere Gazette'])).stdout, 'no speakers found\n');
  });

  test('speaker: name forms, roles over time, timeline; two people who share a surname both shown', async () => {
    const [omar] = json<{ name: string; variants: string[]; roles: { role: string }[]; timeline: { text: string }[] }[]>((await run(['speaker', 'Omar', 'Bell', '--db', corpus, '--format', 'json'])).stdout);
    assert.equal(omar.name, 'Omar Bell');
    assert.ok(omar.variants.includes('Bell'));
    assert.deepEqual(omar.roles.map((r) => r.role), ['Councilman']);
    assert.ok(omar.timeline.some((a) => a.text.startsWith('We will watch every dollar')));
    const table = (await run(['speaker', 'Bell', '--db', corpus])).stdout;
    assert.match(table, /^Omar Bell \(person \d+\)\n {2}also named: /);
    assert.match(table, /\n\nDana Bell \(person \d+\)\n/);
    const missing = await run(['speaker', 'Nobody', '--db', corpus]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no speaker named "Nobody" in the corpus/);
    assert.equal((await run(['speaker', '--db', corpus])).code, 2);
  });
});

describe('whosaid trace', () => {
  interface TraceJson { copies: { attributionId: number; articleId: string; outlet?: string; publishedAt?: string; text: string; speaker?: string; variant: boolean; diff?: { op: string; text: string }[] }[] }

  test('json: every copy earliest first, the variant with its word diff', async () => {
    const trace = json<TraceJson>((await run(['trace', 'It will be open before the holidays', '--db', corpus, '--format', 'json'])).stdout);
    assert.deepEqual(trace.copies.map((c) => [c.outlet, c.publishedAt?.slice(0, 10), c.speaker, c.variant]), [
      ['The Alder Ledger', '2025-11-13', 'Ana Ruiz', false],
      ['The Alder Ledger', '2025-11-14', 'Ana Ruiz', false],
      ['Coast Courier', '2025-11-15', 'Ana Ruiz', true],
    ]);
    const diff = trace.copies[2].diff!;
    assert.deepEqual(diff.filter((d) => d.op !== 'same'), [{ op: 'removed', text: 'the holidays' }, { op: 'added', text: 'Christmas' }]);
    for (const key of ['articleId', 'outlet', 'publishedAt', 'text', 'speaker', 'variant']) assert.ok(key in trace.copies[0], key);
  });

  test('by attribution id, the same history', async () => {
    const byText = json<TraceJson>((await run(['trace', 'We will watch every dollar', '--db', corpus, '--format', 'json'])).stdout);
    const byId = json<TraceJson>((await run(['trace', String(byText.copies[1].attributionId), '--db', corpus, '--format', 'json'])).stdout);
    assert.deepEqual(byId, byText);
    assert.equal(byText.copies.length, 3);
  });

  test('table: the variant word by word', async () => {
    const { stdout } = await run(['trace', 'It will be open before the holidays', '--db', corpus]);
    assert.match(stdout, /^3 copies of the statement, earliest first; 1 with other words\n/);
    assert.match(stdout, /\n {4}It will be open before \[-the holidays-\] \{\+Christmas\+\} We are not waiting any longer\n/);
    const tty = await run(['trace', 'It will be open before the holidays', '--db', corpus], { stdoutIsTTY: true });
    assert.match(tty.stdout, /\x1b\[31m\[-the holidays-\]\x1b\[39m \x1b\[32m\{\+Christmas\+\}\x1b\[39m/);
  });

  test('nothing to trace: a clear error', async () => {
    const words = await run(['trace', 'zeppelins over the harbor', '--db', corpus]);
    assert.equal(words.code, 1);
    assert.match(words.stderr, /no statement in the corpus matches "zeppelins over the harbor"/);
    const id = await run(['trace', '999999', '--db', corpus]);
    assert.equal(id.code, 1);
    assert.match(id.stderr, /attribution 999999 is not in the corpus/);
    assert.equal((await run(['trace', '--db', corpus])).code, 2);
    assert.equal((await run(['trace', '"*"', '--db', corpus])).code, 2);
  });
});

describe('whosaid export', () => {
  test('jsonl (default) and csv, oldest first, with filters and a query', async () => {
    const all = lines<{ text: string; saidOn?: string; publishedAt?: string }>((await run(['export', '--db', corpus])).stdout);
    const dates = all.map((r) => r.saidOn ?? r.publishedAt!.slice(0, 10));
    assert.deepEqual(dates, [...dates].sort());
    const csvText = (await run(['export', '--db', corpus, '--format', 'csv', '--type', 'all'])).stdout;
    const csv = parse(csvText, { columns: true }) as Record<string, string>[];
    assert.ok(csv.length >= all.length);
    // quotation marks and commas in the words survive the round trip
    assert.ok(csv.some((r) => r.text === 'We will watch every dollar,'));
    assert.ok(csv.some((r) => r.text.includes('“real savings”')));
    const dana = lines<{ speaker?: { name: string } }>((await run(['export', 'pilots', '--db', corpus, '--speaker', 'Dana Bell'])).stdout);
    assert.deepEqual(dana.map((r) => r.speaker?.name), ['Dana Bell']);
    assert.equal(lines((await run(['export', '--db', corpus, '--limit', '2'])).stdout).length, 2);
    assert.equal((await run(['export', '--db', corpus, '--outlet', 'Nowhere', '--format', 'csv'])).stdout.split('\n')[0].split(',')[0], 'id');
    assert.equal((await run(['export', '--db', corpus, '--format', 'table'])).code, 2);
  });
});

describe('help', () => {
  test('each corpus command has help, and the main help lists them', async () => {
    for (const command of ['ingest', 'search', 'speakers', 'speaker', 'trace', 'export']) {
      const { code, stdout } = await run([command, '--help']);
      assert.equal(code, 0);
      assert.match(stdout, new RegExp(`^Usage: whosaid ${command}`));
      assert.match(stdout, /--db FILE/);
    }
    assert.match((await run(['--help'])).stdout, /whosaid trace TEXT\|ATTRIBUTION-ID/);
  });
});
