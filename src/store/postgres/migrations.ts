/**
 * The PostgreSQL schema, as numbered migrations (../migration.ts): the SQLite schema's tables, with a
 * tsvector column and its GIN index in place of FTS5, and pg_trgm's trigram index over people's names
 * for near spellings. Opening a store applies the migrations past the recorded version in one
 * transaction that holds an advisory lock, so two processes opening the same database at once apply
 * each migration once: the second waits, then finds the schema current.
 */
import type { ClientBase } from 'pg';
import { latestVersion, type Migration } from '../migration.js';

/** The first key of every advisory lock whosaid takes ("whos"); the second says which lock. */
export const LOCK_SPACE = 0x77686f73;
/** The second key of the lock held while migrating. */
const MIGRATE_LOCK = 1;
/** The second key of the lock every ingest transaction holds (and the band keys' refresh). */
export const INGEST_LOCK = 2;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles, attributions with full-text search, people with trigram search, time expressions, copy groups',
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      CREATE TABLE articles (
        pk bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        url text,
        outlet text,
        title text,
        published_at text,
        text text NOT NULL,
        content_hash text NOT NULL,
        source_hash text NOT NULL,
        -- json, not jsonb: the analysis comes back exactly as ingested
        analysis json NOT NULL
      );
      CREATE INDEX articles_content_hash ON articles (content_hash);
      CREATE INDEX articles_source_hash ON articles (source_hash);
      CREATE INDEX articles_outlet ON articles (lower(outlet));

      -- one row per identity across the corpus; name is the best display name so far
      CREATE TABLE persons (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL
      );
      -- normalized surnames (people.ts personKeys): where candidates for a match are looked up
      CREATE TABLE person_keys (
        key text NOT NULL,
        person_id bigint NOT NULL REFERENCES persons (id),
        PRIMARY KEY (key, person_id)
      );
      CREATE TABLE person_names (
        person_id bigint NOT NULL REFERENCES persons (id),
        name text NOT NULL,
        PRIMARY KEY (person_id, name)
      );
      CREATE INDEX person_names_name ON person_names (lower(name));
      CREATE INDEX person_names_trigrams ON person_names USING gin (lower(name) gin_trgm_ops);
      -- each role an article gives a person ("Secretary of State")
      CREATE TABLE person_roles (
        person_id bigint NOT NULL REFERENCES persons (id),
        role text NOT NULL,
        article bigint NOT NULL REFERENCES articles (pk),
        PRIMARY KEY (person_id, role, article)
      );
      CREATE INDEX person_roles_article ON person_roles (article);
      -- each role a person was ever given, once: what matching reads (person_roles grows with articles)
      CREATE TABLE person_role_names (
        person_id bigint NOT NULL REFERENCES persons (id),
        role text NOT NULL,
        PRIMARY KEY (person_id, role)
      );

      -- a group of copies of the same statement; first is its earliest copy, first_day that copy's
      -- publication day (YYYY-MM-DD), kept here so that a new copy is placed without reading its article
      CREATE TABLE copy_groups (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        first bigint NOT NULL,
        first_day text
      );

      CREATE TABLE attributions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article bigint NOT NULL REFERENCES articles (pk),
        local_id text NOT NULL,
        type text NOT NULL,
        kind text NOT NULL,
        text text NOT NULL,
        speaker_name text,
        speaker_mention text,
        person_id bigint REFERENCES persons (id),
        cue text,
        said_on text,
        -- the date said where the text states it, else the article's publication date (YYYY-MM-DD)
        date text,
        confidence double precision NOT NULL,
        -- the words traced across articles (a mixed quote's quoted words), where it is traced
        copy_text text,
        group_id bigint REFERENCES copy_groups (id),
        -- the text's words folded as FTS5 folds them (query.ts searchWords), through the 'simple' configuration
        search tsvector NOT NULL
      );
      CREATE INDEX attributions_article ON attributions (article);
      CREATE INDEX attributions_person ON attributions (person_id, date);
      CREATE INDEX attributions_group ON attributions (group_id);
      CREATE INDEX attributions_date ON attributions (date);
      CREATE INDEX attributions_search ON attributions USING gin (search);

      -- the band keys (copies.ts fingerprint) of each group's representative copy; a band already held
      -- by MAX_BAND_POSTINGS statements takes no more (it tells too little), so a lookup reads a bounded list
      CREATE TABLE copy_bands (
        band text NOT NULL,
        attribution_id bigint NOT NULL REFERENCES attributions (id),
        PRIMARY KEY (band, attribution_id)
      );
      CREATE INDEX copy_bands_attribution ON copy_bands (attribution_id);

      CREATE TABLE times (
        article bigint NOT NULL REFERENCES articles (pk),
        start integer NOT NULL,
        "end" integer NOT NULL,
        text text NOT NULL,
        value text NOT NULL,
        certainty text NOT NULL
      );
      CREATE INDEX times_article ON times (article);
    `,
  },
  {
    version: 2,
    description: 'store settings: the fingerprint version of the band keys',
    sql: `
      -- what the store's own code needs to know about the data (band-keys.ts: fingerprint_version)
      CREATE TABLE store_settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
  {
    version: 3,
    description: "lz4 compression for the articles' text and analysis",
    sql: `
      -- an article's text and analysis JSON (some 40 KiB) are compressed when stored; pglz, the default, cost
      -- more CPU than the rest of the article's row (measured by scripts/store-cost.ts). Rows stored before
      -- keep pglz; both are read.
      ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN analysis SET COMPRESSION lz4;
    `,
  },
];

/** The version the database is at: 0 when it holds no whosaid schema. */
export async function schemaVersion(client: ClientBase): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    "SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 END AS version",
  );
  if (rows[0].version === 0) return 0;
  const current = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version');
  return current.rows[0].version ?? 0;
}

/** Applies the migrations past the database's version; throws when the database is newer than this code. */
export async function migrate(client: ClientBase, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, MIGRATE_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const current = await schemaVersion(client);
    const latest = latestVersion(current, migrations);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [migration.version]);
    }
    await client.query('COMMIT');
    return latest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
