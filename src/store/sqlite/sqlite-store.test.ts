import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { runStoreSuite } from '../store-suite.js';
import { prepareArticle } from '../prepare.js';
import { buildArticle } from '../test-articles.js';
import { BANDS, FINGERPRINT_VERSION } from '../../corpus/copies.js';
import { indexBands, refreshBandKeys, storedFingerprintVersion } from './band-keys.js';
import { MAX_BAND_POSTINGS } from '../rows.js';
import { migrate, MIGRATIONS, schemaVersion } from './migrations.js';
import { keyComponents } from '../article-people.js';
import { openSqliteStore } from './sqlite-store.js';
import { RANKED_MATCHES } from '../store.js';
import { syntheticAnalysis, syntheticArticle } from '../../bench/synthetic-articles.js';
import { hashText } from '../rows.js';

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

test('an ingest with a step to run inside its transaction (within) is refused, and stores nothing', async () => {
  const store = openSqliteStore(tempFile());
  let ran = false;
  const article = prepareArticle(buildArticle({ id: 'x', quotes: [{ speaker: 'Ana Ruiz', text: 'The bridge will open in the spring' }] }));
  await assert.rejects(store.ingest([article], { within: async () => void (ran = true) }), /cannot run a step inside its ingest transaction/);
  assert.equal(ran, false);
  assert.equal((await store.counts()).articles, 0);
  await store.close();
});

test('what is committed is there when the file is opened again', async () => {
  const file = tempFile();
  const store = openSqliteStore(file);
  await store.ingest([prepareArticle(buildArticle({ id: 'x', outlet: 'Port Alder Ledger', quotes: [{ speaker: 'Ana Ruiz', text: 'The bridge will open in the spring' }] }))]);
  await store.close();
  const again = openSqliteStore(file, { readonly: true });
  assert.deepEqual((await again.search('spring')).hits.map((h) => h.outlet), ['Port Alder Ledger']);
  await again.close();
});

/** An article in which `name` says something of its own. */
function saying(id: string, name: string) {
  return prepareArticle(buildArticle({ id, people: [{ name }], quotes: [{ speaker: 0, text: `${name} said the vote on ${id} would wait` }] }));
}

test("people another connection changed are read again: the store's cache of known people follows other writers", async () => {
  const file = tempFile();
  const [a, b] = [openSqliteStore(file), openSqliteStore(file)];
  await a.ingest([saying('a1', 'Okafor')]);
  await a.ingest([saying('a2', 'Okafor')]); // a has read Okafor's names
  await b.ingest([saying('b1', 'Jane Okafor')]); // the surname-only Okafor becomes Jane Okafor
  assert.equal((await a.counts()).people, 1);
  await a.ingest([saying('a3', 'Dan Okafor')]); // not the surname-only person any more: someone new
  assert.equal((await a.counts()).people, 2);
  const [jane, dan] = [await a.speaker('Jane Okafor'), await a.speaker('Dan Okafor')];
  assert.deepEqual([jane.map((p) => p.name), dan.map((p) => p.name)], [['Jane Okafor'], ['Dan Okafor']]);
  await Promise.all([a.close(), b.close()]);
});

test('people of a batch that rolled back are not remembered', async () => {
  const store = openSqliteStore(tempFile());
  const broken = saying('x3', 'Lena Ortiz');
  (broken.attributions[0] as { text: unknown }).text = null;
  await assert.rejects(store.ingest([saying('x1', 'Okafor'), saying('x2', 'Okafor'), broken]));
  await store.ingest([saying('y1', 'Dan Okafor')]); // takes the id the rolled-back Okafor had
  await store.ingest([saying('y2', 'Jane Okafor')]); // Dan is no surname-only Okafor: Jane is new
  assert.deepEqual((await store.speakers()).map((s) => s.name).sort(), ['Dan Okafor', 'Jane Okafor']);
  await store.close();
});

