/**
 * Fleet benchmark (`npm run bench:fleet`): writes N typical synthetic news pages (bench-pages.ts) into a
 * gzipped WARC, starts a throwaway PostgreSQL cluster, and in one run measures
 *
 * - `whosaid extract --warc` on the archive (JSON lines to /dev/null), with 1 and 2 jobs;
 * - the fleet: `whosaid jobs add`, then W `whosaid worker --exit-when-idle` processes of T threads each
 *   (1×1, 2×1, 1×2 and 1×4), each configuration on a fresh database;
 *
 * each as whole processes (start-up included): articles per second, from the first process started to
 * the last one ended, and CPU time (user + system from /usr/bin/time, every thread; the database
 * server's from /proc), which the machine's load changes far less than wall time. Then the queue's and
 * the store's own cost as the workers time them (taking and acknowledging chunks; the ingest
 * transactions), per chunk and per article; the store alone in this process (store-cost.ts: round trips,
 * CPU of the worker and of the server, and with two writers at once the time spent waiting for the
 * ingest lock); the database's growth per article; and the inputs of the
 * arithmetic for a month of CC-NEWS.
 *
 *   npm run bench:fleet                  # 400 pages, chunks of 50
 *   npm run bench:fleet -- 1000 100      # other counts
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { WARCRecord, WARCSerializer } from 'warcio';
import { startCluster } from '../src/store/postgres/cluster.js';
import { pageHtml } from './bench-pages.js';
import { formatStoreCost, preparePages, serverCpuMs, storeCost } from './store-cost.js';

const pages = Number(process.argv[2] ?? 400);
const chunkSize = Number(process.argv[3] ?? 50);
/** The built command, as users run it (npm run bench:fleet builds first): not the sources through tsx in every thread. */
const cli = fileURLToPath(new URL('../bin/whosaid.js', import.meta.url));

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

/** Runs `whosaid ARGS` under /usr/bin/time; resolves with its stdout and its CPU time (user + system, ms, its threads included), or rejects with its stderr. */
function whosaid(args: string[]): Promise<{ stdout: string; cpuMs: number }> {
  const timeFile = join(folder, `time-${timeFiles++}`);
  const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, process.execPath, cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`whosaid ${args[0]} exited ${code}: ${stderr.slice(-2000)}`));
      const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
      resolve({ stdout, cpuMs: (user + system) * 1000 });
    }),
  );
}

interface Summary {
  chunks: number;
  articles: number;
  queueMs: number;
  storeMs: number;
}

const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const MONTH = 10_000_000;

