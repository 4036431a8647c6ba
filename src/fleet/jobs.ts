/**
 * The fleet's work list: adding archives (their chunks inserted, and a job sent only for a chunk not
 * known before, in one transaction), rebuilding a lost queue from the chunks not done, and the progress
 * read from `fleet.chunks`.
 */
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { planArchive, type ArchivePlan, type PlanOptions } from './plan.js';
import { keysWithJobs, openQueue, QUEUE, sendChunks } from './queue.js';
import { migrateFleet } from './schema.js';

/** What adding one archive did. */
export interface AddedArchive {
  path: string;
  sha256: string;
  chunks: number;
  /** Chunks not known before, each sent to the queue. */
  added: number;
  records: number;
}

/** How archives are added. */
export interface AddOptions extends PlanOptions {
  /** How long a worker may hold a chunk before the queue gives it to another (default 15 minutes). */
  timeoutSeconds?: number;
}

/** A connection to the fleet's database, its schema migrated, and pg-boss started on it. */
export interface FleetDb {
  client: pg.Client;
  boss: PgBoss;
  close(): Promise<void>;
}

/** Connects, migrates the `fleet` schema and starts the queue (without maintenance). */
export async function openFleetDb(url: string): Promise<FleetDb> {
  const client = new pg.Client({ connectionString: url });
  // a connection the server drops fails the statement running on it; the event itself must not crash the process
  client.on('error', () => undefined);
  await client.connect();
  try {
    await migrateFleet(client);
    const boss = await openQueue(url);
    return { client, boss, close: async () => { await boss.stop({ graceful: false, wait: true }); await client.end(); } };
  } catch (error) {
    await client.end();
    throw error;
  }
}

