/**
 * The queue that schedules chunks: one pg-boss 10 queue in the same database (pg-boss's own `pgboss`
 * schema). A job names a chunk by its key and nothing else; what the chunk is, and whether it is done,
 * is read from `fleet.chunks`. Several jobs for one chunk do no harm: a worker that takes a chunk already
 * done acknowledges it and changes nothing.
 */
import PgBoss from 'pg-boss';
import type { ClientBase } from 'pg';

/** The pg-boss queue of chunks. */
export const QUEUE = 'whosaid-chunks';

/** What a job carries: the chunk's key. */
export interface ChunkJob {
  key: string;
}

/** How long a chunk may stay taken before the queue gives it to another worker, by default (15 minutes). */
export const DEFAULT_CHUNK_TIMEOUT_SECONDS = 15 * 60;

/** Retries of a chunk's job after its first delivery (a worker that failed, died or ran out of time). */
const RETRY_LIMIT = 5;

/** How `openQueue` starts pg-boss. */
export interface QueueOptions {
  /** Run pg-boss's maintenance (expiring jobs whose worker died): workers do, one-shot commands do not. */
  supervise?: boolean;
  /** Connections pg-boss may open (default 2). */
  connections?: number;
}

/** Starts pg-boss on the database at `url` (installing its schema the first time) and makes sure the queue exists. */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<PgBoss> {
  const supervise = options.supervise ?? false;
  const boss = new PgBoss({ connectionString: url, max: options.connections ?? 2, supervise, schedule: false, migrate: true, ...(supervise && { maintenanceIntervalSeconds: 30 }) });
  await boss.start();
  if (!(await boss.getQueue(QUEUE))) {
    try {
      await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: RETRY_LIMIT, retryDelay: 1, expireInSeconds: DEFAULT_CHUNK_TIMEOUT_SECONDS });
    } catch (error) {
      // another process created it at the same moment
      if (!(await boss.getQueue(QUEUE))) throw error;
    }
  }
  return boss;
}

/** Sends one job for each chunk key, inside the transaction of `client`: the jobs exist if and only if it commits. */
export async function sendChunks(boss: PgBoss, client: ClientBase, keys: readonly string[], timeoutSeconds = DEFAULT_CHUNK_TIMEOUT_SECONDS): Promise<void> {
  if (keys.length === 0) return;
  const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
  await boss.insert(keys.map((key) => ({ name: QUEUE, data: { key } satisfies ChunkJob, retryLimit: RETRY_LIMIT, retryDelay: 1, expireInSeconds: timeoutSeconds })), { db });
}

/** The keys among `keys` that have a job waiting or running. */
export async function keysWithJobs(client: ClientBase, keys: readonly string[]): Promise<Set<string>> {
  // pg-boss 10's job table: states before 'completed' are created, retry and active
  const { rows } = await client.query<{ key: string }>(
    `SELECT DISTINCT data->>'key' AS key FROM pgboss.job WHERE name = $1 AND state < 'completed' AND data->>'key' = ANY($2)`,
    [QUEUE, keys],
  );
  return new Set(rows.map((r) => r.key));
}
