import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { runStoreSuite } from '../store-suite.js';
import { prepareArticle } from '../prepare.js';
import { buildArticle, type TestArticle } from '../test-articles.js';
import type { Cluster } from './cluster.js';
import { FINGERPRINT_VERSION } from '../../corpus/copies.js';
import { MIGRATIONS } from './migrations.js';
import { NoCorpusError, openPostgresStore, type PostgresStore } from './postgres-store.js';
import { skipWithoutPostgres, useTestCluster } from './test-cluster.js';

const cluster = useTestCluster();
let n = 0;

const prepared = (spec: TestArticle) => prepareArticle(buildArticle(spec));

/** A new, empty database on the test cluster; its URL. */
async function freshDatabase(of: Cluster): Promise<string> {
  const name = `corpus_${n++}`;
  const client = new pg.Client(of.url);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return of.url.replace(/\/postgres$/, `/${name}`);
}

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

if (skipWithoutPostgres === false) runStoreSuite('postgres', async () => openPostgresStore(await freshDatabase(cluster())));
else test('store suite: postgres', { skip: skipWithoutPostgres }, () => undefined);

const opts = { skip: skipWithoutPostgres };

test('two processes opening a new database at once migrate it once', opts, async () => {
  const url = await freshDatabase(cluster());
  const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url), openPostgresStore(url)]);
  await Promise.all(stores.map((s) => s.close()));
  assert.deepEqual(await query(url, 'SELECT version FROM schema_version'), MIGRATIONS.map((m) => ({ version: m.version })));
});

test('a database newer than the code is refused, not damaged', opts, async () => {
  const url = await freshDatabase(cluster());
  await (await openPostgresStore(url)).close();
  await query(url, 'INSERT INTO schema_version (version) VALUES (99)');
  await assert.rejects(openPostgresStore(url), /schema version 99, newer than this whosaid/);
  await assert.rejects(openPostgresStore(url, { readonly: true }), /schema version 99, newer than this whosaid/);
});

test('read-only: a database without a corpus is NoCorpusError; a corpus is read, never written', opts, async () => {
  const url = await freshDatabase(cluster());
  await assert.rejects(openPostgresStore(url, { readonly: true }), NoCorpusError);
  const writer = await openPostgresStore(url);
  await writer.ingest([prepared({ id: 'x', outlet: 'Port Alder Ledger', quotes: [{ speaker: 'Ana Ruiz', text: 'The bridge will open in the spring' }] })]);
  await writer.close();
  const reader = await openPostgresStore(url, { readonly: true });
  assert.deepEqual((await reader.search('spring')).hits.map((h) => h.outlet), ['Port Alder Ledger']);
  await assert.rejects(reader.ingest([prepared({ id: 'y', quotes: [{ text: 'Nothing' }] })]), /read-only/);
  await reader.close();
});

test('workers ingesting the same articles at once store each article, person and statement once', opts, async () => {
  const url = await freshDatabase(cluster());
  const workers = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(url)));
  const own = [
    'Tolls on the east bridge go up next month',
    'Our crews repaired four cranes in one week',
    'Nobody was hurt when the old warehouse roof fell in',
    'The fish market moves indoors for the winter',
    'Two tugboats were sold to a buyer from the north',
    'Dredging starts again once the storms have passed',
  ];
  const articles = Array.from({ length: 6 }, (_, i) =>
    prepared({
      id: `harbour-${i}`,
      outlet: `Outlet ${i}`,
      publishedAt: `2024-05-0${i + 1}`,
      people: [{ name: 'Ana Ruiz', also: ['Ruiz'], roles: ['harbour master'] }, { name: `Omar Bell${i}` }],
      quotes: [
        { speaker: 0, text: 'The new pier will open to ferries before the summer season begins' },
        { speaker: 1, text: own[i] },
      ],
    }),
  );
  // every worker sends every article, in its own order and batches
  await Promise.all(workers.map((store, w) => Promise.all([0, 1, 2].map((b) => store.ingest([articles[(w + b * 2) % 6], articles[(w + b * 2 + 1) % 6]])))));
  const [store] = workers;
  assert.deepEqual(await store.counts(), { articles: 6, attributions: 12, people: 7, sharedStatements: 1 });
  assert.equal((await store.speaker('Ana Ruiz')).length, 1);
  assert.equal((await store.trace('The new pier will open to ferries before the summer season begins'))?.copies.length, 6);
  assert.deepEqual(await store.check(), []);
  await Promise.all(workers.map((s) => s.close()));
});

