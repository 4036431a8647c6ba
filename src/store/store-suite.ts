/**
 * The tests every store runs: `runStoreSuite('sqlite', () => openSqliteStore(tempFile()))`. They speak
 * only through the Store interface, so a second store (PostgreSQL) runs them unchanged. Articles are the
 * team's own (test-articles.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { prepareArticle } from './prepare.js';
import { QueryError } from './query.js';
import { RANKED_MATCHES, type Store } from './store.js';
import { buildArticle, type TestArticle } from './test-articles.js';

const POMPEO: TestArticle = {
  id: 'wire-1',
  outlet: 'Harbor Wire',
  title: 'Talks resume',
  url: 'https://wire.example/1',
  publishedAt: '2018-10-08',
  people: [{ name: 'Mike Pompeo', also: ['Pompeo'], roles: ['Secretary of State'] }, { name: 'Kim Yo Jong' }],
  quotes: [
    { speaker: 0, text: 'We are closer to denuclearization than we have ever been' },
    { speaker: 0, text: 'The talks were productive and the next round will come soon', kind: 'mixed' },
    { speaker: 1, text: 'We expect steps in return for every step we take', kind: 'indirect' },
    { speaker: 0, text: 'Pompeo believes sanctions will stay until the work is done', type: 'belief', kind: 'indirect' },
  ],
};

const COPY: TestArticle = {
  id: 'daily-7',
  outlet: 'Lakeview Daily',
  publishedAt: '2018-10-09',
  people: [{ name: 'Pompeo' }],
  quotes: [
    { speaker: 0, text: 'We are closer to denuclearization than we have ever been' },
    { speaker: 0, text: 'Nobody should expect a deal by the end of the month', saidOn: '2018-10-07' },
  ],
};

/** The same statement, earlier, in a third outlet, with two words changed. */
const EARLIER_VARIANT: TestArticle = {
  id: 'post-3',
  outlet: 'Evening Post',
  publishedAt: '2018-10-05',
  people: [{ name: 'Michael Pompeo', also: ['Pompeo'], roles: ['Secretary'] }],
  quotes: [{ speaker: 0, text: 'We are much closer to denuclearization than we have ever been before' }],
};

const OTHER_POMPEO: TestArticle = {
  id: 'county-2',
  outlet: 'County Courier',
  publishedAt: '2019-03-01',
  people: [{ name: 'Joan Pompeo', also: ['Pompeo'], roles: ['county clerk'] }],
  quotes: [{ speaker: 0, text: 'The ballots will be counted by hand this year', kind: 'direct' }],
};

async function ingest(store: Store, ...specs: TestArticle[]) {
  return store.ingest(specs.map((spec) => prepareArticle(buildArticle(spec))));
}

