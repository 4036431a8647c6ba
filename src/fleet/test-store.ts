/**
 * A store for the fleet's tests, on the same PostgreSQL: articles keyed by id, inserted ON CONFLICT DO
 * NOTHING, and every committed write of an article logged (stored or not) in `fleet_test.writes`, so a test can tell an
 * article stored once from one whose chunk committed twice. One transaction an ingest, with the
 * worker's step inside it, as the corpus store's ingest runs it.
 */
import pg from 'pg';
import type { ChunkStore } from './worker.js';

/** The test store, and what it holds. */
export interface TestStore extends ChunkStore {
  /** How many committed writes each stored article id had. */
  writes(): Promise<Map<string, number>>;
}

/** Opens the test store (creating its tables the first time). */
export async function openTestStore(url: string): Promise<TestStore> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS fleet_test;
    CREATE TABLE IF NOT EXISTS fleet_test.articles (id text PRIMARY KEY, text text NOT NULL, attributions integer NOT NULL);
    CREATE TABLE IF NOT EXISTS fleet_test.writes (id text NOT NULL)`);
  return {
    async ingest(items, { within }) {
      const client = await pool.connect();
      const lost = () => undefined;
      client.on('error', lost);
      try {
        await client.query('BEGIN');
        for (const { article, attributions } of items) {
          await client.query('INSERT INTO fleet_test.articles (id, text, attributions) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [article.id, article.text, attributions.length]);
          await client.query('INSERT INTO fleet_test.writes (id) VALUES ($1)', [article.id]);
        }
        await within(client);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.off('error', lost);
        client.release();
      }
    },
    async writes() {
      const { rows } = await pool.query<{ id: string; n: string }>('SELECT a.id, (SELECT count(*) FROM fleet_test.writes w WHERE w.id = a.id) AS n FROM fleet_test.articles a');
      return new Map(rows.map((r) => [r.id, Number(r.n)]));
    },
    async close() {
      await pool.end();
    },
  };
}
