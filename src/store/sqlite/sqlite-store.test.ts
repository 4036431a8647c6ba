import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { runStoreSuite } from '../store-suite.js';
import { prepareArticle } from '../prepare.js';
import { buildArticle } from '../test-articles.js';
import { migrate, MIGRATIONS, schemaVersion } from './migrations.js';
import { keyComponents, openSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const tempFile = () => join(dir, `corpus-${n++}.db`);

runStoreSuite('sqlite', async () => openSqliteStore(tempFile()));

test('a new database is migrated to the latest schema version, once', () => {
  const file = tempFile();
  openSqliteStore(file).close();
  const db = new Database(file);
  assert.equal(schemaVersion(db), MIGRATIONS.at(-1)!.version);
  assert.equal(migrate(db), MIGRATIONS.at(-1)!.version);
  assert.equal((db.prepare('SELECT count(*) AS n FROM schema_version').get() as { n: number }).n, MIGRATIONS.length);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
});

test('a database newer than the code is refused, not damaged', () => {
  const db = new Database(tempFile());
  migrate(db);
  db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(99, 'later');
  assert.throws(() => migrate(db), /schema version 99, newer than this whosaid/);
  db.close();
});

test('a later migration applies on top of an existing corpus and keeps its rows', async () => {
  const file = tempFile();
  const store = openSqliteStore(file);
  await store.ingest([prepareArticle(buildArticle({ id: 'x', quotes: [{ speaker: 'Ana Ruiz', text: 'The bridge will open in the spring' }] }))]);
  await store.close();
  const db = new Database(file);
  migrate(db, [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'test', sql: 'ALTER TABLE articles ADD COLUMN language TEXT' }]);
  assert.equal(schemaVersion(db), MIGRATIONS.length + 1);
  assert.equal((db.prepare('SELECT count(*) AS n FROM attributions').get() as { n: number }).n, 1);
  db.close();
});

test('what is committed is there when the file is opened again', async () => {
  const file = tempFile();
  const store = openSqliteStore(file);
  await store.ingest([prepareArticle(buildArticle({ id: 'x', outlet: 'Port Alder Ledger', quotes: [{ speaker: 'Ana Ruiz', text: 'The bridge will open in the spring' }] }))]);
  await store.close();
  const again = openSqliteStore(file, { readonly: true });
  assert.deepEqual((await again.search('spring')).map((h) => h.outlet), ['Port Alder Ledger']);
  await again.close();
});


test('keyComponents: people linked by a shared key, directly or through a third, are matched together', () => {
  assert.deepEqual(keyComponents([['ruiz'], ['bell'], ['ruiz'], []]), [[0, 2], [1], [3]]);
  assert.deepEqual(keyComponents([['a'], ['b'], ['a', 'b']]), [[0, 1, 2]]);
  assert.deepEqual(keyComponents([]), []);
});
