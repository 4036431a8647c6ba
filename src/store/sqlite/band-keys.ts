/**
 * The LSH band keys of the copy groups (`copy_bands`), and the version of the fingerprint that made them.
 * Band keys on disk are only as good as the `fingerprint` (src/corpus/copies.ts) that looks them up:
 * the database records `FINGERPRINT_VERSION` in `store_settings`, and a store opened by code with another
 * version fingerprints every group's representative again before it stores or looks up anything. (A
 * store opened read-only cannot: there, tracing a text finds its group by full-text search alone.)
 */
import type { Database, Statement } from 'better-sqlite3';
import { fingerprint, FINGERPRINT_VERSION } from '../../corpus/copies.js';
import { MAX_BAND_POSTINGS } from '../rows.js';

/** The setting that holds the fingerprint version of the stored band keys. */
const SETTING = 'fingerprint_version';

/** Indexes a group's representative under its band keys, leaving out bands already too common. */
export function indexBands(sql: (text: string) => Statement, id: number, bands: readonly string[]): void {
  // one statement for all the bands, not a count and an insert for each: 13% fewer instructions for the
  // whole of storing an article (callgrind, 60 PolNeAR articles); the bands are distinct, so each is
  // counted as before its own insert
  sql(
    `INSERT OR IGNORE INTO copy_bands (band, attribution_id)
     SELECT j.value, ? FROM json_each(?) j
     WHERE (SELECT count(*) FROM (SELECT 1 FROM copy_bands b WHERE b.band = j.value LIMIT ${MAX_BAND_POSTINGS})) < ${MAX_BAND_POSTINGS}`,
  ).run(id, JSON.stringify([...new Set(bands)]));
}

/** The fingerprint version the stored band keys were made with; undefined before any was recorded. */
export function storedFingerprintVersion(db: Database): number | undefined {
  const row = db.prepare('SELECT value FROM store_settings WHERE key = ?').get(SETTING) as { value: string } | undefined;
  return row === undefined ? undefined : Number(row.value);
}

/**
 * Makes the band keys those of this code's fingerprint: when the database records another version (or
 * none: a corpus from before the version was kept), every group's representative (the copy its keys
 * were listed under, else its first copy) is fingerprinted again, in the order the groups were made,
 * all in one transaction. The groups themselves stay as they are: they were decided on the words.
 * Returns whether the keys were made again.
 */
export function refreshBandKeys(db: Database): boolean {
  return db
    .transaction(() => {
      if (storedFingerprintVersion(db) === FINGERPRINT_VERSION) return false;
      const representatives = db
        .prepare(
          `SELECT coalesce((SELECT min(b.attribution_id) FROM copy_bands b JOIN attributions m ON m.id = b.attribution_id WHERE m.group_id = g.id), g.first) AS id
           FROM copy_groups g ORDER BY g.id`,
        )
        .all() as { id: number }[];
      const textOf = db.prepare('SELECT copy_text FROM attributions WHERE id = ?');
      db.prepare('DELETE FROM copy_bands').run();
      const statements = new Map<string, Statement>();
      const sql = (text: string) => statements.get(text) ?? statements.set(text, db.prepare(text)).get(text)!;
      for (const { id } of representatives) {
        const row = textOf.get(id) as { copy_text: string | null } | undefined;
        if (row?.copy_text != null) indexBands(sql, id, fingerprint(row.copy_text).bands);
      }
      db.prepare('INSERT INTO store_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SETTING, String(FINGERPRINT_VERSION));
      return true;
    })
    .immediate();
}
