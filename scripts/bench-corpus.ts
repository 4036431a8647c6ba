/**
 * Corpus benchmark (`npm run bench:corpus`): synthetic articles from the team's own templates and word
 * lists (src/bench/synthetic-articles.ts), in two parts.
 *
 * 1. Ingest against analysis, on the same sample of articles in the same run: the bare analysis rate
 *    (reading each JSON line and analysing it with the real engine) beside the whole ingest (the same,
 *    and storing it in a fresh SQLite corpus). Target: ingest at least 0.8x the analysis rate.
 * 2. Scale: pre-analysed synthetic articles (the analysis their templates imply, built without the
 *    engine, so that a million attributions take minutes) stored in batches up to --attributions
 *    (default 1,000,000). At 10k, 100k and 1M attributions: the store's cost per article (all, people
 *    matching, copy grouping: flat means it does not grow with the corpus), search latency p50/p95/p99
 *    over fixed queries (words, phrases, speaker-filtered, date-filtered; target p95 < 50 ms), database
 *    bytes per attribution, and peak RSS.
 *
 *   npm run bench:corpus
 *   npm run bench:corpus -- --attributions 100000 --sample 200
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PassThrough, Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { syntheticAnalysis, syntheticArticle, syntheticLine } from '../src/bench/synthetic-articles.js';
import { percentile } from '../src/bench/percentile.js';
import { analyzeItem } from '../src/cli/corpus/analyze-item.js';
import { ingest } from '../src/cli/corpus/ingest.js';
import { readInputs } from '../src/cli/corpus/inputs.js';
import type { Io } from '../src/cli/io.js';
import { defaultServices } from '../src/cli/services.js';
import { prepareArticle } from '../src/store/prepare.js';
import { hashText } from '../src/store/rows.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Filters } from '../src/store/store.js';

const { values } = parseArgs({ options: { attributions: { type: 'string' }, sample: { type: 'string' }, keep: { type: 'string' } } });
const TARGET = Number(values.attributions ?? 1_000_000);
const SAMPLE = Number(values.sample ?? 300);
const CHECKPOINTS = [10_000, 100_000, 1_000_000].filter((c) => c <= TARGET);
if (!CHECKPOINTS.includes(TARGET)) CHECKPOINTS.push(TARGET);
const dir = mkdtempSync(join(tmpdir(), 'whosaid-bench-corpus-'));

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function quietIo(stdin: Readable): Io {
  const sink = new PassThrough();
  sink.resume();
  return { stdin, stdout: sink, stderr: sink, stdoutIsTTY: false, stderrIsTTY: false };
}

async function ingestAgainstAnalysis(): Promise<void> {
  const lines = Array.from({ length: SAMPLE }, (_, n) => syntheticLine(syntheticArticle(5_000_000 + n))).join('\n') + '\n';
  const services = defaultServices();
  await services.analyzeArticle({ text: 'Mayor Ana Ruiz said the bridge would open.' }); // load the model first
  const rounds = 2;
  let analysisMs = Infinity;
  let ingestMs = Infinity;
  let attributions = 0;
  let inStore = { peopleMs: 0, groupingMs: 0, storeMs: 0 };
  for (let round = 0; round < rounds; round++) {
    let started = performance.now();
    for await (const event of readInputs({ inputs: ['-'], jsonl: true }, quietIo(Readable.from([lines])), services)) {
      if (event.ok) await analyzeItem(event.item, services);
    }
    analysisMs = Math.min(analysisMs, performance.now() - started);
    const db = join(dir, `sample-${round}.db`);
    const store = openSqliteStore(db);
    const storing = { ms: 0 };
    const timed: typeof store = Object.create(store);
    timed.ingest = async (items) => {
      const t = performance.now();
      const outcome = await store.ingest(items);
      storing.ms += performance.now() - t;
      return outcome;
    };
    started = performance.now();
    const summary = await ingest({ inputs: ['-'], jsonl: true, format: 'text' }, timed, quietIo(Readable.from([lines])), services);
    const ms = performance.now() - started;
    if (ms < ingestMs) inStore = { ...store.timings, storeMs: storing.ms };
    ingestMs = Math.min(ingestMs, ms);
    attributions = summary.attributions;
    await store.close();
  }
  const analysisRate = (SAMPLE * 1000) / analysisMs;
  const ingestRate = (SAMPLE * 1000) / ingestMs;
  console.log(`\n1. Ingest against analysis: ${SAMPLE} articles analysed by the real engine, best of ${rounds} rounds`);
  console.log(`   analysis only (read + analyse)      ${fmt(analysisRate, 1)} articles/s   ${fmt((attributions * 1000) / analysisMs)} attributions/s`);
  console.log(`   ingest (read + analyse + store)     ${fmt(ingestRate, 1)} articles/s   ${fmt((attributions * 1000) / ingestMs)} attributions/s`);
  console.log(`   ingest / analysis                   ${fmt(ingestRate / analysisRate, 2)}x  (target >= 0.80)`);
  console.log(`   inside the store                    ${fmt(inStore.storeMs / SAMPLE, 2)} ms/article (people ${fmt(inStore.peopleMs / SAMPLE, 2)}, grouping ${fmt(inStore.groupingMs / SAMPLE, 2)})`);
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

async function searchLatency(store: SqliteStore): Promise<{ p50: number; p95: number; p99: number; worst: string }> {
  const times: number[] = [];
  const byQuery = new Map<string, number>();
  for (let round = 0; round < 10; round++) {
    for (const q of QUERIES) {
      const started = performance.now();
      await store.search(q.query, q.filters);
      const ms = performance.now() - started;
      times.push(ms);
      const key = `${q.query}${q.filters ? ' ' + JSON.stringify(q.filters) : ''}`;
      byQuery.set(key, Math.max(byQuery.get(key) ?? 0, ms));
    }
  }
  const worst = [...byQuery].sort((a, b) => b[1] - a[1])[0];
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), worst: `${worst[0]} (${fmt(worst[1], 1)} ms)` };
}

function fileBytes(db: string): number {
  return [db, `${db}-wal`, `${db}-shm`].filter(existsSync).reduce((sum, f) => sum + statSync(f).size, 0);
}

async function scale(): Promise<void> {
  console.log(`\n2. Scale: pre-analysed synthetic articles (the analyses their templates imply, not run through the engine), up to ${fmt(TARGET)} attributions`);
  const db = values.keep ?? join(dir, 'scale.db');
  const store = openSqliteStore(db);
  const BATCH = 500;
  const WINDOW = 1000;
  let n = 0;
  let attributions = 0;
  const started = performance.now();
  const batchOf = (count: number) =>
    Array.from({ length: count }, () => {
      const article = syntheticArticle(n++);
      const analysis = syntheticAnalysis(article);
      attributions += analysis.attributions.length;
      return prepareArticle({ article: { id: article.id, outlet: article.outlet, title: article.title, url: article.url, publishedAt: article.publishedAt, text: article.text, sourceHash: hashText(article.text) }, analysis });
    });
  console.log('   attributions   articles   store ms/article (people, grouping)   search p50 / p95 / p99 ms   bytes/attribution   peak RSS');
  for (const checkpoint of CHECKPOINTS) {
    while (attributions < checkpoint) await store.ingest(batchOf(BATCH));
    // the cost per article measured on the next WINDOW articles, in batches as ingest makes them
    const before = { ...store.timings };
    const windowStarted = performance.now();
    for (let i = 0; i < WINDOW / BATCH; i++) await store.ingest(batchOf(BATCH));
    const perArticle = (performance.now() - windowStarted) / WINDOW;
    const people = (store.timings.peopleMs - before.peopleMs) / WINDOW;
    const grouping = (store.timings.groupingMs - before.groupingMs) / WINDOW;
    const search = await searchLatency(store);
    store.checkpoint();
    const bytes = fileBytes(db) / attributions;
    console.log(
      `   ${fmt(attributions).padStart(12)}   ${fmt(n).padStart(8)}   ${fmt(perArticle, 3)} (${fmt(people, 3)}, ${fmt(grouping, 3)})`.padEnd(72) +
        `${fmt(search.p50, 1)} / ${fmt(search.p95, 1)} / ${fmt(search.p99, 1)}`.padEnd(28) +
        `${fmt(bytes)}`.padEnd(20) +
        mb(peakRss()),
    );
    console.log(`                  slowest query: ${search.worst}`);
  }
  const counts = await store.counts();
  console.log(`   stored ${fmt(counts.articles)} articles, ${fmt(counts.attributions)} attributions, ${fmt(counts.people)} people, ${fmt(counts.sharedStatements)} statements with copies, in ${fmt((performance.now() - started) / 1000, 1)} s`);
  await store.close();
}

console.log('whosaid corpus benchmark: synthetic articles from the team\'s own templates and word lists (src/bench/synthetic-articles.ts), no third-party text');
try {
  await ingestAgainstAnalysis();
  await scale();
  console.log(`\npeak RSS ${mb(peakRss())}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
