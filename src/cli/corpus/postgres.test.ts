/**
 * The corpus commands with `--db postgres://…` against a throwaway PostgreSQL cluster: two articles the
 * team wrote are ingested with the real engine, then searched, listed, traced and exported.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { skipWithoutPostgres, useTestCluster } from '../../store/postgres/test-cluster.js';
import { runInProcess as run } from '../run-in-process.js';

const cluster = useTestCluster();
const opts = { skip: skipWithoutPostgres };

const ARTICLES = [
  {
    id: 'gazette-1',
    outlet: 'Millbrook Gazette',
    publishedAt: '2025-03-02',
    text: 'Mayor Dana Okafor said on Monday that the new library would open in June.\n“We have waited ten years for this building,” Okafor told the council.\n',
  },
  {
    id: 'herald-1',
    outlet: 'Valley Herald',
    publishedAt: '2025-03-03',
    text: 'Librarian Tomas Reyes said the reading rooms would stay open until midnight during exams.\n“Students asked us for quiet space and late hours,” Reyes said.\n',
  },
];
const jsonl = ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n';

const json = <T>(text: string) => JSON.parse(text) as T;

test('ingest, search, speakers, speaker, trace and export with --db postgres://', opts, async () => {
  const db = cluster().url;
  const ingested = await run(['ingest', '--jsonl', '-', '--db', db], { stdin: jsonl });
  assert.equal(ingested.code, 0, ingested.stderr);
  assert.match(ingested.stdout, /^ingested 2 articles: 2 new, 0 unchanged, 0 replaced, 0 failed; .*the corpus holds 2 articles/);

  const { hits } = json<{ hits: { articleId: string; text: string; speaker?: { name: string } }[] }>((await run(['search', 'waited building', '--db', db, '--format', 'json'])).stdout);
  assert.deepEqual(hits.map((h) => [h.articleId, h.speaker?.name]), [['gazette-1', 'Dana Okafor']]);
  assert.match(hits[0].text, /We have waited ten years for this building/);

  const quiet = json<{ hits: { articleId: string }[] }>((await run(['search', '"quiet space"', '--db', db, '--format', 'json'])).stdout).hits;
  assert.deepEqual(quiet.map((h) => h.articleId), ['herald-1']);
  const none = json<{ hits: unknown[] }>((await run(['search', 'library -building -june', '--db', db, '--format', 'json'])).stdout).hits;
  assert.deepEqual(none, []);

  const speakers = json<{ name: string }[]>((await run(['speakers', '--db', db, '--format', 'json'])).stdout);
  assert.deepEqual(speakers.map((s) => s.name).sort(), ['Dana Okafor', 'Tomas Reyes']);
  const reyes = json<{ name: string }[]>((await run(['speaker', 'Tomas Reyes', '--db', db, '--format', 'json'])).stdout);
  assert.deepEqual(reyes.map((p) => p.name), ['Tomas Reyes']);

  const exported = (await run(['export', '--db', db, '--format', 'jsonl', '--outlet', 'valley herald'])).stdout.trim().split('\n');
  assert.ok(exported.length >= 1 && exported.every((l) => (JSON.parse(l) as { articleId: string }).articleId === 'herald-1'), exported.join('\n'));

  const again = await run(['ingest', '--jsonl', '-', '--db', db], { stdin: jsonl });
  assert.match(again.stdout, /ingested 2 articles: 0 new, 2 unchanged/);
});

test('WHOSAID_DB with a postgres:// URL is the corpus; a database without one is a plain error', opts, async () => {
  const saved = process.env.WHOSAID_DB;
  process.env.WHOSAID_DB = cluster().url.replace(/\/postgres$/, '/template1');
  try {
    const result = await run(['search', 'library']);
    assert.equal(result.code, 66);
    assert.match(result.stderr, /no corpus in this database; create one with whosaid ingest --db URL/);
  } finally {
    if (saved === undefined) delete process.env.WHOSAID_DB;
    else process.env.WHOSAID_DB = saved;
  }
  const unreachable = await run(['search', 'library', '--db', 'postgres://postgres:secret@127.0.0.1:1/none']);
  assert.equal(unreachable.code, 66);
  assert.match(unreachable.stderr, /cannot open the corpus/);
  assert.doesNotMatch(unreachable.stderr, /secret/);
});