/** Runs the shared store tests against stores made by `open` (a new, empty store each call). */
export function runStoreSuite(name: string, open: () => Promise<Store>): void {
  const withStore = (fn: (store: Store) => Promise<void>) => async () => {
    const store = await open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  describe(`store suite: ${name}`, () => {
    test('an ingested article is stored with its analysis, attributions and people', withStore(async (store) => {
      const [outcome] = await ingest(store, POMPEO);
      assert.deepEqual(outcome, { articleId: 'wire-1', status: 'new', attributions: 4, newPeople: 2 });
      assert.deepEqual(await store.counts(), { articles: 1, attributions: 4, people: 2, sharedStatements: 0 });
      assert.deepEqual(await store.analysis('wire-1'), buildArticle(POMPEO).analysis);
      assert.equal(await store.analysis('nope'), undefined);
      assert.deepEqual(await store.check(), []);
    }));

    test('the same article twice, by id or by content, is stored once', withStore(async (store) => {
      await ingest(store, POMPEO);
      const again = await ingest(store, POMPEO, { ...POMPEO, id: 'wire-1-mirror' });
      assert.deepEqual(again.map((o) => o.status), ['unchanged', 'unchanged']);
      assert.equal(again[1].articleId, 'wire-1', 'a copy under another id points at the stored article');
      assert.equal((await store.counts()).articles, 1);
      const { article } = buildArticle(POMPEO);
      assert.equal(await store.known('anything', article.sourceHash), 'unchanged');
      assert.equal(await store.known('wire-1', 'another hash'), 'absent');
    }));

    test('an article whose text changed replaces its old analysis', withStore(async (store) => {
      await ingest(store, POMPEO, COPY);
      const changed: TestArticle = { ...POMPEO, quotes: [{ speaker: 0, text: 'The summit will take place in the spring at the earliest' }] };
      const [outcome] = await ingest(store, changed);
      assert.equal(outcome.status, 'replaced');
      assert.equal(outcome.attributions, 1);
      assert.deepEqual((await store.search('productive')).hits, []);
      assert.equal((await store.search('summit spring')).hits.length, 1);
      assert.equal((await store.counts()).attributions, 3);
      // the statement the old text shared with daily-7 is daily-7's alone now
      const trace = await store.trace('We are closer to denuclearization than we have ever been');
      assert.deepEqual(trace?.copies.map((c) => c.articleId), ['daily-7']);
      assert.deepEqual(await store.check(), []);
    }));

    test('a batch is stored whole or not at all', withStore(async (store) => {
      const broken = prepareArticle(buildArticle(COPY));
      (broken.attributions[1] as { text: unknown }).text = null;
      await assert.rejects(store.ingest([prepareArticle(buildArticle(POMPEO)), broken]));
      assert.deepEqual(await store.counts(), { articles: 0, attributions: 0, people: 0, sharedStatements: 0 });
      assert.deepEqual(await store.check(), []);
    }));

    test('search ranks by relevance and returns text, speaker, cue, article and a highlighted snippet', withStore(async (store) => {
      await ingest(store, POMPEO, COPY, OTHER_POMPEO);
      const hits = (await store.search('denuclearization')).hits;
      assert.deepEqual(hits.map((h) => h.articleId).sort(), ['daily-7', 'wire-1']);
      const hit = hits.find((h) => h.articleId === 'wire-1')!;
      assert.equal(hit.text, 'We are closer to denuclearization than we have ever been');
      assert.deepEqual(hit.speaker, { name: 'Mike Pompeo', mention: 'Pompeo', personId: hit.speaker?.personId });
      assert.equal(hit.cue, 'said');
      assert.equal(hit.title, 'Talks resume');
      assert.equal(hit.outlet, 'Harbor Wire');
      assert.equal(hit.url, 'https://wire.example/1');
      assert.equal(hit.publishedAt, '2018-10-08');
      assert.deepEqual(hit.highlights.map((h) => hit.snippet.slice(h.start, h.end)), ['denuclearization']);
      assert.equal(typeof hit.rank, 'number');
    }));

    const queries: [string, string[]][] = [
      ['closer denuclearization', ['daily-7/a1', 'wire-1/a1']],
      ['"next round"', ['wire-1/a2']],
      ['"round next"', []],
      ['denuclearization -nobody', ['daily-7/a1', 'wire-1/a1']],
      ['we -denuclearization', ['wire-1/a3']],
      ['deal -"end of the month"', []],
      ['DENUCLEARIZATION', ['daily-7/a1', 'wire-1/a1']],
      ['ballots', ['county-2/a1']],
    ];
    for (const [query, expected] of queries) {
      test(`search ${query}`, withStore(async (store) => {
        await ingest(store, POMPEO, COPY, OTHER_POMPEO);
        const hits = (await store.search(query)).hits;
        assert.deepEqual(hits.map((h) => `${h.articleId}/${h.localId}`).sort(), expected);
      }));
    }

    test('search filters: speaker, outlet, dates, type, kind, limit', withStore(async (store) => {
      await ingest(store, POMPEO, COPY, OTHER_POMPEO);
      const ids = async (query: string, filters: Parameters<Store['search']>[1]) => (await store.search(query, filters)).hits.map((h) => `${h.articleId}/${h.localId}`).sort();
      assert.deepEqual(await ids('we', { speaker: 'kim yo jong' }), ['wire-1/a3']);
      assert.deepEqual(await ids('closer', { speaker: 'Mike Pompeo' }), ['daily-7/a1', 'wire-1/a1']);
      assert.deepEqual(await ids('ballots', { speaker: 'Mike Pompeo' }), []);
      assert.deepEqual(await ids('closer', { outlet: 'lakeview daily' }), ['daily-7/a1']);
      assert.deepEqual(await ids('closer', { from: '2018-10-09' }), ['daily-7/a1']);
      assert.deepEqual(await ids('closer', { to: '2018-10-08' }), ['wire-1/a1']);
      // the date said wins over the publication date: said 2018-10-07, published 2018-10-09
      assert.deepEqual(await ids('deal', { to: '2018-10-07' }), ['daily-7/a2']);
      assert.deepEqual(await ids('sanctions', {}), []);
      assert.deepEqual(await ids('sanctions', { type: 'all' }), ['wire-1/a4']);
      assert.deepEqual(await ids('sanctions', { type: 'belief' }), ['wire-1/a4']);
      assert.deepEqual(await ids('the', { kind: 'mixed' }), ['wire-1/a2']);
      assert.equal((await store.search('we', { type: 'all', limit: 2 })).hits.length, 2);
    }));

    test('search finds the few statements a query matches among hundreds of better-ranked other types', withStore(async (store) => {
      const beliefs: TestArticle = {
        id: 'beliefs',
        quotes: Array.from({ length: 300 }, (_, i) => ({ speaker: 'Ana Ruiz', text: `ferry ferry ferry number ${i}`, type: 'belief' as const, kind: 'indirect' as const })),
      };
      const statements: TestArticle = {
        id: 'statements',
        quotes: [1, 2, 3].map((i) => ({ speaker: 'Omar Bell', text: `The ferry timetable changes on day ${i} of the long winter season ahead of us` })),
      };
      await ingest(store, beliefs, statements);
      assert.deepEqual((await store.search('ferry')).hits.map((h) => h.articleId), ['statements', 'statements', 'statements']);
      assert.equal((await store.search('ferry', { type: 'all', limit: 50 })).hits.length, 50);
      assert.equal((await store.search('ferry', { type: 'all', limit: 50 })).hits[0].articleId, 'beliefs', 'ranked by bm25: the denser text first');
    }));

    test('a query matching more statements than are ranked ranks the newest RANKED_MATCHES of them, and says so', withStore(async (store) => {
      const old: TestArticle = { id: 'old', outlet: 'Valley Voice', publishedAt: '2019-01-01', quotes: [{ speaker: 'Ana Ruiz', text: 'Ferry ferry ferry' }] };
      const newer = [0, 1, 2].map((k): TestArticle => ({
        id: `newer-${k}`,
        outlet: 'Harbor Wire',
        publishedAt: `2019-02-0${k + 1}`,
        quotes: Array.from({ length: 340 }, (_, i) => ({ speaker: 'Omar Bell', text: `The ferry timetable changes on day ${k * 340 + i} of the long winter season` })),
      }));
      await ingest(store, old, ...newer);
      const all = await store.search('ferry');
      assert.deepEqual({ matches: all.matches, ranked: all.ranked, capped: all.capped }, { matches: 1021, ranked: RANKED_MATCHES, capped: true });
      assert.equal(all.hits.length, 20);
      assert.ok(all.hits.every((h) => h.articleId.startsWith('newer-')), 'the oldest match, the densest, is not among those ranked');
      const narrowed = await store.search('ferry', { outlet: 'valley voice' });
      assert.deepEqual(narrowed, { hits: narrowed.hits, ranked: 1, capped: false }, 'every match passing the filters ranked: no count');
      assert.deepEqual(narrowed.hits.map((h) => h.articleId), ['old']);
      const some = await store.search('"day 7"');
      assert.deepEqual({ ...some, hits: some.hits.map((h) => h.text) }, { hits: ['The ferry timetable changes on day 7 of the long winter season'], ranked: 1, capped: false });
      assert.deepEqual({ ...(await store.search('ferry', { type: 'all', limit: 1 })), hits: [] }, { hits: [], ranked: RANKED_MATCHES, capped: true, matches: 1021 });
    }));

    test('a query with nothing to search for is a QueryError', withStore(async (store) => {
      await ingest(store, POMPEO);
      for (const bad of ['', '   ', '-denuclearization', '***', '""', '- -']) await assert.rejects(store.search(bad), QueryError, bad);
    }));

    const hostile = [
      '"', '"""', 'closer"', 'NEAR(closer denuclearization)', 'closer NEAR denuclearization', 'closer AND', 'OR closer', 'NOT closer',
      'closer*', '^closer', 'text:closer', 'attributions_fts:closer', '(closer', 'closer)', "closer'; DROP TABLE articles; --", 'closer\0denuclearization',
      '{text}: closer', 'closer -', '+closer', 'clos*er', 'zürich ünïcödé 北京', '😀 closer', 'closer\u202e', '\\"closer\\"', 'closer OR 1=1',
    ];
    test('hostile queries are words, never syntax', withStore(async (store) => {
      await ingest(store, POMPEO, COPY);
      for (const query of hostile) {
        try {
          const hits = (await store.search(query, { type: 'all' })).hits;
          for (const hit of hits) assert.ok(hit.text.length > 0, query);
        } catch (error) {
          assert.ok(error instanceof QueryError, `${JSON.stringify(query)}: ${String(error)}`);
        }
      }
      assert.equal((await store.search('NEAR(closer denuclearization)')).hits.length, 0, 'NEAR is a word here, and no text has it');
      assert.equal((await store.search("closer'; DROP TABLE articles; --")).hits.length, 0);
      assert.equal((await store.counts()).articles, 2);
      assert.deepEqual(await store.check(), []);
    }));

    test('people: full name, role and a lone surname are one person; another first name is another', withStore(async (store) => {
      await ingest(store, POMPEO, COPY, OTHER_POMPEO);
      const speakers = await store.speakers();
      const pompeos = speakers.filter((s) => /Pompeo/.test(s.name)).map((s) => s.name).sort();
      assert.deepEqual(pompeos, ['Joan Pompeo', 'Mike Pompeo']);
      const [mike] = await store.speaker('Mike Pompeo');
      assert.ok(mike.variants.includes('Pompeo'));
      assert.deepEqual(mike.roles.map((r) => r.role), ['Secretary of State']);
      assert.deepEqual(mike.timeline.map((a) => `${a.articleId}/${a.localId}`), ['daily-7/a2', 'wire-1/a1', 'wire-1/a2', 'wire-1/a4', 'daily-7/a1']);
      const [joan] = await store.speaker('joan pompeo');
      assert.deepEqual(joan.timeline.map((a) => a.text), ['The ballots will be counted by hand this year']);
      assert.notEqual(joan.personId, mike.personId);
      assert.equal((await store.speaker('Pompeo')).length, 2, 'a surname two people share names both');
      assert.deepEqual(await store.speaker('Nobody Atall'), []);
    }));

    test('people: a lone surname two known people share stays unresolved, with the article\'s name for it', withStore(async (store) => {
      const lone: TestArticle = { id: 'lone-9', outlet: 'Valley Voice', publishedAt: '2019-04-02', people: [{ name: 'Pompeo' }], quotes: [{ speaker: 0, text: 'The ferry will keep running through the winter' }] };
      await ingest(store, POMPEO, OTHER_POMPEO, lone);
      assert.equal((await store.counts()).people, 3, 'Mike Pompeo, Kim Yo Jong, Joan Pompeo: no third Pompeo');
      const [hit] = (await store.search('ferry winter')).hits;
      assert.deepEqual(hit.speaker, { name: 'Pompeo', mention: 'Pompeo' });
      assert.deepEqual((await store.search('ferry', { speaker: 'Pompeo' })).hits.map((h) => h.articleId), ['lone-9']);
    }));

    test('speakers: statements, articles, outlets, first and last date, with filters', withStore(async (store) => {
      await ingest(store, POMPEO, COPY, OTHER_POMPEO);
      const rows = await store.speakers();
      const mike = rows.find((r) => r.name === 'Mike Pompeo')!;
      assert.deepEqual({ ...mike, personId: 0 }, { personId: 0, name: 'Mike Pompeo', statements: 4, articles: 2, outlets: 2, first: '2018-10-07', last: '2018-10-09' });
      assert.equal(rows[0].name, 'Mike Pompeo', 'most statements first');
      assert.deepEqual((await store.speakers({ outlet: 'County Courier' })).map((r) => r.name), ['Joan Pompeo']);
      assert.deepEqual((await store.speakers({ from: '2019-01-01' })).map((r) => r.name), ['Joan Pompeo']);
      assert.deepEqual((await store.speakers({ to: '2018-12-31' })).map((r) => r.name).sort(), ['Kim Yo Jong', 'Mike Pompeo']);
      assert.equal((await store.speakers({ limit: 1 })).length, 1);
    }));

    test('stats: attributions by type, statements per day, the most quoted by outlet and by month, with filters', withStore(async (store) => {
      await ingest(store, POMPEO, COPY, OTHER_POMPEO);
      const stats = await store.stats();
      assert.deepEqual(stats.byType, [{ type: 'statement', count: 6 }, { type: 'belief', count: 1 }]);
      assert.deepEqual(stats.perDay, [{ day: '2018-10-07', count: 1 }, { day: '2018-10-08', count: 3 }, { day: '2018-10-09', count: 1 }, { day: '2019-03-01', count: 1 }]);
      const ids = (await store.speakers()).reduce((m, s) => m.set(s.name, s.personId), new Map<string, number>());
      const person = (name: string, statements: number) => ({ personId: ids.get(name)!, name, statements });
      assert.deepEqual(stats.byOutlet, [
        { outlet: 'Harbor Wire', statements: 3, speakers: [person('Mike Pompeo', 2), person('Kim Yo Jong', 1)] },
        { outlet: 'Lakeview Daily', statements: 2, speakers: [person('Mike Pompeo', 2)] },
        { outlet: 'County Courier', statements: 1, speakers: [person('Joan Pompeo', 1)] },
      ]);
      assert.deepEqual(stats.overTime.map((p) => [p.name, p.statements, p.months]), [
        ['Mike Pompeo', 4, [{ month: '2018-10', count: 4 }]],
        ['Joan Pompeo', 1, [{ month: '2019-03', count: 1 }]],
        ['Kim Yo Jong', 1, [{ month: '2018-10', count: 1 }]],
      ]);
      const courier = await store.stats({ outlet: 'county courier' });
      assert.deepEqual(courier.byType, [{ type: 'statement', count: 1 }]);
      assert.deepEqual(courier.byOutlet.map((o) => o.outlet), ['County Courier']);
      const late = await store.stats({ from: '2018-10-09', to: '2018-12-31' });
      assert.deepEqual(late.perDay, [{ day: '2018-10-09', count: 1 }]);
    }));

    test('stats of an empty corpus are empty', withStore(async (store) => {
      assert.deepEqual(await store.stats(), { byType: [], perDay: [], byOutlet: [], overTime: [] });
    }));

    test('trace: copies across outlets, earliest first, variants word by word', withStore(async (store) => {
      await ingest(store, POMPEO, COPY, EARLIER_VARIANT);
      const trace = await store.trace('closer to denuclearization than we have ever been');
      assert.ok(trace);
      assert.deepEqual(trace.copies.map((c) => [c.articleId, c.outlet, c.publishedAt, c.variant]), [
        ['post-3', 'Evening Post', '2018-10-05', false],
        ['wire-1', 'Harbor Wire', '2018-10-08', true],
        ['daily-7', 'Lakeview Daily', '2018-10-09', true],
      ]);
      const diff = trace.copies[1].diff!;
      assert.deepEqual(diff.filter((d) => d.op === 'removed').map((d) => d.text.trim()).join(' '), 'much before');
      assert.equal(diff.filter((d) => d.op !== 'removed').map((d) => d.text).join(' '), trace.copies[1].text);
      assert.equal(trace.copies[0].speaker, 'Mike Pompeo');
      const byId = await store.trace(trace.copies[2].attributionId);
      assert.deepEqual(byId, trace);
      assert.equal((await store.counts()).sharedStatements, 1);
      assert.equal(await store.trace(999999), undefined);
      assert.equal(await store.trace('words that appear in no statement whatsoever'), undefined);
    }));

    test('trace: an identical copy is not a variant; a statement alone has one copy', withStore(async (store) => {
      await ingest(store, POMPEO, COPY);
      const trace = await store.trace('We are closer to denuclearization than we have ever been');
      assert.deepEqual(trace?.copies.map((c) => [c.articleId, c.variant]), [['wire-1', false], ['daily-7', false]]);
      const alone = await store.trace('The talks were productive and the next round will come soon');
      assert.deepEqual(alone?.copies.map((c) => c.articleId), ['wire-1']);
    }));

    test('export: every attribution matching filters and an optional query, oldest first', withStore(async (store) => {
      await ingest(store, POMPEO, COPY, OTHER_POMPEO);
      const all = [];
      for await (const row of store.export({ type: 'all' })) all.push(row);
      assert.equal(all.length, 7);
      assert.deepEqual(all.map((r) => r.saidOn ?? r.publishedAt), [...all.map((r) => r.saidOn ?? r.publishedAt)].sort());
      const filtered = [];
      for await (const row of store.export({ query: 'closer', outlet: 'Harbor Wire' })) filtered.push(row.text);
      assert.deepEqual(filtered, ['We are closer to denuclearization than we have ever been']);
      const limited = [];
      for await (const row of store.export({ limit: 2 })) limited.push(row);
      assert.equal(limited.length, 2);
    }));
  });
}
