/**
 * Server load benchmark (`npm run bench:server`), on loopback only: a corpus of synthetic articles
 * (src/bench/synthetic-articles.ts, pre-analysed, as bench:corpus stores them; 100,000 attributions by
 * default), `whosaid serve` (the built one: npm run bench:server builds first) started as a child process
 * on 127.0.0.1, and the team's own bounded client — C concurrent clients, each sending one request after
 * another until the phase's request count or its time limit is reached. Phases:
 *   analyze          the example article, against `whosaid extract --jsonl` on the same articles with the
 *                    server's analysis threads as --jobs (the ratio's target: at least 0.8);
 *   search, first asks
 *                    words of the corpus's own statements, 200 different queries, each asked once;
 *   search           the same queries asked again and again, answered from the server's cache
 *                    (many readers asking the same questions);
 *   search, uncached every request a query the server has not seen (a word with a date window of its own),
 *                    so each one reads the corpus;
 *   mixed            all three kinds at once (one request in ten an analysis, the rest cached and new
 *                    searches), for --sustain seconds after the phases above have warmed every part of the
 *                    server: memory is flat when its peak over this phase's last quarter is within 10% of
 *                    its peak over the first (what the server holds grows with use until its threads,
 *                    models and caches are warm, all of them bounded; it must not grow with the requests).
 * Prints requests/s, p50/p99 latency (target p99 < 100 ms for search), errors, the server's CPU time per
 * request (all its threads: steadier than the clock on a machine other work also uses), and its resident
 * memory over the whole run (from /proc, sampled every 500 ms: total, and its anonymous part — heaps
 * and stacks, apart from the pages of code and libraries it maps).
 *
 *   npm run bench:server
 *   npm run bench:server -- --attributions 100000 --clients 50 --analyze 300 --search 5000 --seconds 60 --sustain 120 [--threads N]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '../src/bench/percentile.js';
import { syntheticAnalysis, syntheticArticle } from '../src/bench/synthetic-articles.js';
import { prepareArticle } from '../src/store/prepare.js';
import { hashText } from '../src/store/rows.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { statFields, TICKS_PER_SECOND } from './proc-stat.js';

const { values } = parseArgs({ options: { attributions: { type: 'string' }, clients: { type: 'string' }, analyze: { type: 'string' }, search: { type: 'string' }, seconds: { type: 'string' }, sustain: { type: 'string' }, threads: { type: 'string' } } });
const ATTRIBUTIONS = Number(values.attributions ?? 100_000);
const CLIENTS = Number(values.clients ?? 50);
const ANALYZE = Number(values.analyze ?? 200);
const SEARCH = Number(values.search ?? 2_000);
const SECONDS = Number(values.seconds ?? 30);
/** How long the mixed phase runs (its memory is what "flat" is read from). */
const SUSTAIN = Number(values.sustain ?? 60);
/** The server's analysis threads: what `whosaid serve` picks without --threads (the cores, at most 4). */
const THREADS = values.threads !== undefined ? Number(values.threads) : Math.max(1, Math.min(4, availableParallelism()));
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
const firstDay = syntheticArticle(0).publishedAt;
const lastDay = syntheticArticle(n - 1).publishedAt;
await store.close();
const queries = [...words];

// 2. the bare analysis rate: `whosaid extract --jsonl` on the article the analyze phase sends, as many times
const article = readFileSync(new URL('examples/harbor-bridge.txt', root), 'utf8');
const jsonl = join(dir, 'articles.jsonl');
writeFileSync(jsonl, Array.from({ length: ANALYZE }, (_, i) => JSON.stringify({ id: `copy-${i}`, text: article, publishedAt: '2025-11-13' })).join('\n') + '\n');
const usage = join(dir, 'usage.txt');
const extractStarted = performance.now();
const extract = spawnSync(process.execPath, ['--import', new URL('scripts/bench-rss.mjs', root).pathname, new URL('bin/whosaid.js', root).pathname, 'extract', '--jsonl', jsonl, '--jobs', String(THREADS)], {
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
  env: { ...process.env, WHOSAID_BENCH_RSS: usage },
});
const extractRate = ANALYZE / ((performance.now() - extractStarted) / 1000);
if (extract.status !== 0) throw new Error(`whosaid extract: exit ${extract.status}: ${extract.stderr.slice(0, 500)}`);
// its CPU time (all threads, start-up included) per article, written at exit by scripts/bench-rss.mjs
const extractCpuMs = Number(readFileSync(usage, 'utf8').trim().split(' ')[1]) / 1000 / ANALYZE;