const folder = mkdtempSync(join(tmpdir(), 'whosaid-bench-fleet-'));
let timeFiles = 0;
const cluster = await startCluster();
try {
  const file = join(folder, 'bench.warc.gz');
  await writeArchive(file);
  console.log(`${pages} typical pages, chunks of ${chunkSize}, ${cpus().length} cores, load average ${load()} at the start; whole processes, start-up included; CPU = user + system`);

  const extract: Record<number, { ms: number; cpuMs: number }> = {};
  for (const jobs of [1, 2]) {
    const start = performance.now();
    const { cpuMs } = await whosaid(['extract', '--warc', file, '--format', 'jsonl', '--jobs', String(jobs)]);
    const ms = performance.now() - start;
    extract[jobs] = { ms, cpuMs };
    console.log(`extract --warc --jobs ${jobs}: ${rate(pages, ms)} articles/s; CPU ${(cpuMs / pages).toFixed(1)} ms an article`);
  }

  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  let base: number | undefined;
  let single: { cpuMs: number; serverMs: number; queueMs: number; storeMs: number; chunks: number; corpusBytes: number; databaseBytes: number } | undefined;
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
      const server = serverCpuMs(cluster);
      const start = performance.now();
      const outputs = await Promise.all(Array.from({ length: workers }, () => whosaid(['worker', '--db', url, '--concurrency', String(threads), '--exit-when-idle', '--format', 'json'])));
      const ms = performance.now() - start;
      const serverMs = serverCpuMs(cluster) - server;
      const summaries = outputs.map((o) => JSON.parse(o.stdout) as Summary);
      const cpuMs = outputs.reduce((n, o) => n + o.cpuMs, 0);
      const articles = summaries.reduce((n, s) => n + s.articles, 0);
      const chunks = summaries.reduce((n, s) => n + s.chunks, 0);
      const queueMs = summaries.reduce((n, s) => n + s.queueMs, 0);
      const storeMs = summaries.reduce((n, s) => n + s.storeMs, 0);
      if (articles !== pages) throw new Error(`${workers}×${threads}: ${articles} articles stored, expected ${pages}`);
      const speed = articles / (ms / 1000);
      base ??= speed;
      console.log(
        `fleet ${workers} worker${workers === 1 ? '' : 's'} × ${threads} thread${threads === 1 ? '' : 's'}: ${speed.toFixed(1)} articles/s (${(speed / base).toFixed(2)}× 1×1); ` +
        `CPU ${(cpuMs / articles).toFixed(1)} ms an article in the workers + ${(serverMs / articles).toFixed(1)} in the database server; jobs add ${addMs.toFixed(0)} ms; ` +
        `queue ${(queueMs / chunks).toFixed(1)} ms/chunk, ${(queueMs / articles).toFixed(2)} ms/article; store ${(storeMs / chunks).toFixed(0)} ms/chunk, ${(storeMs / articles).toFixed(2)} ms/article (wall, as the workers time them)`,
      );
      if (workers === 1 && threads === 1) {
        const { rows: [size] } = await admin.query<{ size: string }>('SELECT pg_database_size($1) AS size', [database]);
        const corpus = new pg.Client({ connectionString: url });
        await corpus.connect();
        const { rows: [tables] } = await corpus.query<{ size: string }>(
          `SELECT sum(pg_total_relation_size(c.oid)) AS size FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public'`,
        );
        await corpus.end();
        single = { cpuMs, serverMs, queueMs, storeMs, chunks, corpusBytes: Number(tables.size), databaseBytes: Number(size.size) - Number(empty.size) };
        console.log(
          `  database: ${(single.databaseBytes / articles / 1024).toFixed(1)} KiB per article above an empty database (queue, chunks, corpus); ` +
          `the corpus's tables with their indexes and TOAST ${(single.corpusBytes / articles / 1024).toFixed(1)} KiB per article`,
        );
      }
    }
  } finally {
    await admin.end();
  }

  // the store alone, in this process, on the same page model: round trips and CPU, worker and server
  const { prepared, cpuMs: analysisCpuMs } = await preparePages(pages);
  const alone = { analysisCpuMs, ...(await storeCost(cluster, 'bench_store', prepared, chunkSize)) };
  console.log(formatStoreCost(alone));
  // two writers at once, storing back to back (no analysis between their chunks): how long they wait on the ingest lock
  console.log(formatStoreCost({ analysisCpuMs, ...(await storeCost(cluster, 'bench_store_2', prepared, chunkSize, 2)) }));

  const s = single!;
  const analysis = extract[1];
  const added = s.cpuMs + s.serverMs - analysis.cpuMs;
  console.log(
    `queue and store against the analysis, per article: wall ${((s.queueMs + s.storeMs) / pages).toFixed(2)} ms (the workers' timing, overlapped with the next chunk's analysis) = ` +
    `${((100 * (s.queueMs + s.storeMs)) / analysis.ms).toFixed(1)}% of extract --jobs 1's ${(analysis.ms / pages).toFixed(1)} ms; ` +
    `CPU: fleet 1×1 (worker + database server) ${((s.cpuMs + s.serverMs) / pages).toFixed(1)} ms against extract --jobs 1's ${(analysis.cpuMs / pages).toFixed(1)} ms = ${added >= 0 ? '+' : ''}${((100 * added) / analysis.cpuMs).toFixed(1)}%; ` +
    `the store alone ${(alone.nodeCpuMs + alone.serverCpuMs).toFixed(2)} ms = ${((100 * (alone.nodeCpuMs + alone.serverCpuMs)) / (analysis.cpuMs / pages)).toFixed(1)}% of extract's CPU`,
  );
  const hours = (msPerArticle: number) => ((msPerArticle * MONTH) / 3_600_000).toFixed(0);
  console.log(
    `a month of CC-NEWS (${MONTH.toLocaleString('en-US')} pages), from these figures: analysis (extract --jobs 1, CPU) ${hours(analysis.cpuMs / pages)} core-hours; ` +
    `the fleet (1×1: worker + database server, CPU) ${hours((s.cpuMs + s.serverMs) / pages)} core-hours, of which the database server ${hours(s.serverMs / pages)}; ` +
    `corpus ${((s.corpusBytes / pages) * MONTH / 1024 ** 3).toFixed(0)} GiB (tables, indexes, TOAST)`,
  );
  console.log(`load average ${load()} at the end`);
} finally {
  await cluster.stop();
  rmSync(folder, { recursive: true, force: true });
}
