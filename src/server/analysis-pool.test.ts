/**
 * The analysis pool with real worker threads: the same analysis as in this thread, 429 past the
 * admission limit, 504 past the time limit (and the pool still works after it), and a long article
 * that does not hold up a short one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { createAnalysisPool } from './analysis-pool.js';
import analyzeJob from './analysis-worker.js';
import { ApiError } from './errors.js';

const text = readFileSync(new URL('../../examples/harbor-bridge.txt', import.meta.url), 'utf8');
/** A long article: the example's paragraphs many times over. */
const long = Array.from({ length: 150 }, () => text).join('\n');

const pool = createAnalysisPool({ threads: 2, maxConcurrent: 3, timeoutMs: 120_000 });
after(() => pool.close());

test('each thread gives the same analysis as this thread', async () => {
  const job = { kind: 'text', value: text, publishedAt: '2025-11-13' } as const;
  // two at once, so that both threads load the model before the tests below
  const [one, two, here] = await Promise.all([pool.analyze(job), pool.analyze(job), analyzeJob(job)]);
  assert.ok(here.ok);
  assert.deepEqual(one, here.analysis);
  assert.deepEqual(two, here.analysis);
});

test('a short article is not held up by a long one on another thread', async () => {
  const order: string[] = [];
  await Promise.all([pool.analyze({ kind: 'text', value: long }).then(() => order.push('long')), pool.analyze({ kind: 'text', value: text }).then(() => order.push('short'))]);
  assert.deepEqual(order, ['short', 'long']);
});

test('past the admission limit: 429; admitted ones finish', async () => {
  const admitted = [0, 1, 2].map(() => pool.analyze({ kind: 'text', value: text }));
  assert.equal(pool.active, 3);
  await assert.rejects(pool.analyze({ kind: 'text', value: text }), (e: ApiError) => e.status === 429 && e.code === 'server/busy');
  assert.equal((await Promise.all(admitted)).length, 3);
  assert.equal(pool.active, 0);
});

test('past the time limit: 504, and the pool goes on', async () => {
  const quick = createAnalysisPool({ threads: 1, timeoutMs: 50 });
  try {
    await assert.rejects(quick.analyze({ kind: 'text', value: long }), (e: ApiError) => e.status === 504 && e.code === 'analysis/timeout');
    assert.equal(quick.active, 0);
  } finally {
    await quick.close();
  }
  const after504 = await pool.analyze({ kind: 'text', value: 'The mayor said: "We are done."' });
  assert.equal(after504.version, '1.0.0');
});
