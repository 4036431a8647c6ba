/**
 * `whosaid serve --db postgres://…`: the server opens the PostgreSQL store as the corpus commands do, takes
 * an article into it and answers the corpus routes from it (a throwaway cluster, one per file).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { skipWithoutPostgres, useTestCluster } from '../store/postgres/test-cluster.js';
import { startServer } from './serve.js';

const cluster = useTestCluster();

test('serve on a PostgreSQL corpus: an article stored, then found by search, speakers and stats', { skip: skipWithoutPostgres }, async () => {
  const server = await startServer({ port: 0, db: cluster().url, threads: 1 });
  try {
    const text = '“The ferry will run all winter,” Harbour Commissioner Nadia Okafor said on Tuesday.\n\nOkafor said the schedule would be posted online.';
    const stored = await fetch(`${server.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, id: 'pg-serve-1', outlet: 'Bay Ledger', publishedAt: '2026-01-13' }),
    });
    assert.equal(stored.status, 201, await stored.clone().text());
    const search = (await (await fetch(`${server.url}/api/search?q=ferry`)).json()) as { hits: { articleId: string; speaker?: { name: string } }[] };
    assert.deepEqual(search.hits.map((h) => [h.articleId, h.speaker?.name]), [['pg-serve-1', 'Nadia Okafor']]);
    const stats = (await (await fetch(`${server.url}/api/stats?outlet=bay%20ledger`)).json()) as { byOutlet: { outlet: string }[] };
    assert.deepEqual(stats.byOutlet.map((o) => o.outlet), ['Bay Ledger']);
  } finally {
    await server.close();
  }
});