/** Inserts a planned archive's chunks; sends a job for each chunk inserted now. One transaction. */
async function addPlan(db: FleetDb, plan: ArchivePlan, options: Pick<AddOptions, 'timeoutSeconds'> = {}): Promise<AddedArchive> {
  const { client } = db;
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ key: string }>(
      `INSERT INTO fleet.chunks (key, archive, archive_sha256, range_kind, range_start, range_end, first_record, records)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::int[], $8::int[])
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [
        plan.chunks.map((c) => c.key),
        plan.chunks.map(() => plan.path),
        plan.chunks.map(() => plan.sha256),
        plan.chunks.map((c) => c.range.kind),
        plan.chunks.map((c) => c.range.start),
        plan.chunks.map((c) => c.range.end ?? null),
        plan.chunks.map((c) => c.range.firstRecord),
        plan.chunks.map((c) => c.range.records),
      ],
    );
    await sendChunks(db.boss, client, rows.map((r) => r.key), options.timeoutSeconds);
    await client.query('COMMIT');
    const records = plan.chunks.reduce((n, c) => n + c.range.records, 0);
    return { path: plan.path, sha256: plan.sha256, chunks: plan.chunks.length, added: rows.length, records };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Plans each archive and adds its chunks. Adding an archive again (any path, same bytes) adds nothing. */
export async function addArchives(db: FleetDb, files: readonly string[], options: AddOptions = {}): Promise<AddedArchive[]> {
  const added: AddedArchive[] = [];
  for (const file of files) added.push(await addPlan(db, await planArchive(file, options), options));
  return added;
}

/** What rebuilding the queue did. */
export interface Rebuilt {
  /** Chunks not done (pending or failed). */
  notDone: number;
  /** Jobs sent: one for each chunk not done that had no job waiting or running. */
  sent: number;
}

/**
 * Sends a job for every chunk not done that has none waiting or running (a lost or purged queue, a
 * job that ran out of retries); failed chunks become pending again.
 */
export async function rebuildQueue(db: FleetDb, options: Pick<AddOptions, 'timeoutSeconds'> = {}): Promise<Rebuilt> {
  const { client } = db;
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ key: string }>(`SELECT key FROM fleet.chunks WHERE state <> 'done' ORDER BY key FOR UPDATE`);
    const keys = rows.map((r) => r.key);
    const live = await keysWithJobs(client, keys);
    const missing = keys.filter((k) => !live.has(k));
    await client.query(`UPDATE fleet.chunks SET state = 'pending' WHERE state = 'failed'`);
    await sendChunks(db.boss, client, missing, options.timeoutSeconds);
    await client.query('COMMIT');
    return { notDone: keys.length, sent: missing.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The fleet's progress, as `whosaid jobs status` prints it. */
export interface FleetStatus {
  archives: number;
  chunks: number;
  done: number;
  failed: number;
  pending: number;
  /** Response records in the chunks done. */
  records: number;
  /** Articles stored by the chunks done. */
  articles: number;
  /** Records of the chunks done that gave no article (not a page, or a page that could not be analysed). */
  skipped: number;
  /** Jobs in the queue: waiting (to run or to be retried) and running. */
  queue: { waiting: number; running: number };
  /** Articles per second: over the whole run (first chunk started to last done) and over the last minute. */
  throughput: { overall: number; lastMinute: number };
  /** Milliseconds per record of the chunks done: reading and analysing, and writing to the store. */
  costPerRecord: { analysisMs: number; storeMs: number };
  /** Chunks that failed, or were tried and are not done, with their last error (at most 20). */
  failures: { key: string; archive: string; state: string; attempts: number; error: string | null }[];
}

const num = (value: unknown): number => Number(value ?? 0);

/** Reads the progress from `fleet.chunks` and the queue's sizes. */
export async function readStatus(db: FleetDb): Promise<FleetStatus> {
  const { client, boss } = db;
  const { rows: [c] } = await client.query(`
    SELECT count(DISTINCT archive_sha256) AS archives, count(*) AS chunks,
      count(*) FILTER (WHERE state = 'done') AS done, count(*) FILTER (WHERE state = 'failed') AS failed,
      count(*) FILTER (WHERE state = 'pending') AS pending,
      coalesce(sum(records) FILTER (WHERE state = 'done'), 0) AS records,
      coalesce(sum(articles) FILTER (WHERE state = 'done'), 0) AS articles,
      coalesce(sum(skipped) FILTER (WHERE state = 'done'), 0) AS skipped,
      coalesce(sum(analysis_ms) FILTER (WHERE state = 'done'), 0) AS analysis_ms,
      coalesce(sum(store_ms) FILTER (WHERE state = 'done'), 0) AS store_ms,
      extract(epoch FROM max(finished_at) FILTER (WHERE state = 'done') - min(started_at) FILTER (WHERE state = 'done')) AS seconds,
      coalesce(sum(articles) FILTER (WHERE state = 'done' AND finished_at > now() - interval '1 minute'), 0) AS last_minute
    FROM fleet.chunks`);
  const { rows: failures } = await client.query(
    `SELECT key, archive, state, attempts, error FROM fleet.chunks WHERE state = 'failed' OR (state = 'pending' AND error IS NOT NULL) ORDER BY state, key LIMIT 20`,
  );
  const waiting = await boss.getQueueSize(QUEUE, { before: 'active' });
  const upToActive = await boss.getQueueSize(QUEUE, { before: 'completed' });
  const records = num(c.records);
  const seconds = num(c.seconds);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    archives: num(c.archives),
    chunks: num(c.chunks),
    done: num(c.done),
    failed: num(c.failed),
    pending: num(c.pending),
    records,
    articles: num(c.articles),
    skipped: num(c.skipped),
    queue: { waiting, running: upToActive - waiting },
    throughput: { overall: seconds > 0 ? round(num(c.articles) / seconds) : 0, lastMinute: round(num(c.last_minute) / 60) },
    costPerRecord: { analysisMs: records > 0 ? round(num(c.analysis_ms) / records) : 0, storeMs: records > 0 ? round(num(c.store_ms) / records) : 0 },
    failures: failures.map((f) => ({ key: f.key, archive: f.archive, state: f.state, attempts: f.attempts, error: f.error })),
  };
}

/** The status as lines for a terminal. */
export function formatStatus(s: FleetStatus): string {
  const lines = [
    `chunks: ${s.done} done, ${s.pending} pending, ${s.failed} failed, of ${s.chunks} (${s.archives} archive${s.archives === 1 ? '' : 's'})`,
    `articles stored: ${s.articles} from ${s.records} records (${s.skipped} records gave no article)`,
    `queue: ${s.queue.waiting} waiting, ${s.queue.running} running`,
    `throughput: ${s.throughput.overall} articles/s overall, ${s.throughput.lastMinute} articles/s in the last minute`,
    `cost per record: ${s.costPerRecord.analysisMs} ms reading and analysing, ${s.costPerRecord.storeMs} ms storing`,
  ];
  for (const f of s.failures) lines.push(`${f.state} after ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}: ${f.archive} ${f.key.split('/').slice(1).join(' ')}: ${f.error ?? ''}`);
  return lines.join('\n') + '\n';
}