// 3. the server, a child process on loopback
const child = spawn(process.execPath, [new URL('bin/whosaid.js', root).pathname, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1', '--max-analyses', String(CLIENTS * 2), '--timeout-ms', '120000', '--threads', String(THREADS)], { stdio: ['ignore', 'pipe', 'inherit'] });
const base: string = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
    if (m) resolve(m[1]);
  });
  child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
});

/** The server's resident memory in MB: all of it, and its anonymous part (heap, stacks; not mapped files). */
function memory(): { rss: number; anon: number } {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
    return { rss: kb('VmRSS'), anon: kb('RssAnon') };
  } catch {
    return { rss: NaN, anon: NaN };
  }
}
/** The server's CPU time so far (all its threads, user and system), in ms, from /proc (clock ticks of 10 ms). */
function serverCpuMs(): number {
  const fields = statFields(child.pid!);
  return fields ? ((fields[11] + fields[12]) * 1000) / TICKS_PER_SECOND : NaN;
}
const samples: { phase: string; rss: number; anon: number }[] = [];
let current = 'idle';
const sampler = setInterval(() => samples.push({ phase: current, ...memory() }), 500);

// 4. the bounded client
async function phase(name: string, total: number, request: (i: number) => Promise<Response>, limitSeconds = SECONDS): Promise<{ rate: number; p99: number; errors: number; cpuMs: number }> {
  current = name;
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const cpuBefore = serverCpuMs();
  const deadline = started + limitSeconds * 1000;
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
  samples.push({ phase: name, ...memory() });
  const seconds = (performance.now() - started) / 1000;
  const mine = samples.filter((s) => s.phase === name);
  const rate = latencies.length / seconds;
  const p99 = percentile(latencies, 99);
  const cpuMs = (serverCpuMs() - cpuBefore) / latencies.length;
  console.log(
    `${name.padEnd(17)} ${String(latencies.length).padStart(6)} requests in ${seconds.toFixed(1).padStart(5)} s ${rate.toFixed(1).padStart(8)} req/s   ` +
      `p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms   p99 ${p99.toFixed(1).padStart(6)} ms   errors ${errors}   server CPU ${cpuMs.toFixed(2)} ms/request   server RSS peak ${Math.max(...mine.map((s) => s.rss)).toFixed(0)} MB (anonymous ${Math.max(...mine.map((s) => s.anon)).toFixed(0)} MB)`,
  );
  return { rate, p99, errors, cpuMs };
}

/** `count` numbers spread over `values`, first and last included. */
const spread = (values: number[], count: number) => (values.length <= count ? values : Array.from({ length: count }, (_, i) => values[Math.round((i * (values.length - 1)) / (count - 1))]));

