/**
 * The fleet under faults, against a real PostgreSQL server: `whosaid worker` processes, on the
 * PostgreSQL corpus store, killed with SIGKILL before a chunk's commit, after its commit but before the
 * queue hears of it, and while threads analyse; a database restarted (immediate: as if it crashed) in
 * the middle of a run; a worker stopped by SIGTERM. In every case, after a fresh worker has run until
 * the queue is empty, every chunk is done and the corpus holds each article of the archive exactly
 * once, with the attributions of one analysis (the store's own check finds nothing wrong).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { archive } from '../input/warc-fixtures.js';
import { readWarc } from '../input/warc.js';
import { skipWithoutPostgres, useTestCluster } from '../store/postgres/test-cluster.js';
import { addArchives, openFleetDb, type FleetDb } from './jobs.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';

const cluster = useTestCluster();
const cli = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
/** How long a chunk may stay taken before the queue gives it to another worker, in these tests. */
const TIMEOUT_SECONDS = 4;

/** A fictional story of a few paragraphs, told apart by `name` and `n`. */
function storyOf(name: string, n: number): string {
  const paragraphs = Array.from({ length: 12 }, (_, k) =>
    `<p>“The ferry ${n} will run again from April,” harbor manager Dana Whitlock said on Monday of the ${name} route, adding that repairs to pier ${k} were nearly finished.</p>` +
    `<p>Council member Ravi Osei said the town had waited long enough. “People need the crossing,” he told reporters.</p>`);
  return `<!DOCTYPE html><html lang="en"><head><title>Ferry ${n} returns</title></head><body><article><h1>Ferry ${n} returns</h1>${paragraphs.join('')}</article></body></html>`;
}

interface Worker {
  child: ChildProcess;
  /** Resolves with the first stderr line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function startWorker(url: string, options: { exitWhenIdle?: boolean; pause?: string; threads?: number } = {}): Worker {
  const args = ['worker', '--db', url, '--concurrency', String(options.threads ?? 1), '--format', 'json', ...(options.exitWhenIdle ? ['--exit-when-idle'] : [])];
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { ...process.env, ...(options.pause && { WHOSAID_FLEET_PAUSE: options.pause }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => {
    stderr += b.toString();
    for (const w of [...waiters]) {
      const line = stderr.split('\n').find((l) => w.pattern.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return {
    child,
    exited,
    waitFor: (pattern) =>
      new Promise<string>((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then(({ stderr: all }) => reject(new Error(`the worker exited before ${pattern}:\n${all}`)));
      }),
  };
}

/** An archive added: its record ids and SHA-256. */
interface Added {
  ids: string[];
  sha256: string;
}

/** Writes an archive of `pages` stories and adds it in chunks of `chunkSize`. */
async function addArchive(db: FleetDb, folder: string, name: string, pages: number, chunkSize: number): Promise<Added> {
  const file = join(folder, name);
  await writeFile(file, await archive(Array.from({ length: pages }, (_, n) => ({ body: storyOf(name, n), url: `https://news.example/${name}/${n}` })), true));
  const [added] = await addArchives(db, [file], { chunkSize, timeoutSeconds: TIMEOUT_SECONDS });
  const ids: string[] = [];
  for await (const item of readWarc(createReadStream(file) as AsyncIterable<Uint8Array>)) if (item.ok) ids.push(item.recordId);
  return { ids, sha256: added.sha256 };
}

/** The archive's chunks: how many, how many done, and how many tried and not done. */
async function chunksOf(db: FleetDb, sha256: string): Promise<{ chunks: number; done: number; triedNotDone: number }> {
  const { rows } = await db.client.query(
    `SELECT count(*) AS chunks, count(*) FILTER (WHERE state = 'done') AS done, count(*) FILTER (WHERE attempts > 0 AND state <> 'done') AS tried
     FROM fleet.chunks WHERE archive_sha256 = $1`,
    [sha256],
  );
  return { chunks: Number(rows[0].chunks), done: Number(rows[0].done), triedNotDone: Number(rows[0].tried) };
}

/** Runs a fresh worker until the queue is empty, then checks that every chunk is done and each article was written once. */
async function finishAndCheck(db: FleetDb, url: string, { ids, sha256 }: Added): Promise<{ chunks: number; alreadyDone: number }> {
  const fresh = await startWorker(url, { exitWhenIdle: true }).exited;
  assert.equal(fresh.code, 0, fresh.stderr);
  const chunks = await chunksOf(db, sha256);
  assert.equal(chunks.done, chunks.chunks, JSON.stringify(chunks));
  const store = await openPostgresStore(url);
  try {
    assert.deepEqual(await store.check(), []);
    for (const id of ids) {
      const analysis = await store.analysis(id);
      assert.ok(analysis && analysis.attributions.length > 0, `article ${id} is stored, with its attributions`);
    }
  } finally {
    await store.close();
  }
  const { rows } = await db.client.query<{ id: string; n: string }>('SELECT id, count(*) AS n FROM articles WHERE id = ANY($1) GROUP BY id', [ids]);
  assert.equal(rows.length, ids.length);
  assert.ok(rows.every((r) => Number(r.n) === 1), 'each article once');
  return JSON.parse(fresh.stdout) as { chunks: number; alreadyDone: number };
}

async function withFleet(run: (db: FleetDb, url: string, folder: string) => Promise<void>): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'whosaid-faults-'));
  const url = cluster().url;
  const db = await openFleetDb(url);
  try {
    await run(db, url, folder);
  } finally {
    await db.close();
    await rm(folder, { recursive: true, force: true });
  }
}