test('workers storing the same content under different ids at once store it once', opts, async () => {
  const url = await freshDatabase(cluster());
  const workers = await Promise.all([1, 2, 3].map(() => openPostgresStore(url)));
  const said = [
    'The ferry will run on time all through the winter',
    'Our crews repaired four cranes in one week',
    'Nobody was hurt when the old warehouse roof fell in',
    'The fish market moves indoors for the cold months',
    'Two tugboats were sold to a buyer from the north',
  ];
  const spec = (id: string, n: number): TestArticle => ({ id, people: [{ name: `Ana Ruiz${n}` }], quotes: [{ speaker: 0, text: said[n] }] });
  // each worker sends the same five contents, under ids of its own
  const outcomes = await Promise.all(workers.map((store, w) => store.ingest([0, 1, 2, 3, 4].map((n) => prepared(spec(`w${w}-${n}`, n))))));
  const [store] = workers;
  assert.deepEqual(await store.counts(), { articles: 5, attributions: 5, people: 5, sharedStatements: 0 });
  assert.equal(outcomes.flat().filter((o) => o.status === 'new').length, 5);
  assert.deepEqual(await store.check(), []);
  await Promise.all(workers.map((s) => s.close()));
});

test('within runs in the ingest transaction: its writes commit with the articles, its error rolls both back', opts, async () => {
  const url = await freshDatabase(cluster());
  const store = await openPostgresStore(url);
  await query(url, 'CREATE TABLE chunks (id text PRIMARY KEY, done boolean NOT NULL)');
  const article = (id: string) => prepared({ id, quotes: [{ speaker: 'Ana Ruiz', text: `The ferry ${id} will run on time` }] });
  await store.ingest([article('a')], { within: async (client) => void (await client.query("INSERT INTO chunks VALUES ('c1', true)")) });
  await assert.rejects(
    store.ingest([article('b')], {
      within: async (client) => {
        await client.query("INSERT INTO chunks VALUES ('c2', true)");
        throw new Error('the chunk was taken by another worker');
      },
    }),
    /taken by another worker/,
  );
  assert.deepEqual(await query(url, 'SELECT id FROM chunks ORDER BY id'), [{ id: 'c1' }]);
  assert.equal((await store.counts()).articles, 1);
  assert.equal(await store.analysis('b'), undefined);
  await store.close();
});

test('a near spelling of a name finds the person when no one has it exactly (pg_trgm)', opts, async () => {
  const store = await openPostgresStore(await freshDatabase(cluster()));
  await store.ingest([
    prepared({ id: 'w', people: [{ name: 'Mike Pompeo', also: ['Pompeo'] }], quotes: [{ speaker: 0, text: 'We are closer than ever' }] }),
    prepared({ id: 'v', people: [{ name: 'Joan Okafor' }], quotes: [{ speaker: 0, text: 'The ballots will be counted by hand' }] }),
  ]);
  assert.deepEqual((await store.speaker('Mike Pompio')).map((p) => p.name), ['Mike Pompeo']);
  assert.deepEqual((await store.speaker('joan okafore')).map((p) => p.name), ['Joan Okafor']);
  assert.deepEqual(await store.speaker('Nobody Atall'), []);
  assert.deepEqual(await store.speaker('Mike Okafor'), [], 'half of each name is not a near spelling of either');
  await store.close();
});

