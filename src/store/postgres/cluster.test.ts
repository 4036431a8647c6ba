import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import pg from 'pg';
import { startCluster } from './cluster.js';
import { skipWithoutPostgres, useTestCluster } from './test-cluster.js';

const cluster = useTestCluster();

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

test('the cluster listens on loopback only, and what is committed survives an immediate restart', { skip: skipWithoutPostgres }, async () => {
  const { url, port } = cluster();
  assert.match(url, new RegExp(`^postgres://postgres@127\\.0\\.0\\.1:${port}/postgres$`));
  assert.deepEqual(await query(url, 'SHOW listen_addresses'), [{ listen_addresses: '127.0.0.1' }]);
  await query(url, "CREATE TABLE kept (word text); INSERT INTO kept VALUES ('harbour')");
  await cluster().restart('immediate');
  assert.deepEqual(await query(url, 'SELECT word FROM kept'), [{ word: 'harbour' }]);
  await cluster().restart('fast');
  assert.deepEqual(await query(url, 'SELECT count(*)::int AS n FROM kept'), [{ n: 1 }]);
});

test('stop removes the cluster and its dir', { skip: skipWithoutPostgres }, async () => {
  const other = await startCluster();
  assert.equal(existsSync(other.dir), true);
  await other.stop();
  assert.equal(existsSync(other.dir), false);
  await assert.rejects(query(other.url, 'SELECT 1'));
});
