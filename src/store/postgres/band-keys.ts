/**
 * The LSH band keys of the copy groups (`copy_bands`), and the version of the fingerprint that made them,
 * as the SQLite store keeps them (sqlite/band-keys.ts): the database records `FINGERPRINT_VERSION` in
 * `store_settings`, and a store opened for writing by code with another version fingerprints every
 * group's representative again, under the ingest lock, before it stores or looks up anything.
 */
import type { ClientBase } from 'pg';
import { fingerprint, FINGERPRINT_VERSION } from '../../corpus/copies.js';
import { MAX_BAND_POSTINGS } from '../rows.js';
import { INGEST_LOCK, LOCK_SPACE } from './migrations.js';

/** The setting that holds the fingerprint version of the stored band keys. */
const SETTING = 'fingerprint_version';

/**
 * Indexes a group's representative ($1) under its band keys ($2, distinct), leaving out bands already
 * held by MAX_BAND_POSTINGS statements.
 */
export const INDEX_BANDS = `INSERT INTO copy_bands (band, attribution_id)
  SELECT b.band, $1 FROM unnest($2::text[]) AS b (band)
  WHERE (SELECT count(*) FROM (SELECT 1 FROM copy_bands c WHERE c.band = b.band LIMIT ${MAX_BAND_POSTINGS}) held) < ${MAX_BAND_POSTINGS}
  ON CONFLICT DO NOTHING`;

/** The fingerprint version the stored band keys were made with; undefined before any was recorded. */
export async function storedFingerprintVersion(client: ClientBase): Promise<number | undefined> {
  const { rows } = await client.query<{ value: string }>('SELECT value FROM store_settings WHERE key = $1', [SETTING]);
  return rows.length === 0 ? undefined : Number(rows[0].value);
}

/**
 * Makes the band keys those of this code's fingerprint: when the database records another version (or
 * none: a corpus from before the version was kept), every group's representative (the copy its keys
 * were listed under, else its first copy) is fingerprinted again, in the order the groups were made, in
 * one transaction under the ingest lock. The groups stay as they are: they were decided on the words.
 * Returns whether the keys were made again.
 */
export async function refreshBandKeys(client: ClientBase): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, INGEST_LOCK]);
    if ((await storedFingerprintVersion(client)) === FINGERPRINT_VERSION) {
      await client.query('COMMIT');
      return false;
    }
    const { rows } = await client.query<{ id: number; copy_text: string | null }>(
      `SELECT r.id, a.copy_text FROM (
         SELECT g.id AS group_id, coalesce((SELECT min(b.attribution_id) FROM copy_bands b JOIN attributions m ON m.id = b.attribution_id WHERE m.group_id = g.id), g.first) AS id
         FROM copy_groups g
       ) r JOIN attributions a ON a.id = r.id ORDER BY r.group_id`,
    );
    await client.query('DELETE FROM copy_bands');
    for (const { id, copy_text } of rows) if (copy_text !== null) await client.query(INDEX_BANDS, [id, [...new Set(fingerprint(copy_text).bands)]]);
    await client.query('INSERT INTO store_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [SETTING, String(FINGERPRINT_VERSION)]);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
