/**
 * The fleet's own tables, in the `fleet` schema of the corpus's PostgreSQL database. `fleet.chunks` is
 * the truth about the work: every chunk of every archive added, and whether it is done. The queue
 * (pg-boss, queue.ts) only says which chunk to run next, and can be rebuilt from the chunks not done.
 * The schema moves by numbered migrations, applied once each under an advisory lock.
 */
import type { ClientBase } from 'pg';

/** The migrations, in order; the n-th takes the schema to version n. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE fleet.chunks (
    key text PRIMARY KEY,
    archive text NOT NULL,
    archive_sha256 text NOT NULL,
    range_kind text NOT NULL CHECK (range_kind IN ('bytes', 'records')),
    range_start bigint NOT NULL,
    range_end bigint,
    first_record integer NOT NULL,
    records integer NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    articles integer NOT NULL DEFAULT 0,
    skipped integer NOT NULL DEFAULT 0,
    error text,
    added_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz,
    analysis_ms integer,
    store_ms integer
  );
  CREATE INDEX chunks_not_done ON fleet.chunks (state) WHERE state <> 'done';
  CREATE INDEX chunks_archive ON fleet.chunks (archive_sha256);
  CREATE INDEX chunks_finished ON fleet.chunks (finished_at) WHERE state = 'done';`,
];

/** A key of the advisory lock that serializes the fleet's migrations ("whosaid fleet"). */
const LOCK = 0x77686f66;

/** Brings the `fleet` schema to the latest version; safe to run from many processes at once. */
export async function migrateFleet(client: ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS fleet; CREATE TABLE IF NOT EXISTS fleet.schema_version (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT max(version) AS version FROM fleet.schema_version');
    const current = rows[0]?.version ?? 0;
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1]);
      await client.query('INSERT INTO fleet.schema_version (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