const options = { skip: skipWithoutPostgres, timeout: 180_000 };

test('kill -9 after a chunk is analysed, before it is stored: a fresh worker runs it again', options, async () => {
  await withFleet(async (db, url, folder) => {
    const added = await addArchive(db, folder, 'before-commit.warc.gz', 9, 3);
    const worker = startWorker(url, { pause: 'before-commit' });
    const line = await worker.waitFor(/paused before-commit /);
    worker.child.kill('SIGKILL');
    await worker.exited;
    const start = /paused before-commit [0-9a-f]{12}\/bytes\/(\d+)-\d*$/.exec(line)?.[1];
    assert.ok(start !== undefined, line);
    const fresh = await finishAndCheck(db, url, added);
    assert.equal(fresh.chunks, 3, 'the fresh worker stored all three chunks, the killed one too');
    const { rows } = await db.client.query<{ attempts: number }>(`SELECT attempts FROM fleet.chunks WHERE archive_sha256 = $1 AND range_start = $2`, [added.sha256, start]);
    assert.equal(rows[0]?.attempts, 2, 'the killed chunk was tried twice');
  });
});

test('kill -9 after a chunk is stored, before the queue is told: its job comes back and changes nothing', options, async () => {
  await withFleet(async (db, url, folder) => {
    const added = await addArchive(db, folder, 'before-ack.warc.gz', 9, 3);
    const worker = startWorker(url, { pause: 'before-ack' });
    await worker.waitFor(/paused before-ack /);
    worker.child.kill('SIGKILL');
    await worker.exited;
    assert.equal((await chunksOf(db, added.sha256)).done, 1);
    const fresh = await finishAndCheck(db, url, added);
    // The stored chunk comes back at least once and is found done (more than once when a loaded machine keeps a
    // chunk past the queue's time limit); finishAndCheck has checked that every article is stored once.
    assert.ok(fresh.alreadyDone >= 1 && fresh.chunks >= 2, JSON.stringify(fresh));
  });
});

test('kill -9 while chunks are analysed on worker threads', options, async () => {
  await withFleet(async (db, url, folder) => {
    const added = await addArchive(db, folder, 'mid-chunk.warc.gz', 24, 4);
    const worker = startWorker(url, { threads: 2 });
    await worker.waitFor(/articles stored/);
    worker.child.kill('SIGKILL');
    await worker.exited;
    const before = await chunksOf(db, added.sha256);
    assert.ok(before.done < before.chunks, 'the worker was killed before it had done every chunk');
    await finishAndCheck(db, url, added);
  });
});

test('the database restarted (immediate) in the middle of a run: the worker waits it out and finishes', options, async () => {
  await withFleet(async (db, url, folder) => {
    const added = await addArchive(db, folder, 'restart.warc.gz', 30, 3);
    const worker = startWorker(url, { exitWhenIdle: true });
    await worker.waitFor(/articles stored/);
    const before = await chunksOf(db, added.sha256);
    await db.close().catch(() => undefined);
    await cluster().restart('immediate');
    const ended = await worker.exited;
    assert.equal(ended.code, 0, ended.stderr);
    assert.ok(before.done < before.chunks && (JSON.parse(ended.stdout) as { chunks: number }).chunks > before.done, 'the worker stored chunks after the restart');
    const again = await openFleetDb(url);
    try {
      await finishAndCheck(again, url, added);
    } finally {
      // withFleet closes the first connection, already closed; this one is closed here
      await again.close();
    }
  });
});

test('SIGTERM: the worker finishes the chunks it took and exits 0, leaving no chunk half done', options, async () => {
  await withFleet(async (db, url, folder) => {
    const added = await addArchive(db, folder, 'sigterm.warc.gz', 24, 3);
    const worker = startWorker(url, { threads: 2 });
    await worker.waitFor(/articles stored/);
    worker.child.kill('SIGTERM');
    const ended = await worker.exited;
    assert.equal(ended.code, 0, ended.stderr);
    const summary = JSON.parse(ended.stdout) as { chunks: number };
    const chunks = await chunksOf(db, added.sha256);
    assert.equal(chunks.triedNotDone, 0, 'every chunk the worker took is done');
    assert.equal(chunks.done, summary.chunks);
    assert.ok(chunks.done < chunks.chunks, 'the worker stopped before it had done every chunk');
    await finishAndCheck(db, url, added);
  });
});