test('a role a known person is given later is what tells two people with one surname apart', async () => {
  const store = openSqliteStore(tempFile());
  const said = (id: string, person: { name: string; roles?: string[] }) =>
    prepareArticle(buildArticle({ id, people: [person], quotes: [{ speaker: 0, text: `The council will vote on ${id} next week` }] }));
  await store.ingest([said('q1', { name: 'Dan Okafor' })]);
  await store.ingest([said('q2', { name: 'Jane Okafor', roles: ['surgeon'] })]); // Dan's names read here
  await store.ingest([said('q3', { name: 'Dan Okafor', roles: ['Mayor'] })]); // Dan becomes the mayor
  await store.ingest([said('q4', { name: 'Okafor', roles: ['Mayor'] })]); // the mayor Okafor: Dan
  const [dan] = await store.speaker('Dan Okafor');
  assert.deepEqual(dan.timeline.map((a) => a.articleId), ['q1', 'q3', 'q4']);
  await store.close();
});
/** Three outlets carrying one statement, and a fourth statement of its own. */
async function corpusWithCopies(file: string): Promise<void> {
  const store = openSqliteStore(file);
  const words = 'The harbor bridge will be open before the holidays and not a day later';
  await store.ingest(
    [
      { id: 'c1', outlet: 'Harbor Wire', publishedAt: '2025-11-14', people: [{ name: 'Ana Ruiz' }], quotes: [{ speaker: 0, text: words }] },
      { id: 'c2', outlet: 'Coast Courier', publishedAt: '2025-11-15', people: [{ name: 'Ruiz' }], quotes: [{ speaker: 0, text: words }] },
      { id: 'c3', outlet: 'Lakeview Daily', publishedAt: '2025-11-16', people: [{ name: 'Ana Ruiz' }], quotes: [{ speaker: 0, text: `${words} at all` }, { speaker: 0, text: 'The ferry fares will stay the same through the whole winter' }] },
    ].map((spec) => prepareArticle(buildArticle(spec))),
  );
  await store.close();
}

const bandRows = (db: Database.Database) => db.prepare('SELECT band, attribution_id FROM copy_bands ORDER BY band, attribution_id').all();

test('the database records the fingerprint version of its band keys; another version makes them again on open', async () => {
  const file = tempFile();
  await corpusWithCopies(file);
  const db = new Database(file);
  assert.equal(storedFingerprintVersion(db), FINGERPRINT_VERSION);
  const made = bandRows(db);
  assert.equal(made.length, 2 * BANDS, 'two groups, each listed under its representative\'s bands');
  // keys made by another fingerprint: they no longer find anything this code looks up
  db.prepare("UPDATE store_settings SET value = '0' WHERE key = 'fingerprint_version'").run();
  db.prepare("UPDATE copy_bands SET band = 'old:' || band").run();
  db.close();

  const store = openSqliteStore(file);
  const trace = await store.trace('The harbor bridge will be open before the holidays and not a day later');
  assert.deepEqual(trace?.copies.map((c) => c.articleId), ['c1', 'c2', 'c3']);
  assert.deepEqual(await store.check(), []);
  await store.close();
  const after = new Database(file);
  assert.deepEqual(bandRows(after), made);
  assert.equal(storedFingerprintVersion(after), FINGERPRINT_VERSION);
  after.close();
});

test('band keys of the current version are left alone on open, and refreshBandKeys says so', async () => {
  const file = tempFile();
  await corpusWithCopies(file);
  const db = new Database(file);
  db.prepare("UPDATE copy_bands SET band = 'kept:' || band").run();
  assert.equal(refreshBandKeys(db), false);
  assert.ok((bandRows(db) as { band: string }[]).every((r) => r.band.startsWith('kept:')));
  db.prepare("DELETE FROM store_settings WHERE key = 'fingerprint_version'").run(); // a corpus from before the version was kept
  assert.equal(refreshBandKeys(db), true);
  assert.ok((bandRows(db) as { band: string }[]).every((r) => !r.band.startsWith('kept:')));
  db.close();
});
test('indexBands: a band already listing MAX_BAND_POSTINGS statements takes no more; the others take the new one', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE copy_bands (band TEXT NOT NULL, attribution_id INTEGER NOT NULL, PRIMARY KEY (band, attribution_id)) WITHOUT ROWID');
  const insert = db.prepare('INSERT INTO copy_bands (band, attribution_id) VALUES (?, ?)');
  for (let id = 1; id <= MAX_BAND_POSTINGS; id++) insert.run('00:full', id);
  for (let id = 1; id < MAX_BAND_POSTINGS; id++) insert.run('01:nearly', id);
  indexBands((text) => db.prepare(text), 99, ['00:full', '01:nearly', '02:new', '02:new']);
  assert.deepEqual(db.prepare('SELECT band FROM copy_bands WHERE attribution_id = 99 ORDER BY band').all(), [{ band: '01:nearly' }, { band: '02:new' }]);
  db.close();
});

