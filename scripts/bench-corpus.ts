/**
 * Corpus benchmark (`npm run bench:corpus`, which builds first: it runs the compiled CLI), in two parts.
 *
 * 1. Ingest against analysis, whole processes as a user runs them, on the same articles in the same run
 *    (PolNeAR train by default, or --file; its text is read, never copied): `whosaid extract --jsonl FILE`
 *    (the bare analysis, output to a file) and `whosaid ingest --jsonl FILE --db NEW` (the same analysis,
 *    and storing it), each with --jobs 1 and with --jobs = the cores: articles/s and the ratio ingest /
 *    analysis (target: at least 0.8). Then the store's own cost per article, in this process, on the
 *    analyses the --jobs 1 ingest stored: preparing (rows, name keys, band keys, the analysis as JSON:
 *    what the worker threads do) and writing (the batched transactions of the thread that owns the
 *    database), with its people matching and copy grouping.
 * 2. Scale: synthetic articles from the team's own templates and word lists (src/bench/synthetic-articles.ts),
 *    pre-analysed (the analysis their templates imply, built without the engine, so that a million
 *    attributions take minutes), stored in batches up to --attributions (default 1,000,000; 0 skips this
 *    part). At 10k, 100k and 1M attributions: the store's cost per article (all, people matching, copy
 *    grouping: flat means it does not grow with the corpus), search latency p50/p95/p99 over fixed
 *    queries (words, phrases, speaker-filtered, date-filtered; target p95 < 50 ms), database bytes per
 *    attribution, and peak RSS.
 *
 *   npm run bench:corpus
 *   npm run bench:corpus -- --attributions 100000 --limit 200 [--file FILE.jsonl] [--shared DIR] [--jobs N]
 *   npm run bench:corpus -- --scale-only --keep scratch/corpus.db   (part 2 only, on a corpus kept between runs)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { Analysis } from '../src/core/analysis.js';
import { syntheticAnalysis, syntheticArticle } from '../src/bench/synthetic-articles.js';
import { percentile } from '../src/bench/percentile.js';
import { PACKAGE_ROOT, resolveSharedFolder, sharedPaths } from '../src/eval/shared-folder.js';
import { prepareArticle, type PreparedArticle } from '../src/store/prepare.js';
import { hashText } from '../src/store/rows.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { RANKED_MATCHES, type ArticleRecord, type Filters } from '../src/store/store.js';

const { values } = parseArgs({
  options: {
    attributions: { type: 'string' },
    keep: { type: 'string' },
    file: { type: 'string' },
    shared: { type: 'string' },
    limit: { type: 'string' },
    jobs: { type: 'string' },
    'scale-only': { type: 'boolean' },
  },
});
const TARGET = Number(values.attributions ?? 1_000_000);
const CHECKPOINTS = [10_000, 100_000, 1_000_000].filter((c) => c <= TARGET);
if (!CHECKPOINTS.includes(TARGET)) CHECKPOINTS.push(TARGET);
const CORES = values.jobs !== undefined ? Number(values.jobs) : availableParallelism();
const dir = mkdtempSync(join(tmpdir(), 'whosaid-bench-corpus-'));
const bin = join(PACKAGE_ROOT, 'bin', 'whosaid.js');

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Runs the CLI to the end, its stdout to a file; returns the wall time and the process's CPU time (user +
 * system, worker threads included, written at exit by scripts/bench-rss.mjs), in ms. On a machine other
 * work also uses, the CPU time is the steadier of the two.
 */
