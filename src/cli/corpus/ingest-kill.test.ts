/**
 * An ingest killed with SIGKILL in the middle keeps every batch it committed, leaves no half-written
 * article, and a second run stores the rest without storing anything twice. A real child process, a real
 * kill -9, the real engine, on synthetic articles from the team's templates.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { syntheticArticle, syntheticLine } from '../../bench/synthetic-articles.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const MAIN = new URL('../main.ts', import.meta.url).pathname;
const ARTICLES = 600;

function storedArticles(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created, or not migrated yet
  }
}

function ingest(file: string, db: string) {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, 'ingest', '--jsonl', file, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
}

test('kill -9 in the middle of an ingest: committed batches kept, nothing half-written, a re-run resumes', { timeout: 600_000 }, async () => {
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, Array.from({ length: ARTICLES }, (_, n) => syntheticLine(syntheticArticle(n))).join('\n') + '\n');
  const db = join(dir, 'corpus.db');

  const child = ingest(file, db);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let before = 0;
  for (let waited = 0; before === 0 && waited < 300_000; waited += 20) {
    await sleep(20);
    before = storedArticles(db);
  }
  child.kill('SIGKILL');
  const { signal } = await exited;
  assert.equal(signal, 'SIGKILL', 'the ingest was still running when it was killed');
  const killedAt = storedArticles(db);
  assert.ok(killedAt > 0 && killedAt < ARTICLES, `killed mid-way: ${killedAt} of ${ARTICLES} stored`);

  const store = openSqliteStore(db);
  assert.deepEqual(await store.check(), [], 'the database is sound and every stored article is whole');
  await store.close();

  const rerun = ingest(file, db);
  let stdout = '';
  rerun.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => rerun.on('exit', (c) => resolve(c)));
  assert.equal(code, 0);
  const m = /ingested (\d+) articles: (\d+) new, (\d+) unchanged, 0 replaced, 0 failed/.exec(stdout);
  assert.ok(m, stdout);
  assert.equal(Number(m[3]), killedAt, 'what was stored before the kill is skipped');
  assert.equal(Number(m[2]), ARTICLES - killedAt, 'the rest is stored');
  const after = openSqliteStore(db);
  assert.equal((await after.counts()).articles, ARTICLES);
  assert.deepEqual(await after.check(), []);
  await after.close();
});
