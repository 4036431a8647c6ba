import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PreparedArticle } from '../store/prepare.js';
import { skipWithoutPostgres, useTestCluster } from '../store/postgres/test-cluster.js';
import { ChunkAlreadyDone, markDone, takeChunk } from './chunk-state.js';
import { openFleetDb } from './jobs.js';
import { openTestStore } from './test-store.js';

const cluster = useTestCluster();

test('two transactions storing one chunk: the second finds it done, rolls back and writes nothing', { skip: skipWithoutPostgres }, async () => {
  const url = cluster().url;
  const db = await openFleetDb(url);
  const store = await openTestStore(url);
  try {
    await db.client.query(`INSERT INTO fleet.chunks (key, archive, archive_sha256, range_kind, range_start, first_record, records) VALUES ('k/records/0-', '/a.warc', 'k', 'records', 0, 0, 1)`);
    const taken = await takeChunk(db.client, 'k/records/0-');
    assert.deepEqual(taken, { key: 'k/records/0-', archive: '/a.warc', range: { kind: 'records', start: 0, firstRecord: 0, records: 1 }, attempts: 1 });
    const items: PreparedArticle[] = [{ article: { id: 'a1', text: 'The pier reopens.', sourceHash: 'h1' }, contentHash: 'c1', analysisJson: '{}', attributions: [], people: [], times: [] }];
    const result = { articles: 1, skipped: 0, analysisMs: 5, storeMs: 1 };
    await store.ingest(items, { within: (client) => markDone(client, 'k/records/0-', result) });
    await assert.rejects(store.ingest(items, { within: (client) => markDone(client, 'k/records/0-', result) }), ChunkAlreadyDone);
    assert.deepEqual([...(await store.writes())], [['a1', 1]]);
    assert.equal(await takeChunk(db.client, 'k/records/0-'), undefined, 'a chunk done is not taken again');
    const { rows } = await db.client.query('SELECT state, attempts, articles FROM fleet.chunks');
    assert.deepEqual(rows, [{ state: 'done', attempts: 1, articles: 1 }]);
  } finally {
    await store.close();
    await db.close();
  }
});