test('the store keeps working across a restart of the server', opts, async () => {
  const store = await openPostgresStore(await freshDatabase(cluster()));
  await store.ingest([prepared({ id: 'x', quotes: [{ speaker: 'Ana Ruiz', text: 'The bridge will open in the spring' }] })]);
  await cluster().restart('immediate');
  assert.equal((await store.search('bridge')).hits.length, 1);
  await store.ingest([prepared({ id: 'y', quotes: [{ speaker: 'Ana Ruiz', text: 'The tunnel will open in the autumn' }] })]);
  assert.equal((await store.counts()).articles, 2);
  await store.close();
});

test('check finds what the schema cannot refuse: a partial article, a group whose first copy is wrong', opts, async () => {
  const url = await freshDatabase(cluster());
  const store = await openPostgresStore(url);
  const quote = { speaker: 'Ana Ruiz', text: 'The bridge will open in the spring and not a day later' };
  await store.ingest([prepared({ id: 'a', publishedAt: '2024-05-01', quotes: [quote] }), prepared({ id: 'b', publishedAt: '2024-04-01', quotes: [quote, { text: 'Tolls go up' }] })]);
  assert.deepEqual(await store.check(), []);
  await query(url, "UPDATE copy_groups SET first_day = '2024-05-01'");
  await query(url, "DELETE FROM attributions WHERE text = 'Tolls go up'");
  assert.deepEqual(await store.check(), [
    '1 articles whose stored attributions differ from their analysis',
    '1 copy groups whose first copy or its day is not one of theirs',
  ]);
  await store.close();
});

test('the database records the fingerprint version of its band keys; another version makes them again on open', opts, async () => {
  const url = await freshDatabase(cluster());
  const store = await openPostgresStore(url);
  const words = 'The harbor bridge will be open before the holidays and not a day later';
  await store.ingest(
    [
      { id: 'c1', publishedAt: '2025-11-14', quotes: [{ speaker: 'Ana Ruiz', text: words }] },
      { id: 'c2', publishedAt: '2025-11-15', quotes: [{ speaker: 'Ana Ruiz', text: words }, { text: 'The ferry fares will stay the same through the whole winter' }] },
    ].map(prepared),
  );
  await store.close();
  const setting = () => query<{ value: string }>(url, "SELECT value FROM store_settings WHERE key = 'fingerprint_version'");
  const bandRows = () => query(url, 'SELECT band, attribution_id FROM copy_bands ORDER BY band, attribution_id');
  assert.deepEqual(await setting(), [{ value: String(FINGERPRINT_VERSION) }]);
  const made = await bandRows();
  // keys of the current version are left alone on open
  await query(url, "UPDATE copy_bands SET band = 'kept:' || band");
  await (await openPostgresStore(url)).close();
  assert.ok((await query<{ band: string }>(url, 'SELECT band FROM copy_bands')).every((r) => r.band.startsWith('kept:')));
  // keys made by another fingerprint: they no longer find anything this code looks up, until made again
  await query(url, "UPDATE store_settings SET value = '0'");
  const again = await openPostgresStore(url);
  assert.deepEqual(await bandRows(), made);
  assert.deepEqual(await setting(), [{ value: String(FINGERPRINT_VERSION) }]);
  assert.deepEqual((await again.trace(words))?.copies.map((c) => c.articleId), ['c1', 'c2']);
  assert.deepEqual(await again.check(), []);
  await again.close();
});

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const row of rows) list.push(row);
  return list;
}

