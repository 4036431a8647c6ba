/**
 * The statements that move a chunk through `fleet.chunks`: taken by a worker (an attempt counted), done
 * (inside the store's ingest transaction, so the articles and the done mark commit together), or failed.
 */
import type { ClientBase } from 'pg';
import type { ChunkRange } from './plan.js';

/** A chunk as a worker reads it. */
export interface ChunkRow {
  key: string;
  archive: string;
  range: ChunkRange;
  attempts: number;
}

/** What a chunk came to, for its done mark. */
export interface ChunkResult {
  articles: number;
  skipped: number;
  analysisMs: number;
  storeMs: number;
}

/** Thrown inside an ingest transaction when the chunk turns out to be done already: the ingest rolls back. */
export class ChunkAlreadyDone extends Error {
  constructor(key: string) {
    super(`chunk ${key} is done already`);
    this.name = 'ChunkAlreadyDone';
  }
}

type Queryable = Pick<ClientBase, 'query'>;

/** Counts an attempt at the chunk and returns it; undefined when it is done already or unknown. */
export async function takeChunk(db: Queryable, key: string): Promise<ChunkRow | undefined> {
  const { rows } = await db.query(
    `UPDATE fleet.chunks SET attempts = attempts + 1, started_at = now() WHERE key = $1 AND state <> 'done'
     RETURNING key, archive, range_kind, range_start, range_end, first_record, records, attempts`,
    [key],
  );
  const row = rows[0];
  if (!row) return undefined;
  const end = row.range_end === null ? {} : { end: Number(row.range_end) };
  return {
    key: row.key,
    archive: row.archive,
    range: { kind: row.range_kind, start: Number(row.range_start), ...end, firstRecord: row.first_record, records: row.records },
    attempts: row.attempts,
  };
}

/**
 * Marks the chunk done, on the connection of a transaction that has written its articles: locks the
 * chunk's row first, and throws ChunkAlreadyDone when another worker's transaction marked it done
 * before, so that this one rolls back and changes nothing.
 */
export async function markDone(db: Queryable, key: string, result: ChunkResult): Promise<void> {
  const { rows } = await db.query<{ state: string }>('SELECT state FROM fleet.chunks WHERE key = $1 FOR UPDATE', [key]);
  if (rows[0]?.state === 'done') throw new ChunkAlreadyDone(key);
  await db.query(
    `UPDATE fleet.chunks SET state = 'done', articles = $2, skipped = $3, analysis_ms = $4, store_ms = $5, error = NULL, finished_at = now() WHERE key = $1`,
    [key, result.articles, result.skipped, Math.round(result.analysisMs), Math.round(result.storeMs)],
  );
}

/** Records why an attempt at the chunk failed; with `last`, the chunk is failed (the queue retries it no more). */
export async function recordFailure(db: Queryable, key: string, error: string, last: boolean): Promise<void> {
  await db.query(`UPDATE fleet.chunks SET error = $2, state = CASE WHEN $3 THEN 'failed' ELSE state END WHERE key = $1 AND state <> 'done'`, [key, error, last]);
}
