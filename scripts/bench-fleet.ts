/**
 * Fleet benchmark (`npm run bench:fleet`): writes N typical synthetic news pages (bench-pages.ts) into a
 * gzipped WARC, starts a throwaway PostgreSQL cluster, and in one run measures articles per second of
 *
 * - `whosaid extract --warc` on the archive (JSON lines to /dev/null), with 1 and 2 jobs;
 * - the fleet: `whosaid jobs add`, then W `whosaid worker --exit-when-idle` processes of T threads each
 *   (1×1, 2×1, 1×2 and 1×4), each configuration on a fresh database;
 *
 * each as whole processes (start-up included), from the first process started to the last one ended;
 * then the queue's and the store's own cost, as the workers report it (taking and acknowledging chunks;
 * the ingest transactions), per chunk and per article, next to the cost of analysis per article, and the
 * database's growth per article.
 *
 *   npm run bench:fleet                  # 400 pages, chunks of 50
 *   npm run bench:fleet -- 1000 100      # other counts
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { WARCRecord, WARCSerializer } from 'warcio';
import { startCluster } from '../src/store/postgres/cluster.js';
import { pageHtml } from './bench-pages.js';

const pages = Number(process.argv[2] ?? 400);
const chunkSize = Number(process.argv[3] ?? 50);
const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

async function* bytesOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function writeArchive(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (let n = 0; n < pages; n++) {
    const record = WARCRecord.create({
      url: `https://news.example/${n}`, date: '2021-03-03T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1',
      httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK',
    }, bytesOf(new TextEncoder().encode(pageHtml('typical', n))));
    if (!out.write(await WARCSerializer.serialize(record, { gzip: true }))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs `whosaid ARGS`; resolves with its stdout, or rejects with its stderr. */
function whosaid(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`whosaid ${args[0]} exited ${code}: ${stderr.slice(-2000)}`)))));
}

interface Summary {
  chunks: number;
  articles: number;
  queueMs: number;
  storeMs: number;
}

const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);

const folder = mkdtempSync(join(tmpdir(), 'whosaid-bench-fleet-'));
const cluster = await startCluster();
try {
  const file = join(folder, 'bench.warc.gz');
  await writeArchive(file);
  console.log(`${pages} typical pages, chunks of ${chunkSize}, ${cpus().length} cores; whole processes, start-up included`);

  const perArticle: Record<string, number> = {};
  for (const jobs of [1, 2]) {
    const start = performance.now();
    await whosaid(['extract', '--warc', file, '--format', 'jsonl', '--jobs', String(jobs)]);
    const ms = performance.now() - start;
    perArticle[`extract ${jobs}`] = ms / pages;
    console.log(`extract --warc --jobs ${jobs}: ${rate(pages, ms)} articles/s`);
  }

  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  let base: number | undefined;
  try {
    await admin.query('CREATE DATABASE bench_empty');
    const { rows: [empty] } = await admin.query<{ size: string }>("SELECT pg_database_size('bench_empty') AS size");
    for (const [workers, threads] of [[1, 1], [2, 1], [1, 2], [1, 4]]) {
      const database = `bench_${workers}x${threads}`;
      await admin.query(`CREATE DATABASE ${database}`);
      const url = cluster.url.replace(/\/postgres$/, `/${database}`);
      const addStart = performance.now();
      await whosaid(['jobs', 'add', file, '--db', url, '--chunk-size', String(chunkSize)]);
      const addMs = performance.now() - addStart;
      const start = performance.now();
      const outputs = await Promise.all(Array.from({ length: workers }, () => whosaid(['worker', '--db', url, '--concurrency', String(threads), '--exit-when-idle', '--format', 'json'])));
      const ms = performance.now() - start;
      const summaries = outputs.map((o) => JSON.parse(o) as Summary);
      const articles = summaries.reduce((n, s) => n + s.articles, 0);
      const chunks = summaries.reduce((n, s) => n + s.chunks, 0);
      const queueMs = summaries.reduce((n, s) => n + s.queueMs, 0);
      const storeMs = summaries.reduce((n, s) => n + s.storeMs, 0);
      if (articles !== pages) throw new Error(`${workers}×${threads}: ${articles} articles stored, expected ${pages}`);
      const speed = articles / (ms / 1000);
      base ??= speed;
      console.log(
        `fleet ${workers} worker${workers === 1 ? '' : 's'} × ${threads} thread${threads === 1 ? '' : 's'}: ${speed.toFixed(1)} articles/s (${(speed / base).toFixed(2)}× 1×1); ` +
        `jobs add ${addMs.toFixed(0)} ms; queue ${(queueMs / chunks).toFixed(1)} ms/chunk, ${(queueMs / articles).toFixed(2)} ms/article; ` +
        `store ${(storeMs / chunks).toFixed(0)} ms/chunk, ${(storeMs / articles).toFixed(2)} ms/article`,
      );
      if (workers === 1 && threads === 1) {
        const analysis = perArticle['extract 1'];
        console.log(`  queue and store per article against extract's whole cost per article (${analysis.toFixed(1)} ms): ${((100 * (queueMs + storeMs)) / articles / analysis).toFixed(1)}%`);
        const { rows: [size] } = await admin.query<{ size: string }>('SELECT pg_database_size($1) AS size', [database]);
        const corpus = new pg.Client({ connectionString: url });
        await corpus.connect();
        const { rows: [tables] } = await corpus.query<{ size: string }>(
          `SELECT sum(pg_total_relation_size(c.oid)) AS size FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public'`,
        );
        await corpus.end();
        console.log(
          `  database: ${((Number(size.size) - Number(empty.size)) / articles / 1024).toFixed(1)} KiB per article above an empty database (queue, chunks, corpus); ` +
          `the corpus's tables with their indexes and TOAST ${(Number(tables.size) / articles / 1024).toFixed(1)} KiB per article`,
        );
      }
    }
  } finally {
    await admin.end();
  }
} finally {
  await cluster.stop();
  rmSync(folder, { recursive: true, force: true });
}
