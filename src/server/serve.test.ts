/**
 * The server on a loopback socket: it answers, and a shutdown lets the request in flight finish while
 * a new one is refused; plus the flags of `whosaid serve`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ANALYSIS_VERSION, type Analysis } from '../core/analysis.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Analyzer } from './analysis-pool.js';
import { serveOptions } from './command.js';
import { startServer } from './serve.js';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-serve-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** An analyser that holds each analysis until released, and counts whether it was closed. */
function heldAnalyzer() {
  const waiting: (() => void)[] = [];
  let closed = false;
  const analysis: Analysis = { version: ANALYSIS_VERSION, attributions: [], entities: [], times: [], diagnostics: [] } as unknown as Analysis;
  const analyzer: Analyzer = {
    active: 0,
    analyze: () => new Promise((resolve) => waiting.push(() => resolve(analysis))),
    close: async () => {
      closed = true;
    },
  };
  return { analyzer, waiting, closed: () => closed };
}

test('shutdown: the request in flight finishes, then the socket closes, the threads and the corpus after it', async () => {
  const db = join(dir, 'c.db');
  const held = heldAnalyzer();
  const server = await startServer({ port: 0, db }, held.analyzer);
  const health = await fetch(`${server.url}/api/health`);
  assert.equal(health.status, 200);
  const inFlight = fetch(`${server.url}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"She said so."}' });
  while (held.waiting.length === 0) await new Promise((r) => setTimeout(r, 5));
  let closedYet = false;
  const closing = server.close().then(() => (closedYet = true));
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(closedYet, false, 'close waits for the request in flight');
  const refused = await fetch(`${server.url}/api/health`).then((r) => r.status, () => 'refused');
  assert.ok(refused === 503 || refused === 'refused', String(refused));
  held.waiting[0]();
  const res = await inFlight;
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as Analysis).version, ANALYSIS_VERSION);
  await closing;
  assert.ok(held.closed());
  const store = openSqliteStore(db);
  assert.deepEqual(await store.check(), []);
  await store.close();
});

test('the serve flags', () => {
  const o = serveOptions(['--db', 'x.db', '--port', '0', '--host', '::1', '--threads', '2', '--max-analyses', '9', '--timeout-ms', '100', '--max-body-bytes', '1000', '--allow-private-urls']);
  assert.deepEqual(o, { db: 'x.db', port: 0, host: '::1', threads: 2, maxConcurrent: 9, timeoutMs: 100, maxBodyBytes: 1000, allowPrivateUrls: true });
  assert.deepEqual(serveOptions(['--db', 'y.db']), { db: 'y.db' });
  for (const [args, message] of [
    [['--port', '70000'], /--port: expected an integer from 0 to 65535/],
    [['--threads', '0'], /--threads: expected an integer >= 1/],
    [['--host', ''], /--host/],
    [['extra'], /unexpected argument "extra"/],
    [['--colour'], /Unknown option/],
  ] as const) {
    assert.throws(() => serveOptions([...args]), message);
  }
});

test('whosaid serve as a process: it says where it listens, answers, and exits 0 on SIGTERM', async () => {
  const { spawn } = await import('node:child_process');
  const main = new URL('../cli/main.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--db', join(dir, 'p.db'), '--port', '0', '--threads', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url: string = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening: ${out}`)));
  });
  const health = (await (await fetch(`${url}/api/health`)).json()) as { status: string };
  assert.equal(health.status, 'ok');
  const page = await fetch(`${url}/`);
  assert.ok(page.status === 200 || page.status === 404, 'the page, when built, or a JSON 404');
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
  assert.match(out, /shutting down/);
});
