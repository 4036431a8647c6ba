/**
 * A fleet worker: takes chunks from the queue, reads their records, analyses the articles and makes them
 * ready to store on worker threads (src/parallel/prepare-in-order.ts: one pool for the worker's whole
 * life, fed chunk after chunk, so threads load their model once), and stores each chunk's articles and
 * its done mark in one transaction (the store's `within` step) while the threads analyse the next chunk.
 * The database is the truth: a chunk delivered again after it is done is acknowledged and changes
 * nothing; a worker killed at any point leaves its chunk not done, and the queue gives it to another
 * worker when its time runs out. A connection lost for a moment (a database restart) is waited out.
 * Aborting `signal` (SIGTERM) finishes the chunks taken and returns.
 */
import type { PoolClient } from 'pg';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { warcEvent } from '../cli/corpus/inputs.js';
import { prepareInOrder, type IngestJob } from '../parallel/prepare-in-order.js';
import type { PreparedArticle } from '../store/prepare.js';
import { ChunkAlreadyDone, markDone, recordFailure, takeChunk, type ChunkRow } from './chunk-state.js';
import { openQueue, QUEUE, type ChunkJob } from './queue.js';
import { readChunk } from './read-chunk.js';
import { pause, retrying } from './retry.js';
import { migrateFleet } from './schema.js';

/** The part of a store a worker writes through: an ingest that runs a step inside its transaction. */
export interface ChunkStore {
  ingest(items: readonly PreparedArticle[], options: { within: (client: PoolClient) => Promise<void> }): Promise<unknown>;
  close(): Promise<void>;
}

/** Where a worker stops and waits forever, for the fault tests: after analysing a chunk, or after committing it. */
export type PausePoint = 'before-commit' | 'before-ack';

/** How a worker runs. */
export interface WorkerOptions {
  /** The database of the corpus, the chunks and the queue: `postgres://…`. */
  url: string;
  /** Worker threads analysing articles (default 1), beside the worker's own thread, which stores. */
  concurrency?: number;
  /** Return once the queue holds no job, waiting or running (default: wait for work forever). */
  exitWhenIdle?: boolean;
  /** Opens the store the articles go to. */
  openStore: (url: string) => Promise<ChunkStore>;
  /** Stops taking chunks; the chunks taken are finished first. */
  signal?: AbortSignal;
  /** Told one line for each chunk and each problem. */
  log?: (line: string) => void;
  /** How often an idle worker asks the queue again, in milliseconds (default 1000). */
  pollMs?: number;
  /** The largest page read (default: the WARC reader's, 5 MB). */
  maxBytes?: number;
  /** A test hook: where to stop and wait forever (the fault tests kill the process there). */
  pauseAt?: PausePoint;
}

/** What a worker did. */
export interface WorkerSummary {
  /** Chunks this worker stored and marked done. */
  chunks: number;
  articles: number;
  /** Chunks delivered that were done already: acknowledged, nothing changed. */
  alreadyDone: number;
  /** Attempts that failed (the chunk is retried by the queue, or failed for good on its last attempt). */
  failed: number;
  /** Milliseconds spent on the queue and the chunks' rows: taking jobs and chunks, acknowledging them. */
  queueMs: number;
  /** Milliseconds spent storing: each chunk's ingest transaction, its done mark and commit included. */
  storeMs: number;
}

/** A chunk being worked on: its job, its row, and what its records came to so far. */
interface Run {
  job: PgBoss.JobWithMetadata<ChunkJob>;
  chunk: ChunkRow;
  started: number;
  items: PreparedArticle[];
  skipped: number;
  /** Why the chunk could not be read. */
  error?: string;
}

/** A unit for the pool: an article of a run, or (without an item) the end of a run. */
interface WorkJob extends IngestJob {
  seq: number;
}

