import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { archive, pageOf } from '../../input/warc-fixtures.js';
import { skipWithoutPostgres, useTestCluster } from '../../store/postgres/test-cluster.js';
import type { Io } from '../io.js';
import { main } from '../main.js';

const cluster = useTestCluster();

function sink() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

async function run(argv: string[]) {
  const out = sink();
  const err = sink();
  const io: Io = { stdin: Readable.from([]), stdout: out.stream, stderr: err.stream, stdoutIsTTY: false, stderrIsTTY: false };
  const code = await main(argv, io);
  return { code, stdout: out.text(), stderr: err.text() };
}

test('jobs and worker refuse a --db that is not a PostgreSQL URL, and jobs an unknown action', async () => {
  for (const argv of [['jobs', 'status', '--db', 'corpus.db'], ['worker', '--db', 'corpus.db'], ['jobs', 'status']]) {
    const r = await run(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.stderr, /--db: expected a PostgreSQL URL/);
  }
  const r = await run(['jobs', 'stats', '--db', 'postgres://x@127.0.0.1/y']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /expected add, status or rebuild, found "stats"/);
});

test('jobs add, again, status --format json and rebuild', { skip: skipWithoutPostgres }, async () => {
  const folder = await mkdtemp(join(tmpdir(), 'whosaid-jobs-cli-'));
  try {
    const file = join(folder, 'a.warc.gz');
    await writeFile(file, await archive(Array.from({ length: 5 }, (_, n) => ({ body: pageOf(n) })), true));
    const db = cluster().url;
    const added = await run(['jobs', 'add', file, '--db', db, '--chunk-size', '2']);
    assert.equal(added.code, 0, added.stderr);
    assert.equal(added.stdout, `${file}: 5 records in 3 chunks, 3 of them new\n`);
    const again = await run(['jobs', 'add', file, '--db', db, '--chunk-size', '2']);
    assert.equal(again.stdout, `${file}: 5 records in 3 chunks, 0 of them new\n`);
    const status = await run(['jobs', 'status', '--db', db, '--format', 'json']);
    assert.equal(status.code, 0, status.stderr);
    const json = JSON.parse(status.stdout);
    assert.deepEqual([json.chunks, json.done, json.failed, json.articles, json.queue.waiting], [3, 0, 0, 0, 3]);
    const text = await run(['jobs', 'status', '--db', db]);
    assert.match(text.stdout, /^chunks: 0 done, 3 pending, 0 failed, of 3 \(1 archive\)$/m);
    const rebuilt = await run(['jobs', 'rebuild', '--db', db]);
    assert.equal(rebuilt.stdout, '3 chunks not done; queued 0 that had no job\n');
    const missing = await run(['jobs', 'add', join(folder, 'none.warc.gz'), '--db', db]);
    assert.equal(missing.code, 66);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