function wholeProcess(args: string[]): { ms: number; cpuMs: number } {
  const usage = join(dir, 'usage.txt');
  rmSync(usage, { force: true });
  const started = performance.now();
  const r = spawnSync('sh', ['-c', `exec "$0" "$@" > "${join(dir, 'out.txt')}"`, process.execPath, '--import', join(PACKAGE_ROOT, 'scripts', 'bench-rss.mjs'), bin, ...args], {
    env: { ...process.env, WHOSAID_BENCH_RSS: usage },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`whosaid ${args.join(' ')}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
  const [, cpuMicros] = readFileSync(usage, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpuMs: cpuMicros / 1000 };
}

async function ingestAgainstAnalysis(): Promise<void> {
  const source = values.file ?? sharedPaths(resolveSharedFolder(values.shared)).polnearTrain;
  let articles = readFileSync(source, 'utf8').split('\n').filter((l) => l.trim() !== '');
  if (values.limit !== undefined) articles = articles.slice(0, Number(values.limit));
  const input = join(dir, 'articles.jsonl');
  writeFileSync(input, articles.join('\n') + '\n');
  const n = articles.length;
  console.log(`\n1. Ingest against analysis: ${fmt(n)} articles (${source}), each figure one whole process (start-up included), ${availableParallelism()} cores available`);
  console.log('   articles/s by the wall clock; CPU ms per article (all threads); ratios ingest / analysis of each');
  const rates = new Map<string, number>();
  let firstDb = '';
  const line = (label: string, r: { ms: number; cpuMs: number }) =>
    `   ${label.padEnd(44)} ${fmt((n * 1000) / r.ms, 1).padStart(7)} articles/s   CPU ${fmt(r.cpuMs / n, 1).padStart(5)} ms/article`;
  for (const jobs of [...new Set([1, CORES])]) {
    const analysis = wholeProcess(['extract', '--jsonl', input, '--jobs', String(jobs)]);
    const db = join(dir, `ingest-${jobs}.db`);
    firstDb ||= db;
    const ingest = wholeProcess(['ingest', '--jsonl', input, '--db', db, '--jobs', String(jobs)]);
    rates.set(`ingest ${jobs}`, n / ingest.ms);
    console.log(line(`--jobs ${jobs}: extract --jsonl (bare analysis)`, analysis));
    console.log(line(`--jobs ${jobs}: ingest --jsonl`, ingest));
    console.log(`   --jobs ${jobs}: ingest / analysis                    wall ${fmt(analysis.ms / ingest.ms, 2)}x, CPU ${fmt(analysis.cpuMs / ingest.cpuMs, 2)}x  (target >= 0.80)`);
  }
  if (CORES !== 1) console.log(`   ingest --jobs ${CORES} / ingest --jobs 1 (wall)          ${fmt(rates.get(`ingest ${CORES}`)! / rates.get('ingest 1')!, 2)}x`);
  await storeCost(firstDb);
}

/** The store's cost per article on analyses already made: preparing them, then writing them in batches. */
async function storeCost(db: string): Promise<void> {
  const stored = new Database(db, { readonly: true });
  const rows = stored.prepare('SELECT id, url, outlet, title, published_at, text, source_hash, analysis FROM articles ORDER BY pk').all() as Record<string, string | null>[];
  stored.close();
  const items = rows.map((r) => {
    const article: ArticleRecord = {
      id: r.id!,
      text: r.text!,
      sourceHash: r.source_hash!,
      ...(r.url !== null && { url: r.url }),
      ...(r.outlet !== null && { outlet: r.outlet }),
      ...(r.title !== null && { title: r.title }),
      ...(r.published_at !== null && { publishedAt: r.published_at }),
    };
    return { article, analysis: JSON.parse(r.analysis!) as Analysis };
  });
  const rounds = 3;
  const best = { prepare: { ms: Infinity, cpuMs: Infinity }, write: { ms: Infinity, cpuMs: Infinity } };
  let inStore = { peopleMs: 0, groupingMs: 0, peopleCpuMs: 0, groupingCpuMs: 0 };
  for (let round = 0; round < rounds; round++) {
    let [started, cpu] = [performance.now(), cpuMs()];
    const prepared: PreparedArticle[] = items.map(prepareArticle);
    best.prepare = { ms: Math.min(best.prepare.ms, performance.now() - started), cpuMs: Math.min(best.prepare.cpuMs, cpuMs() - cpu) };
    const store = openSqliteStore(join(dir, `store-${round}.db`), { cpuTimings: true });
    [started, cpu] = [performance.now(), cpuMs()];
    for (let i = 0; i < prepared.length; i += 64) await store.ingest(prepared.slice(i, i + 64));
    const ms = performance.now() - started;
    if (ms < best.write.ms) inStore = { ...store.timings };
    best.write = { ms: Math.min(best.write.ms, ms), cpuMs: Math.min(best.write.cpuMs, cpuMs() - cpu) };
    await store.close();
  }
  const per = (ms: number) => fmt(ms / items.length, 2).padStart(5);
  console.log(`   the store, per article (${fmt(items.length)} analyses as the --jobs 1 ingest stored them, best of ${rounds}, in this process):`);
  console.log(`     preparing (in the worker threads)      ${per(best.prepare.ms)} ms (CPU ${per(best.prepare.cpuMs)} ms)   rows, name keys, band keys, the analysis as JSON`);
  console.log(
    `     writing (the thread that owns the db)  ${per(best.write.ms)} ms (CPU ${per(best.write.cpuMs)} ms)   batches of 64, one transaction each; of its wall time people ${per(inStore.peopleMs)}, grouping ${per(inStore.groupingMs)}`,
  );
}

/** The fixed queries: single words, phrases, speaker-filtered, date-filtered. */
const QUERIES: { label: string; query: string; filters?: Filters }[] = [
  { label: 'word', query: 'ferry' },
  { label: 'word', query: 'taxpayers' },
  { label: 'word', query: 'stadium' },
  { label: 'two words', query: 'seawall retirees' },
  { label: 'phrase', query: '"before the holidays"' },
  { label: 'phrase', query: '"nobody asked the pilots"' },
  { label: 'exclusion', query: 'budget -reckless' },
  { label: 'speaker', query: 'bridge', filters: { speaker: 'Ana Ashby' } },
  { label: 'speaker', query: 'harbor', filters: { speaker: 'Calford' } },
  { label: 'dates', query: 'library', filters: { from: '2016-01-01', to: '2016-03-31' } },
  { label: 'dates', query: '"by the spring"', filters: { from: '2017-06-01', to: '2017-06-30' } },
  { label: 'outlet', query: 'tunnel', filters: { outlet: 'Harbor Wire' } },
];

async function searchLatency(store: SqliteStore): Promise<{ p50: number; p95: number; p99: number; cpuP95: number; worst: string; byLabel: string; capped: string }> {
  const times: number[] = [];
  const capped = new Map<string, string>();
  const cpuTimes: number[] = [];
  const byQuery = new Map<string, number>();
  const byLabel = new Map<string, number[]>();
  for (let round = 0; round < 10; round++) {
    for (const q of QUERIES) {
      const [started, cpu] = [performance.now(), cpuMs()];
      const result = await store.search(q.query, q.filters);
      const ms = performance.now() - started;
      if (result.capped) capped.set(q.query, `${q.query} (${fmt(result.matches ?? 0)} matches)`);
      times.push(ms);
      cpuTimes.push(cpuMs() - cpu);
      const key = `${q.query}${q.filters ? ' ' + JSON.stringify(q.filters) : ''}`;
      byQuery.set(key, Math.max(byQuery.get(key) ?? 0, ms));
      byLabel.set(q.label, [...(byLabel.get(q.label) ?? []), ms]);
    }
  }
  const worst = [...byQuery].sort((a, b) => b[1] - a[1])[0];
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    cpuP95: percentile(cpuTimes, 95),
    worst: `${worst[0]} (${fmt(worst[1], 1)} ms)`,
    byLabel: [...byLabel].map(([label, ms]) => `${label} ${fmt(percentile(ms, 95), 1)}`).join(', '),
    capped: capped.size === 0 ? 'none' : [...capped.values()].join(', '),
  };
}

function fileBytes(db: string): number {
  return [db, `${db}-wal`, `${db}-shm`].filter(existsSync).reduce((sum, f) => sum + statSync(f).size, 0);
}

async function scale(): Promise<void> {
  console.log(`\n2. Scale: pre-analysed synthetic articles from the team's own templates and word lists (the analyses their templates imply, not run through the engine, no third-party text), up to ${fmt(TARGET)} attributions`);
  const db = values.keep ?? join(dir, 'scale.db');
  const store = openSqliteStore(db, { cpuTimings: true });
  const BATCH = 500;
  const WINDOW = 1000;
  // a kept corpus (--keep FILE) goes on from where it stopped: article n is the same on every run
  const resumed = await store.counts();
  let n = resumed.articles;
  let attributions = resumed.attributions;
  if (n > 0) console.log(`   going on from the kept corpus ${db}: ${fmt(n)} articles, ${fmt(attributions)} attributions`);
  const started = performance.now();
  const batchOf = (count: number) =>
    Array.from({ length: count }, () => {
      const article = syntheticArticle(n++);
      const analysis = syntheticAnalysis(article);
      attributions += analysis.attributions.length;
      return prepareArticle({ article: { id: article.id, outlet: article.outlet, title: article.title, url: article.url, publishedAt: article.publishedAt, text: article.text, sourceHash: hashText(article.text) }, analysis });
    });
  console.log('   store ms/article: the wall clock and (after /) this process\'s CPU time, each as all (people matching, copy grouping)');
  console.log('   attributions   articles   store ms/article wall / CPU                           search p50 / p95 / p99 ms   bytes/attribution   peak RSS');
  for (const checkpoint of CHECKPOINTS.filter((c, i) => c > attributions || i === CHECKPOINTS.length - 1)) {
    while (attributions < checkpoint) await store.ingest(batchOf(BATCH));
    // the cost per article measured on the next WINDOW articles, in batches as ingest makes them
    const before = { ...store.timings };
    const [windowStarted, windowCpu] = [performance.now(), cpuMs()];
    for (let i = 0; i < WINDOW / BATCH; i++) await store.ingest(batchOf(BATCH));
    const per = (ms: number) => fmt(ms / WINDOW, 3);
    const cost =
      `${per(performance.now() - windowStarted)} (${per(store.timings.peopleMs - before.peopleMs)}, ${per(store.timings.groupingMs - before.groupingMs)}) / ` +
      `${per(cpuMs() - windowCpu)} (${per(store.timings.peopleCpuMs - before.peopleCpuMs)}, ${per(store.timings.groupingCpuMs - before.groupingCpuMs)})`;
    const search = await searchLatency(store);
    store.checkpoint();
    const bytes = fileBytes(db) / attributions;
    console.log(
      `   ${fmt(attributions).padStart(12)}   ${fmt(n).padStart(8)}   ${cost}`.padEnd(88) +
        `${fmt(search.p50, 1)} / ${fmt(search.p95, 1)} / ${fmt(search.p99, 1)}`.padEnd(28) +
        `${fmt(bytes)}`.padEnd(20) +
        mb(peakRss()),
    );
    console.log(`                  search p95 by kind, ms: ${search.byLabel}; p95 in CPU time ${fmt(search.cpuP95, 1)} ms (target p95 < 50 ms)`);
    console.log(`                  slowest query: ${search.worst}`);
    console.log(`                  queries whose matches passing the filters outnumber the ${fmt(RANKED_MATCHES)} ranked (the newest ranked): ${search.capped}`);
  }
  const counts = await store.counts();
  console.log(`   stored ${fmt(counts.articles)} articles, ${fmt(counts.attributions)} attributions, ${fmt(counts.people)} people, ${fmt(counts.sharedStatements)} statements with copies, in ${fmt((performance.now() - started) / 1000, 1)} s`);
  await store.close();
}

console.log('whosaid corpus benchmark. The machine may be shared: figures from a loaded machine are noisy');
if (!existsSync(join(PACKAGE_ROOT, 'dist', 'cli', 'main.js'))) {
  process.stderr.write('bench:corpus: dist/cli/main.js is missing; run npm run build first\n');
  process.exit(2);
}
try {
  if (!values['scale-only']) await ingestAgainstAnalysis();
  if (TARGET > 0) await scale();
  console.log(`\npeak RSS ${mb(peakRss())}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