try {
  console.log(`whosaid server benchmark: a corpus of ${attributions.toLocaleString('en-US')} attributions in ${n.toLocaleString('en-US')} synthetic articles (the team's own templates, pre-analysed); ${CLIENTS} concurrent clients on loopback; at most ${SECONDS} s a phase; ${THREADS} analysis threads; ${availableParallelism()} cores`);
  const memoryAtStart = memory().rss;
  console.log(`server idle RSS ${memoryAtStart.toFixed(0)} MB`);
  const json = { 'content-type': 'application/json' };
  // warm the threads (the model loads once in each) before timing
  await Promise.all(Array.from({ length: THREADS * 2 }, () => fetch(`${base}/api/analyze`, { method: 'POST', headers: json, body: JSON.stringify({ text: article }) }).then((r) => r.arrayBuffer())));
  const analyze = await phase('analyze', ANALYZE, () => fetch(`${base}/api/analyze`, { method: 'POST', headers: json, body: JSON.stringify({ text: article, publishedAt: '2025-11-13' }) }));
  const searchFor = (i: number) => fetch(`${base}/api/search?q=${encodeURIComponent(queries[i % queries.length])}&limit=20`);
  // each of the phase's questions asked once first (the first asking of each reads the corpus; the
  // uncached phase below measures that case), printed as a phase of its own and not counted in the next
  await phase('search, first asks', queries.length, searchFor);
  const search = await phase('search', SEARCH, searchFor);
  // a date window of its own for each request: [from, from + 90 days] inside the corpus's span
  const span = (Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000;
  const day = (offset: number) => new Date(Date.parse(firstDay) + offset * 86_400_000).toISOString().slice(0, 10);
  const newSearch = (i: number) => {
    const from = Math.floor((i * 7919) % Math.max(1, span - 90));
    return fetch(`${base}/api/search?q=${encodeURIComponent(queries[i % queries.length])}&from=${day(from)}&to=${day(from + 90 + Math.floor(i / span))}&limit=20`);
  };
  const uncached = await phase('search, uncached', SEARCH, newSearch);
  // the new searches go on where the phase above stopped: each still a question the server has not seen
  const mixed = await phase(
    'mixed',
    Infinity,
    (i) => (i % 10 === 0 ? fetch(`${base}/api/analyze`, { method: 'POST', headers: json, body: JSON.stringify({ text: article, publishedAt: '2025-11-13' }) }) : i % 2 === 1 ? searchFor(i) : newSearch(SEARCH + i)),
    SUSTAIN,
  );
  current = 'done';
  console.log(`analyze: one article of ${article.split(/\s+/).length} words a request; whosaid extract --jsonl --jobs ${THREADS} on ${ANALYZE} copies of it: ${extractRate.toFixed(1)} articles/s`);
  console.log(`analyze throughput / extract --jsonl: ${(analyze.rate / extractRate).toFixed(2)}x by the wall clock, CPU per article ${(extractCpuMs / analyze.cpuMs).toFixed(2)}x (extract ${extractCpuMs.toFixed(1)} ms, the server ${analyze.cpuMs.toFixed(1)} ms) (target >= 0.80)`);
  console.log(`search p99 ${search.p99.toFixed(1)} ms, uncached ${uncached.p99.toFixed(1)} ms (target < 100 ms); errors ${analyze.errors + search.errors + uncached.errors + mixed.errors} (target 0)`);
  const sustained = samples.filter((s) => s.phase === 'mixed');
  const quarter = Math.max(1, Math.floor(sustained.length / 4));
  const peakOf = (part: typeof sustained) => Math.max(...part.map((s) => s.rss));
  const [early, late] = [peakOf(sustained.slice(0, quarter)), peakOf(sustained.slice(-quarter))];
  console.log(
    `server RSS under ${SUSTAIN} s of mixed load: peak ${early.toFixed(0)} MB over its first quarter, ${late.toFixed(0)} MB over its last: ` +
      `${(late / early).toFixed(2)}x (target <= 1.10: flat); from idle to warm, ${memoryAtStart.toFixed(0)} -> ${early.toFixed(0)} MB`,
  );
  const steady = samples.filter((s) => s.phase !== 'idle');
  console.log(`server RSS over the run, MB (every ${Math.max(1, Math.round(steady.length / 12)) / 2} s): ${spread(steady.map((s) => s.rss), 12).map((m) => m.toFixed(0)).join(' ')}`);
  console.log(`  its anonymous part, MB:                ${spread(steady.map((s) => s.anon), 12).map((m) => m.toFixed(0)).join(' ')}`);
} finally {
  clearInterval(sampler);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
