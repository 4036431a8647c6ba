/**
 * The server's SQLite corpus with its reads in worker threads: the shared store suite, run through it,
 * says the threads answer as the store does; then the search cache: kept answers, shared pending ones,
 * and never an answer older than the corpus (a write here or by another connection).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { prepareArticle } from '../store/prepare.js';
import { QueryError } from '../store/query.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { runStoreSuite } from '../store/store-suite.js';
import { buildArticle, type TestArticle } from '../store/test-articles.js';
import type { Analyzer } from './analysis-pool.js';
import { AnswerCache } from './answer-cache.js';
import { createApp } from './app.js';
import { ApiError } from './errors.js';
import { pooledStore, searchKey } from './pooled-store.js';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-pooled-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const tempFile = () => join(dir, `corpus-${n++}.db`);
const pooled = (file = tempFile()) => pooledStore(openSqliteStore(file), file, { readerThreads: 1 });

runStoreSuite('sqlite, read in worker threads', async () => pooled());

const ferry = (id: string, text: string): TestArticle => ({ id, outlet: 'Harbor Wire', publishedAt: '2024-05-02', people: [{ name: 'Omar Bell' }], quotes: [{ speaker: 0, text }] });

test('a search answer is kept until the corpus changes, by this store or by another connection', async () => {
  const file = tempFile();
  const store = pooled(file);
  try {
    await store.ingest([prepareArticle(buildArticle(ferry('a', 'The ferry will run all winter')))]);
    assert.equal((await store.search('ferry')).hits.length, 1);
    assert.equal(await store.search('ferry'), await store.search('FERRY'), 'the same words: the answer kept');
    await store.ingest([prepareArticle(buildArticle(ferry('b', 'No ferry will sail in January')))]);
    assert.equal((await store.search('ferry')).hits.length, 2, 'an ingest here is seen at once');
    const other = openSqliteStore(file);
    await other.ingest([prepareArticle(buildArticle(ferry('c', 'The ferry fares go up in March')))]);
    await other.close();
    assert.equal((await store.search('ferry')).hits.length, 3, "another connection's commit is seen at once");
  } finally {
    await store.close();
  }
});

test('a bad query fails as a QueryError across the threads, and is not kept', async () => {
  const store = pooled();
  try {
    await assert.rejects(store.search('***'), (error: unknown) => error instanceof QueryError && error.code === 'query/empty');
    await assert.rejects(store.search('***'), QueryError);
  } finally {
    await store.close();
  }
});

test('reads past the queue limit are refused with 429 (server/busy), the others answered', async () => {
  const file = tempFile();
  const store = pooledStore(openSqliteStore(file), file, { readerThreads: 1, maxQueuedReads: 1 });
  try {
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => store.counts()));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    assert.ok(refused.length > 0 && refused.length < 6, `${refused.length} of 6 refused`);
    for (const o of refused) assert.ok(o.reason instanceof ApiError && o.reason.status === 429, String(o.reason));
  } finally {
    await store.close();
  }
});

test('search keys: the words and filters that decide the answer, nothing else', () => {
  assert.equal(searchKey('Ferry  "next  round"', {}), searchKey('ferry "NEXT round"', {}));
  assert.notEqual(searchKey('ferry', {}), searchKey('ferry', { limit: 5 }));
  assert.notEqual(searchKey('ferry', { speaker: 'Bell' }), searchKey('ferry', { outlet: 'Bell' }));
  assert.notEqual(searchKey('ferry -winter', {}), searchKey('ferry winter', {}));
});

test('the answer cache: bounded, least recently used out first, pending answers shared, failures dropped', async () => {
  const cache = new AnswerCache<number>(2);
  let computed = 0;
  const compute = (value: number) => () => {
    computed++;
    return Promise.resolve(value);
  };
  const [x, y] = [cache.answer('a', 'v1', compute(1)), cache.answer('a', 'v1', compute(9))];
  assert.equal(x, y);
  assert.equal(await x, 1);
  assert.equal(computed, 1);
  assert.equal(await cache.answer('a', 'v2', compute(2)), 2, 'another version: computed again');
  await cache.answer('b', 'v2', compute(3));
  await cache.answer('a', 'v2', compute(0));
  await cache.answer('c', 'v2', compute(4));
  assert.equal(cache.size, 2);
  assert.equal(await cache.answer('b', 'v2', compute(5)), 5, 'b was the least recently used: it left');
  await assert.rejects(cache.answer('d', 'v2', () => Promise.reject(new Error('no'))));
  assert.equal(await cache.answer('d', 'v2', compute(6)), 6, 'a failure is not kept');
});

test("the search route's JSON: the same question again is the same page; another page, or a change in the corpus, is not", async () => {
  const store = pooled();
  const unused: Analyzer = { active: 0, analyze: () => Promise.reject(new Error('no analysis here')), close: async () => undefined };
  const app = createApp({ analyzer: unused, store, fetchPage: () => Promise.reject(new Error('no fetching here')) });
  const body = async (path: string) => {
    const res = await app.request(path);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    return res.text();
  };
  try {
    await store.ingest([prepareArticle(buildArticle(ferry('a', 'The ferry will run all winter'))), prepareArticle(buildArticle(ferry('b', 'No ferry will sail in January')))]);
    const first = await body('/api/search?q=ferry&limit=1');
    assert.equal(await body('/api/search?q=Ferry&limit=1'), first);
    const parsed = JSON.parse(first) as { hits: { articleId: string }[]; nextCursor?: string };
    assert.equal(parsed.hits.length, 1);
    assert.equal(parsed.nextCursor, '1');
    const second = JSON.parse(await body('/api/search?q=ferry&limit=1&cursor=1')) as typeof parsed;
    assert.notEqual(second.hits[0].articleId, parsed.hits[0].articleId, 'the next page');
    assert.equal(second.nextCursor, undefined);
    await store.ingest([prepareArticle(buildArticle(ferry('c', 'The ferry fares go up in March')))]);
    const after = JSON.parse(await body('/api/search?q=ferry&limit=5')) as typeof parsed;
    assert.deepEqual(after.hits.map((h) => h.articleId).sort(), ['a', 'b', 'c'], 'the new article is found at once');
  } finally {
    await store.close();
  }
});
