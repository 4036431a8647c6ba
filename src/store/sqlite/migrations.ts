/**
 * The SQLite schema, as numbered migrations (../migration.ts). Opening a database applies, in one
 * transaction each, the migrations past the version it records in `schema_version`.
 */
import type { Database } from 'better-sqlite3';
import { latestVersion, type Migration } from '../migration.js';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles, attributions with full-text search, people, time expressions, copy groups',
    sql: `
      CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        outlet TEXT,
        title TEXT,
        published_at TEXT,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        source_hash TEXT NOT NULL,
        analysis TEXT NOT NULL
      );
      CREATE INDEX articles_content_hash ON articles (content_hash);
      CREATE INDEX articles_source_hash ON articles (source_hash);
      CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE);

      -- one row per identity across the corpus; name is the best display name so far
      CREATE TABLE persons (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL
      );
      -- normalized surnames (people.ts personKeys): where candidates for a match are looked up
      CREATE TABLE person_keys (
        key TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES persons (id),
        PRIMARY KEY (key, person_id)
      ) WITHOUT ROWID;
      CREATE TABLE person_names (
        person_id INTEGER NOT NULL REFERENCES persons (id),
        name TEXT NOT NULL,
        PRIMARY KEY (person_id, name)
      ) WITHOUT ROWID;
      CREATE INDEX person_names_name ON person_names (name COLLATE NOCASE);
      -- each role an article gives a person ("Secretary of State")
      CREATE TABLE person_roles (
        person_id INTEGER NOT NULL REFERENCES persons (id),
        role TEXT NOT NULL,
        article INTEGER NOT NULL REFERENCES articles (pk),
        PRIMARY KEY (person_id, role, article)
      ) WITHOUT ROWID;
      CREATE INDEX person_roles_article ON person_roles (article);
      -- each role a person was ever given, once: what matching reads (person_roles grows with articles)
      CREATE TABLE person_role_names (
        person_id INTEGER NOT NULL REFERENCES persons (id),
        role TEXT NOT NULL,
        PRIMARY KEY (person_id, role)
      ) WITHOUT ROWID;

      -- a group of copies of the same statement; first is its earliest copy
      CREATE TABLE copy_groups (
        id INTEGER PRIMARY KEY,
        first INTEGER NOT NULL
      );

      CREATE TABLE attributions (
        id INTEGER PRIMARY KEY,
        article INTEGER NOT NULL REFERENCES articles (pk),
        local_id TEXT NOT NULL,
        type TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        speaker_name TEXT,
        speaker_mention TEXT,
        person_id INTEGER REFERENCES persons (id),
        cue TEXT,
        said_on TEXT,
        -- the date said where the text states it, else the article's publication date (YYYY-MM-DD)
        date TEXT,
        confidence REAL NOT NULL,
        -- the words traced across articles (a mixed quote's quoted words), where it is traced
        copy_text TEXT,
        group_id INTEGER REFERENCES copy_groups (id)
      );
      CREATE INDEX attributions_article ON attributions (article);
      CREATE INDEX attributions_person ON attributions (person_id, date);
      CREATE INDEX attributions_group ON attributions (group_id);
      CREATE INDEX attributions_date ON attributions (date);

      -- the band keys (copies.ts fingerprint) of each group's representative copy; a band already held
      -- by MAX_BAND_POSTINGS statements takes no more (it tells too little), so a lookup reads a bounded list
      CREATE TABLE copy_bands (
        band TEXT NOT NULL,
        attribution_id INTEGER NOT NULL REFERENCES attributions (id),
        PRIMARY KEY (band, attribution_id)
      ) WITHOUT ROWID;
      CREATE INDEX copy_bands_attribution ON copy_bands (attribution_id);

      CREATE TABLE times (
        article INTEGER NOT NULL REFERENCES articles (pk),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT NOT NULL,
        certainty TEXT NOT NULL
      );
      CREATE INDEX times_article ON times (article);

      -- the attributions' words, kept in step with the table by the triggers below
      CREATE VIRTUAL TABLE attributions_fts USING fts5 (
        text, content = 'attributions', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
        INSERT INTO attributions_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
        INSERT INTO attributions_fts (attributions_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER attributions_fts_update AFTER UPDATE OF text ON attributions BEGIN
        INSERT INTO attributions_fts (attributions_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO attributions_fts (rowid, text) VALUES (new.id, new.text);
      END;
    `,
  },
  {
    version: 2,
    description: 'store settings: the fingerprint version of the band keys',
    sql: `
      -- what the store's own code needs to know about the data (band-keys.ts: fingerprint_version)
      CREATE TABLE store_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    description: 'an index of the speakers named without an identity, for search --speaker',
    sql: `
      -- search --speaker finds its rows by index (the person's, or this one) before ranking the matches
      CREATE INDEX attributions_speaker_name ON attributions (speaker_name COLLATE NOCASE) WHERE person_id IS NULL;
    `,
  },
  {
    version: 4,
    description: "each attribution's outlet (its article's), a narrow index of what search filters on, and each date's span of ids",
    sql: `
      -- the article's outlet copied into each attribution (articles are replaced whole, never edited), so
      -- that search --outlet checks a column of the row instead of joining its article
      ALTER TABLE attributions ADD COLUMN outlet TEXT;
      UPDATE attributions SET outlet = (SELECT ar.outlet FROM articles ar WHERE ar.pk = attributions.article);
      CREATE INDEX attributions_outlet ON attributions (outlet COLLATE NOCASE);
      -- what search checks on each match, by id: a few bytes an entry where a row holds its text, so the
      -- pages a search reads are few and stay cached
      CREATE INDEX attributions_search_filter ON attributions (id, type, kind, date, outlet COLLATE NOCASE);
      -- for each date, the first and last attribution id stored with it (or wider: a deleted attribution
      -- leaves its day's span as it was), so that search --from/--to finds the ids its dates span by a few
      -- rows rather than by reading the index entry of every attribution in them
      CREATE TABLE attribution_days (
        date TEXT PRIMARY KEY,
        first INTEGER NOT NULL,
        last INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO attribution_days (date, first, last) SELECT date, min(id), max(id) FROM attributions WHERE date IS NOT NULL GROUP BY date;
    `,
  },
];

/** The version a database is at (0 for a new one). */
export function schemaVersion(db: Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as { version: number | null };
  return row.version ?? 0;
}

/** Applies the migrations past the database's version; throws when the database is newer than this code. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  const latest = latestVersion(current, migrations);
  const record = db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)');
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, new Date().toISOString());
    }).immediate();
  }
  return latest;
}