test('a batch stores what its articles stored one after another store: people, copies, replacements, duplicates', opts, async () => {
  const pier = 'The new pier will open to ferries before the summer season begins';
  const tolls = 'Tolls on the east bridge go up next month and stay there all year';
  const specs: TestArticle[] = [
    { id: 'b1', publishedAt: '2024-05-03', people: [{ name: 'Ana Ruiz', roles: ['harbour master'] }], quotes: [{ speaker: 0, text: pier }] },
    // the same person by her surname, a new role, and the statement copied two days earlier: the group's first copy moves
    { id: 'b2', publishedAt: '2024-05-01', people: [{ name: 'Ruiz', roles: ['port director'] }, { name: 'Omar Bell' }], quotes: [{ speaker: 0, text: pier }, { speaker: 1, text: tolls }] },
    // the same content as b2 under another id: unchanged, stored once
    { id: 'b2-again', publishedAt: '2024-05-01', people: [{ name: 'Ruiz', roles: ['port director'] }, { name: 'Omar Bell' }], quotes: [{ speaker: 0, text: pier }, { speaker: 1, text: tolls }] },
    { id: 'b3', publishedAt: '2024-05-04', people: [{ name: 'Omar Bell', also: ['Bell'] }, { name: 'Joan Okafor' }], quotes: [{ speaker: 0, text: tolls }, { speaker: 1, text: 'We will count the ballots by hand' }] },
    // b1 again with other content: replaced, after the articles before it
    { id: 'b1', publishedAt: '2024-05-02', people: [{ name: 'Ana Ruiz' }], quotes: [{ speaker: 0, text: 'The ferry fares stay the same all winter long' }, { speaker: 0, text: pier }] },
    { id: 'b4', people: [{ name: 'A. Ruiz' }], quotes: [{ speaker: 0, text: pier }] },
    // an earlier copy of the tolls statement: the group's first copy moves to it
    { id: 'b5', publishedAt: '2024-04-20', quotes: [{ speaker: 'a spokesman', text: tolls }] },
  ];
  const articles = specs.map(prepared);
  const urls = [await freshDatabase(cluster()), await freshDatabase(cluster())];
  const [oneByOne, batched] = await Promise.all(urls.map((url) => openPostgresStore(url)));
  const outcomes = [];
  for (const article of articles) outcomes.push(...(await oneByOne.ingest([article])));
  assert.deepEqual(await batched.ingest(articles), outcomes);
  assert.deepEqual(outcomes.map((o) => o.status), ['new', 'new', 'unchanged', 'new', 'replaced', 'new', 'new']);
  const view = async (store: PostgresStore, url: string) => ({
    // what the API does not show: each group's first copy, each person's names, keys and roles
    groups: await query(url, 'SELECT g.id, g.first, g.first_day FROM copy_groups g ORDER BY g.id'),
    people: await query(url, `SELECT p.id, p.name, ARRAY(SELECT name FROM person_names n WHERE n.person_id = p.id ORDER BY name) AS names,
      ARRAY(SELECT key FROM person_keys k WHERE k.person_id = p.id ORDER BY key) AS keys,
      ARRAY(SELECT r.role || ' ' || ar.id FROM person_roles r JOIN articles ar ON ar.pk = r.article WHERE r.person_id = p.id ORDER BY 1) AS roles FROM persons p ORDER BY p.id`),
    counts: await store.counts(),
    export: await all(store.export({ type: 'all' })),
    speakers: await store.speakers(),
    ruiz: await store.speaker('Ruiz'),
    bell: await store.speaker('Omar Bell'),
    pier: await store.trace(pier),
    tolls: await store.trace(tolls),
    check: await store.check(),
  });
  const expected = await view(oneByOne, urls[0]);
  assert.deepEqual(await view(batched, urls[1]), expected);
  assert.equal(expected.groups.length, 4);
  const [tollsFirst] = await query<{ id: string }>(urls[1], 'SELECT ar.id FROM copy_groups g JOIN attributions a ON a.id = g.first JOIN articles ar ON ar.pk = a.article WHERE a.text = $1', [tolls]);
  assert.equal(tollsFirst.id, 'b5');
  assert.deepEqual(expected.check, []);
  assert.deepEqual(expected.pier?.copies.map((c) => c.articleId), ['b2', 'b1', 'b4']);
  assert.deepEqual(expected.tolls?.copies.map((c) => c.articleId), ['b5', 'b2', 'b3']);
  await Promise.all([oneByOne.close(), batched.close()]);
});