/** Runs until `signal` aborts, or, with `exitWhenIdle`, until the queue is empty. */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const log = options.log ?? (() => undefined);
  const pollMs = options.pollMs ?? 1000;
  const signal = options.signal ?? new AbortController().signal;
  const summary: WorkerSummary = { chunks: 0, articles: 0, alreadyDone: 0, failed: 0, queueMs: 0, storeMs: 0 };
  const timed = async <T>(field: 'queueMs' | 'storeMs', operation: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await operation();
    } finally {
      summary[field] += performance.now() - start;
    }
  };
  const retry = <T>(what: string, operation: () => Promise<T>) => retrying(operation, { onRetry: (error) => log(`${what}: ${messageOf(error)}; trying again`) });

  const pool = new pg.Pool({ connectionString: options.url, max: 2 });
  // a connection that drops while idle is replaced on next use; the error itself needs no handling
  pool.on('error', () => undefined);
  const boss = await retry('connecting', async () => {
    const client = await pool.connect();
    // a connection the server drops while checked out fails the statement; its event must not crash the worker
    const lost = () => undefined;
    client.on('error', lost);
    try {
      await migrateFleet(client);
    } finally {
      client.off('error', lost);
      client.release();
    }
    return openQueue(options.url, { supervise: true });
  });
  boss.on('error', (error: Error) => log(`queue: ${error.message}`));
  const store = await retry('opening the store', () => options.openStore(options.url)).catch(async (error: unknown) => {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw error;
  });

  /** The run each job in the pool belongs to, by the job's `seq`. */
  const runs = new Map<number, Run>();

  /** The next chunk to work on, or undefined when the worker is to stop. */
  async function nextRun(): Promise<Run | undefined> {
    while (!signal.aborted) {
      let job: PgBoss.JobWithMetadata<ChunkJob> | undefined;
      try {
        [job] = await timed('queueMs', () => boss.fetch<ChunkJob>(QUEUE, { batchSize: 1, includeMetadata: true }));
      } catch (error) {
        log(`queue: ${messageOf(error)}`);
        await pause(pollMs, signal);
        continue;
      }
      if (!job) {
        if (options.exitWhenIdle && (await retry('checking the queue', () => isIdle(boss)))) return undefined;
        await pause(pollMs, signal);
        continue;
      }
      const taken = job;
      const chunk = await timed('queueMs', () => retry('taking a chunk', () => takeChunk(pool, taken.data.key)));
      if (!chunk) {
        summary.alreadyDone++;
        log(`chunk ${shortKey(taken.data.key)} is done already (or unknown): acknowledged`);
        await acknowledge(taken);
        continue;
      }
      return { job: taken, chunk, started: performance.now(), items: [], skipped: 0 };
    }
    return undefined;
  }

  async function* feed(): AsyncGenerator<WorkJob> {
    let seq = 0;
    for (let run = await nextRun(); run; run = await nextRun()) {
      try {
        for await (const record of readChunk(run.chunk.archive, run.chunk.range, { ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }) })) {
          const event = warcEvent(run.chunk.archive, record, undefined);
          if (!event.ok) {
            run.skipped++;
            continue;
          }
          runs.set(seq, run);
          yield { seq: seq++, item: event.item };
        }
      } catch (error) {
        run.error = `cannot read ${run.chunk.archive}: ${messageOf(error)}`;
      }
      runs.set(seq, run);
      yield { seq: seq++ };
    }
  }

  async function acknowledge(job: PgBoss.Job<ChunkJob>): Promise<void> {
    // not acknowledged: the job runs out of time and comes back, and finds the chunk done
    await timed('queueMs', () => retry('acknowledging', () => boss.complete(QUEUE, job.id))).catch((error) => log(`acknowledging ${shortKey(job.data.key)}: ${messageOf(error)}`));
  }

  async function fail(run: Run, error: string): Promise<void> {
    summary.failed++;
    const last = run.job.retryCount >= run.job.retryLimit;
    log(`chunk ${shortKey(run.chunk.key)} failed${last ? ' for good' : ''}: ${error}`);
    await retry('recording a failure', () => recordFailure(pool, run.chunk.key, error, last));
    await retry('failing a job', () => boss.fail(QUEUE, run.job.id, { message: error })).catch((e) => log(`failing ${shortKey(run.chunk.key)}: ${messageOf(e)}`));
  }

  async function finish(run: Run): Promise<void> {
    if (run.error !== undefined) return fail(run, run.error);
    const analysisMs = performance.now() - run.started;
    if (options.pauseAt === 'before-commit') await waitForever(log, 'before-commit', run.chunk.key);
    const storeStart = performance.now();
    const result = () => ({ articles: run.items.length, skipped: run.skipped, analysisMs, storeMs: performance.now() - storeStart });
    let stored = true;
    try {
      await timed('storeMs', () => retry('storing', async () => {
        try {
          if (run.items.length === 0) await markDone(pool, run.chunk.key, result());
          else await store.ingest(run.items, { within: (client) => markDone(client, run.chunk.key, result()) });
        } catch (error) {
          if (!(error instanceof ChunkAlreadyDone)) throw error;
          stored = false;
        }
      }));
    } catch (error) {
      return fail(run, `cannot store: ${messageOf(error)}`);
    }
    if (stored) {
      summary.chunks++;
      summary.articles += run.items.length;
      log(`chunk ${shortKey(run.chunk.key)}: ${run.items.length} articles stored, ${run.skipped} records skipped, in ${Math.round(performance.now() - run.started)} ms`);
    } else {
      summary.alreadyDone++;
      log(`chunk ${shortKey(run.chunk.key)} was done by another worker meanwhile: nothing changed`);
    }
    if (options.pauseAt === 'before-ack') await waitForever(log, 'before-ack', run.chunk.key);
    await acknowledge(run.job);
  }

  // one chunk is stored while the threads analyse the next: its commit is awaited only when the next one ends
  let storing: Promise<void> = Promise.resolve();
  let storeFailure: { error: unknown } | undefined;
  const awaitStoring = async () => {
    await storing;
    if (storeFailure) throw storeFailure.error;
  };
  try {
    for await (const { job, outcome } of prepareInOrder(feed(), { jobs: options.concurrency ?? 1, threads: true })) {
      const run = runs.get(job.seq);
      runs.delete(job.seq);
      if (!run) continue;
      if (job.item === undefined) {
        await awaitStoring();
        storing = finish(run).catch((error: unknown) => void (storeFailure = { error }));
      } else if (outcome?.ok) run.items.push(outcome.prepared);
      else run.skipped++;
    }
    await awaitStoring();
  } finally {
    await storing;
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await store.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
  }
  return summary;
}

/** Whether the queue holds no job waiting or running, after jobs whose worker died and whose time ran out are given back. */
async function isIdle(boss: PgBoss): Promise<boolean> {
  await boss.expire();
  return (await boss.getQueueSize(QUEUE, { before: 'completed' })) === 0;
}

async function waitForever(log: (line: string) => void, point: PausePoint, key: string): Promise<never> {
  log(`paused ${point} ${shortKey(key)}`);
  // a timer keeps the process alive while it waits to be killed
  return new Promise<never>(() => setInterval(() => undefined, 60_000));
}

/** A chunk's key without the archive's hash beyond its first 12 digits. */
function shortKey(key: string): string {
  return key.replace(/^([0-9a-f]{12})[0-9a-f]+/, '$1');
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