test('keyComponents: people linked by a shared key, directly or through a third, are matched together', () => {
  assert.deepEqual(keyComponents([['ruiz'], ['bell'], ['ruiz'], []]), [[0, 2], [1], [3]]);
  assert.deepEqual(keyComponents([['a'], ['b'], ['a', 'b']]), [[0, 1, 2]]);
  assert.deepEqual(keyComponents([]), []);
});

test('a filtered search returns what filtering every match, keeping the newest RANKED_MATCHES and ranking them by bm25 returns', async () => {
  const file = tempFile();
  const store = openSqliteStore(file);
  const articles = Array.from({ length: 1000 }, (_, n) => {
    const article = syntheticArticle(n);
    return prepareArticle({ article: { id: article.id, outlet: article.outlet, title: article.title, url: article.url, publishedAt: article.publishedAt, text: article.text, sourceHash: hashText(article.text) }, analysis: syntheticAnalysis(article) });
  });
  await store.ingest(articles);
  // words repeated in one statement (a term frequency above 1), accents folded, a phrase inside a longer text
  await store.ingest([
    prepareArticle(buildArticle({ id: 'extra-1', outlet: 'Harbor Wire', publishedAt: '2015-01-03', quotes: [{ speaker: 'Zoë Ashby', text: 'The ferry, the ferry, always the ferry: the café by the pier wants the ferry back before the holidays' }] })),
    prepareArticle(buildArticle({ id: 'extra-2', outlet: 'Coast Courier', publishedAt: '2015-01-04', quotes: [{ speaker: 'Zoë Ashby', text: 'Ferry' }] })),
  ]);
  const db = new Database(file, { readonly: true });
  const passing = (match: string, where: string, params: unknown[]) =>
    db
      .prepare(
        `SELECT m.id, m.rank FROM (SELECT rowid AS id, bm25(attributions_fts) AS rank FROM attributions_fts WHERE attributions_fts MATCH ?) m
         JOIN attributions a ON a.id = m.id JOIN articles ar ON ar.pk = a.article WHERE a.type = 'statement' AND ${where}`,
      )
      .all(match, ...params) as { id: number; rank: number }[];
  const expected = (rows: { id: number; rank: number }[], limit: number) =>
    rows.sort((a, b) => b.id - a.id).slice(0, RANKED_MATCHES).sort((a, b) => a.rank - b.rank || a.id - b.id).slice(0, limit);
  const cases: [string, string, Parameters<typeof store.search>[1], string, unknown[]][] = [
    ['ferry', '"ferry"', { speaker: 'Zoë Ashby' }, "(a.person_id IS NULL AND a.speaker_name = 'Zoë Ashby')", []],
    ['ferry', '"ferry"', { outlet: 'harbor wire' }, 'ar.outlet = ? COLLATE NOCASE', ['Harbor Wire']],
    ['the', '"the"', { from: '2015-01-02', to: '2015-01-05' }, "a.date BETWEEN '2015-01-02' AND '2015-01-05'", []],
    ['"before the holidays"', '"before" + "the" + "holidays"', { outlet: 'Harbor Wire', from: '2015-01-01' }, "ar.outlet = 'Harbor Wire' AND a.date >= '2015-01-01'", []],
    ['the -ferry', '"the" NOT "ferry"', { to: '2015-01-04', limit: 50 }, "a.date <= '2015-01-04'", []],
    ['cafe', '"cafe"', { outlet: 'Harbor Wire' }, "ar.outlet = 'Harbor Wire'", []],
    // more statements than are ranked: the newest RANKED_MATCHES of them are
    ['the', '"the"', {}, '1', []],
    ['the', '"the"', { outlet: 'Harbor Wire', limit: 30 }, "ar.outlet = 'Harbor Wire'", []],
  ];
  let capped = 0;
  try {
    for (const [query, match, filters, where, params] of cases) {
      const { hits, matches, ranked, capped: more } = await store.search(query, filters);
      const all = passing(match, where, params);
      const want = expected(all, filters?.limit ?? 20);
      assert.ok(want.length > 0, query);
      assert.equal(ranked, Math.min(all.length, RANKED_MATCHES), query);
      assert.equal(more, all.length > RANKED_MATCHES, query);
      assert.equal(matches, more ? (db.prepare('SELECT count(*) AS n FROM attributions_fts WHERE attributions_fts MATCH ?').get(match) as { n: number }).n : undefined, query);
      if (more) capped++;
      assert.deepEqual(hits.map((h) => h.id), want.map((w) => w.id), `${query} ${JSON.stringify(filters)}`);
      assert.deepEqual(hits.map((h) => h.rank), want.map((w) => w.rank), query);
    }
    assert.ok(capped > 0, 'a query matched more statements than are ranked');
  } finally {
    db.close();
    await store.close();
  }
});

