/**
 * Server load benchmark (`npm run bench:server`), on loopback only: a corpus of synthetic articles
 * (src/bench/synthetic-articles.ts, pre-analysed, as bench:corpus stores them), `whosaid serve` started
 * as a child process on 127.0.0.1, and the team's own bounded client — C concurrent clients, each
 * sending one request after another until the phase's request count or its time limit is reached.
 * Phases: analyze (the example article) and search (words of the corpus's own statements). Prints
 * requests/s, p50/p99 latency, errors, and the server's resident memory over time (from /proc).
 *
 *   npm run bench:server
 *   npm run bench:server -- --attributions 100000 --clients 50 --analyze 300 --search 5000 --seconds 60
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '../src/bench/percentile.js';
import { syntheticAnalysis, syntheticArticle } from '../src/bench/synthetic-articles.js';
import { prepareArticle } from '../src/store/prepare.js';
import { hashText } from '../src/store/rows.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';

const { values } = parseArgs({ options: { attributions: { type: 'string' }, clients: { type: 'string' }, analyze: { type: 'string' }, search: { type: 'string' }, seconds: { type: 'string' }, threads: { type: 'string' } } });
const ATTRIBUTIONS = Number(values.attributions ?? 20_000);
const CLIENTS = Number(values.clients ?? 50);
const ANALYZE = Number(values.analyze ?? 200);
const SEARCH = Number(values.search ?? 2_000);
const SECONDS = Number(values.seconds ?? 30);
const root = new URL('../', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'whosaid-bench-server-'));
const db = join(dir, 'corpus.db');

// 1. the corpus
const store = openSqliteStore(db);
let n = 0;
let attributions = 0;
const words = new Set<string>();
while (attributions < ATTRIBUTIONS) {
  const batch = Array.from({ length: 500 }, () => {
    const article = syntheticArticle(n++);
    const analysis = syntheticAnalysis(article);
    attributions += analysis.attributions.length;
    if (words.size < 200) for (const w of article.quotes[0]?.text.toLowerCase().match(/[a-z]{6,}/g) ?? []) words.add(w);
    return prepareArticle({ article: { id: article.id, outlet: article.outlet, title: article.title, url: article.url, publishedAt: article.publishedAt, text: article.text, sourceHash: hashText(article.text) }, analysis });
  });
  await store.ingest(batch);
}
await store.close();
const queries = [...words];

// 2. the server, a child process on loopback
const child = spawn(process.execPath, ['--import', 'tsx', new URL('src/cli/main.ts', root).pathname, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1', '--max-analyses', String(CLIENTS * 2), '--timeout-ms', '120000', ...(values.threads ? ['--threads', values.threads] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
const base: string = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
    if (m) resolve(m[1]);
  });
  child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
});

function rssMb(): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

// 3. the bounded client
async function phase(name: string, total: number, request: (i: number) => Promise<Response>): Promise<void> {
  const latencies: number[] = [];
  const memory: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const sampler = setInterval(() => memory.push(rssMb()), 500);
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (sent < total && performance.now() < deadline) {
        const i = sent++;
        const t = performance.now();
        try {
          const res = await request(i);
          await res.arrayBuffer();
          if (!res.ok) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  clearInterval(sampler);
  memory.push(rssMb());
  const seconds = (performance.now() - started) / 1000;
  const timeline = memory.filter((_, i) => i % Math.max(1, Math.floor(memory.length / 10)) === 0).map((m) => m.toFixed(0));
  console.log(
    `${name.padEnd(8)} ${String(latencies.length).padStart(6)} requests in ${seconds.toFixed(1)} s   ${(latencies.length / seconds).toFixed(1).padStart(7)} req/s   ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   errors ${errors}   server RSS peak ${Math.max(...memory).toFixed(0)} MB (over time: ${timeline.join(' ')})`,
  );
}

const article = readFileSync(new URL('examples/harbor-bridge.txt', root), 'utf8');
try {
  console.log(`corpus: ${attributions} attributions in ${n} synthetic articles; ${CLIENTS} concurrent clients on loopback; at most ${SECONDS} s a phase`);
  console.log(`server idle RSS ${rssMb().toFixed(0)} MB`);
  const json = { 'content-type': 'application/json' };
  // warm the threads (the model loads once in each) before timing
  await Promise.all(Array.from({ length: 4 }, () => fetch(`${base}/api/analyze`, { method: 'POST', headers: json, body: JSON.stringify({ text: article }) }).then((r) => r.arrayBuffer())));
  await phase('analyze', ANALYZE, () => fetch(`${base}/api/analyze`, { method: 'POST', headers: json, body: JSON.stringify({ text: article, publishedAt: '2025-11-13' }) }));
  await phase('search', SEARCH, (i) => fetch(`${base}/api/search?q=${encodeURIComponent(queries[i % queries.length])}&limit=20`));
  const words = article.split(/\s+/).length;
  console.log(`(analyze: one article of ${words} words a request)`);
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
