import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archive, pageOf } from '../input/warc-fixtures.js';
import { skipWithoutPostgres, useTestCluster } from '../store/postgres/test-cluster.js';
import { addArchives, openFleetDb, readStatus, rebuildQueue } from './jobs.js';
import { QUEUE } from './queue.js';

const cluster = useTestCluster();

test('adding an archive twice, at another path too, is a no-op; a purged queue is rebuilt from the chunks not done', { skip: skipWithoutPostgres }, async () => {
  const folder = await mkdtemp(join(tmpdir(), 'whosaid-jobs-'));
  const db = await openFleetDb(cluster().url);
  try {
    const file = join(folder, 'a.warc.gz');
    await writeFile(file, await archive(Array.from({ length: 7 }, (_, n) => ({ body: pageOf(n) })), true));
    await copyFile(file, join(folder, 'copy.warc.gz'));
    const [first] = await addArchives(db, [file], { chunkSize: 3 });
    assert.deepEqual([first.chunks, first.added, first.records], [3, 3, 7]);
    const again = await addArchives(db, [file, join(folder, 'copy.warc.gz')], { chunkSize: 3 });
    assert.deepEqual(again.map((a) => a.added), [0, 0]);
    let status = await readStatus(db);
    assert.deepEqual([status.chunks, status.pending, status.done, status.queue.waiting, status.archives], [3, 3, 0, 3, 1]);

    // a chunk done elsewhere needs no job; the other two get one each after the queue is lost
    const { rows } = await db.client.query<{ key: string }>('SELECT key FROM fleet.chunks ORDER BY key LIMIT 1');
    await db.client.query(`UPDATE fleet.chunks SET state = 'done', articles = 3, records = 3 WHERE key = $1`, [rows[0].key]);
    await db.boss.purgeQueue(QUEUE);
    assert.equal((await readStatus(db)).queue.waiting, 0);
    assert.deepEqual(await rebuildQueue(db), { notDone: 2, sent: 2 });
    assert.deepEqual(await rebuildQueue(db), { notDone: 2, sent: 0 }, 'chunks with a job waiting get no second one');
    status = await readStatus(db);
    assert.deepEqual([status.done, status.pending, status.articles, status.queue.waiting], [1, 2, 3, 2]);
    const jobs = await db.client.query<{ key: string }>(`SELECT data->>'key' AS key FROM pgboss.job WHERE name = $1 AND state = 'created' ORDER BY 1`, [QUEUE]);
    const notDone = await db.client.query<{ key: string }>(`SELECT key FROM fleet.chunks WHERE state <> 'done' ORDER BY 1`);
    assert.deepEqual(jobs.rows, notDone.rows);
  } finally {
    await db.close();
    await rm(folder, { recursive: true, force: true });
  }
});