test('the store counts its timings in CPU time only when asked (a system call each time), and on the clock always', async () => {
  const article = () => prepareArticle(buildArticle({ id: 'x', quotes: [{ speaker: 'Ana Ruiz', text: 'The bridge will open in the spring once the cables are tested' }] }));
  const plain = openSqliteStore(tempFile());
  await plain.ingest([article()]);
  assert.ok(plain.timings.peopleMs > 0 && plain.timings.groupingMs > 0);
  assert.deepEqual([plain.timings.peopleCpuMs, plain.timings.groupingCpuMs], [0, 0]);
  await plain.close();
  const counted = openSqliteStore(tempFile(), { cpuTimings: true });
  const cpu = process.cpuUsage();
  for (let i = 0; i < 20; i++) await counted.ingest([prepareArticle(buildArticle({ id: `x${i}`, quotes: [{ speaker: 'Ana Ruiz', text: `The bridge will open in the spring once cable ${i} is tested` }] }))]);
  const spent = process.cpuUsage(cpu);
  assert.ok(counted.timings.peopleCpuMs + counted.timings.groupingCpuMs > 0);
  assert.ok(counted.timings.peopleCpuMs + counted.timings.groupingCpuMs <= (spent.user + spent.system) / 1000);
  await counted.close();
});

test('statement journals stay in memory (temp_store), not in a temporary file per statement', () => {
  const store = openSqliteStore(tempFile());
  const db = (store as unknown as { db: Database.Database }).db;
  assert.equal(db.pragma('temp_store', { simple: true }), 2);
  store.close();
});

test("migration 4 copies each article's outlet into its attributions and each date's span of ids, which search --outlet and --from/--to then read", async () => {
  const file = tempFile();
  const store = openSqliteStore(file);
  await store.ingest([
    prepareArticle(buildArticle({ id: 'x', outlet: 'Port Alder Ledger', publishedAt: '2024-03-02', quotes: [{ speaker: 'Ana Ruiz', text: 'The bridge will open in the spring' }] })),
    prepareArticle(buildArticle({ id: 'y', outlet: 'Harbor Wire', publishedAt: '2024-03-01', quotes: [{ speaker: 'Omar Bell', text: 'The bridge needs a new deck first' }] })),
    prepareArticle(buildArticle({ id: 'z', quotes: [{ speaker: 'Omar Bell', text: 'Nobody has paid for the bridge yet' }] })),
  ]);
  await store.close();
  // the corpus as version 3 left it: no outlet on attributions
  const db = new Database(file);
  db.exec('DROP INDEX attributions_outlet; DROP INDEX attributions_search_filter; DROP TABLE attribution_days; ALTER TABLE attributions DROP COLUMN outlet; DELETE FROM schema_version WHERE version = 4');
  db.close();
  const again = openSqliteStore(file);
  try {
    assert.deepEqual((await again.search('bridge', { outlet: 'port alder ledger' })).hits.map((h) => h.articleId), ['x']);
    assert.deepEqual((await again.search('bridge', { outlet: 'Harbor Wire' })).hits.map((h) => h.articleId), ['y']);
    assert.deepEqual((await again.search('bridge', { from: '2024-03-02' })).hits.map((h) => h.articleId), ['x']);
    assert.deepEqual((await again.search('bridge', { to: '2024-03-01' })).hits.map((h) => h.articleId), ['y']);
    assert.deepEqual((await again.search('bridge', { from: '2024-03-03' })).hits, []);
    const reread = new Database(file, { readonly: true });
    assert.deepEqual(reread.prepare('SELECT outlet FROM attributions ORDER BY id').all(), [{ outlet: 'Port Alder Ledger' }, { outlet: 'Harbor Wire' }, { outlet: null }]);
    assert.deepEqual(reread.prepare('SELECT date, first, last FROM attribution_days ORDER BY date').all(), [{ date: '2024-03-01', first: 2, last: 2 }, { date: '2024-03-02', first: 1, last: 1 }]);
    reread.close();
    assert.deepEqual(await again.check(), []);
  } finally {
    await again.close();
  }
});
