import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archive, pageOf, type Spec } from '../input/warc-fixtures.js';
import { skipWithoutPostgres, useTestCluster } from '../store/postgres/test-cluster.js';
import { addArchives, openFleetDb, readStatus } from './jobs.js';
import { sendChunks } from './queue.js';
import { openTestStore } from './test-store.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { runWorker, type WorkerSummary } from './worker.js';

const cluster = useTestCluster();

/** A worker's counts, without its timings. */
const countsOf = ({ chunks, articles, alreadyDone, failed }: WorkerSummary) => ({ chunks, articles, alreadyDone, failed });

/** Seven pages and a record that is no page. */
const SPECS: Spec[] = [
  { type: 'warcinfo', body: '' },
  ...[0, 1, 2, 3].map((n): Spec => ({ body: pageOf(n), url: `https://news.example/ferry-${n}` })),
  { headers: { 'Content-Type': 'application/pdf' }, body: '%PDF-1.4' },
  ...[5, 6, 7].map((n): Spec => ({ body: pageOf(n), url: `https://news.example/ferry-${n}` })),
];

test('a worker stores every chunk once and marks it done; chunks delivered again change nothing', { skip: skipWithoutPostgres }, async () => {
  const folder = await mkdtemp(join(tmpdir(), 'whosaid-worker-'));
  const url = cluster().url;
  const db = await openFleetDb(url);
  const store = await openTestStore(url);
  try {
    const file = join(folder, 'a.warc.gz');
    await writeFile(file, await archive(SPECS, true));
    await addArchives(db, [file], { chunkSize: 3 });
    const lines: string[] = [];
    const first = await runWorker({ url, exitWhenIdle: true, openStore: openTestStore, log: (line) => lines.push(line), pollMs: 100 });
    assert.deepEqual(countsOf(first), { chunks: 3, articles: 7, alreadyDone: 0, failed: 0 }, lines.join('\n'));
    const status = await readStatus(db);
    assert.deepEqual([status.chunks, status.done, status.failed, status.articles, status.skipped, status.records], [3, 3, 0, 7, 1, 8]);
    const writes = await store.writes();
    assert.equal(writes.size, 7);
    assert.ok([...writes.values()].every((n) => n === 1));

    // every chunk delivered again: acknowledged, nothing written
    const { rows } = await db.client.query<{ key: string }>('SELECT key FROM fleet.chunks');
    await db.client.query('BEGIN');
    await sendChunks(db.boss, db.client, rows.map((r) => r.key));
    await db.client.query('COMMIT');
    const again = await runWorker({ url, concurrency: 2, exitWhenIdle: true, openStore: openTestStore, pollMs: 100 });
    assert.deepEqual(countsOf(again), { chunks: 0, articles: 0, alreadyDone: 3, failed: 0 });
    assert.deepEqual(await store.writes(), writes);
  } finally {
    await store.close();
    await db.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test('a chunk whose archive cannot be read fails with its error, for good on its last attempt', { skip: skipWithoutPostgres }, async () => {
  const folder = await mkdtemp(join(tmpdir(), 'whosaid-worker-'));
  const url = cluster().url;
  const db = await openFleetDb(url);
  try {
    const file = join(folder, 'gone.warc.gz');
    await writeFile(file, await archive([{ body: pageOf(1) }], true));
    const [added] = await addArchives(db, [file]);
    await rm(file);
    // the chunk's job allows no retry: its one attempt is its last
    await db.client.query(`UPDATE pgboss.job SET retry_limit = 0 WHERE data->>'key' LIKE $1`, [`${added.sha256}%`]);
    const summary = await runWorker({ url, exitWhenIdle: true, openStore: openTestStore, pollMs: 100 });
    assert.deepEqual(countsOf(summary), { chunks: 0, articles: 0, alreadyDone: 0, failed: 1 });
    const status = await readStatus(db);
    assert.equal(status.failures.filter((f) => f.key.startsWith(added.sha256)).length, 1);
    const failure = status.failures.find((f) => f.key.startsWith(added.sha256));
    assert.equal(failure?.state, 'failed');
    assert.match(failure?.error ?? '', /cannot read .*gone\.warc\.gz: .*ENOENT/);
  } finally {
    await db.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test('on the PostgreSQL corpus store: the chunks\' articles are searchable and the store is sound', { skip: skipWithoutPostgres }, async () => {
  const folder = await mkdtemp(join(tmpdir(), 'whosaid-worker-'));
  const url = cluster().url;
  const db = await openFleetDb(url);
  try {
    const file = join(folder, 'quotes.warc.gz');
    const page = (n: number) => `<!DOCTYPE html><html><body><article><p>“The lighthouse on cape ${n} stays lit,” keeper Ilse Marek said on Friday.</p></article></body></html>`;
    await writeFile(file, await archive([1, 2, 3, 4].map((n) => ({ body: page(n), url: `https://news.example/cape-${n}` })), true));
    await addArchives(db, [file], { chunkSize: 3 });
    const summary = await runWorker({ url, concurrency: 2, exitWhenIdle: true, openStore: (u) => openPostgresStore(u), pollMs: 100 });
    assert.deepEqual([summary.chunks, summary.articles, summary.failed], [2, 4, 0]);
    const store = await openPostgresStore(url);
    try {
      assert.deepEqual(await store.check(), []);
      const { hits } = await store.search('lighthouse', { speaker: 'Ilse Marek' });
      assert.deepEqual(hits.map((h) => h.text).sort(), [1, 2, 3, 4].map((n) => `The lighthouse on cape ${n} stays lit,`).sort());
    } finally {
      await store.close();
    }
  } finally {
    await db.close();
    await rm(folder, { recursive: true, force: true });
  }
});
