import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readWarc, responseStarts, type WarcItem } from './warc.js';
import { archive, pageOf, type Spec } from './warc-fixtures.js';

/** The archive in chunks of 1000 bytes, as a file stream would give it. */
async function* streamOf(data: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += 1000) yield data.subarray(i, i + 1000);
}

async function collect(data: Uint8Array, options?: Parameters<typeof readWarc>[1]): Promise<WarcItem[]> {
  const items: WarcItem[] = [];
  for await (const item of readWarc(streamOf(data), options)) items.push(item);
  return items;
}

const summary = (items: WarcItem[]): string[] => items.map((i) => (i.ok ? `${i.index} ok ${i.uri}` : `${i.index} ${i.code}`));

for (const gzip of [false, true]) {
  const kind = gzip ? 'gzipped' : 'plain';

  test(`${kind}: HTML responses with their record id, URI and date; other records are passed over`, async () => {
    const data = await archive([
      { type: 'warcinfo', body: '' },
      { type: 'request', body: '' },
      { body: pageOf(0) },
      { type: 'resource', headers: {}, body: 'a resource record' },
      { body: pageOf(1) },
    ], gzip);
    const items = await collect(data);
    assert.deepEqual(summary(items), ['0 ok https://news.example/story-2', '1 ok https://news.example/story-4']);
    const [first] = items;
    assert.ok(first.ok);
    assert.match(first.recordId, /^<urn:uuid:[0-9a-f-]+>$/);
    assert.equal(first.date, '2021-03-03T10:00:00Z');
    assert.equal(first.html, pageOf(0));
  });

  test(`${kind}: each bad record is one error item and the stream goes on`, async () => {
    const cases: [string, Spec, string][] = [
      ['not HTML', { headers: { 'Content-Type': 'application/pdf' }, body: '%PDF-1.4' }, 'input/not-html'],
      ['no content type, not HTML', { headers: {}, body: 'plain words only' }, 'input/not-html'],
      ['binary', { headers: { 'Content-Type': 'text/html' }, body: new Uint8Array([0x3c, 0x70, 0x3e, 0x00, 0x01, 0x02]) }, 'input/binary'],
      ['huge', { body: `<p>${'word '.repeat(500)}</p>` }, 'input/too-large'],
      ['unknown charset', { headers: { 'Content-Type': 'text/html; charset=x-bogus-8' }, body: pageOf(9) }, 'input/bad-encoding'],
      ['invalid bytes', { headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0xe9 : 0x41))) }, 'input/bad-encoding'],
      ['not found', { status: 'HTTP/1.1 404 Not Found', body: pageOf(9) }, 'input/http-status'],
    ];
    for (const [name, spec, code] of cases) {
      const data = await archive([{ body: pageOf(0) }, spec, { body: pageOf(2) }], gzip);
      const items = await collect(data, { maxBytes: 1000 });
      assert.deepEqual(summary(items), ['0 ok https://news.example/story-0', `1 ${code}`, '2 ok https://news.example/story-2'], name);
      const bad = items[1];
      assert.ok(!bad.ok && bad.uri === 'https://news.example/story-1' && bad.recordId && bad.message.length > 20, name);
    }
  });

  test(`${kind}: a gzip Content-Encoding in the record is decoded`, async () => {
    const body = gzipSync(Buffer.from(pageOf(5)));
    const items = await collect(await archive([{ headers: { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, body }], gzip));
    assert.ok(items[0].ok && items[0].html === pageOf(5));
  });

  test(`${kind}: from and limit pick response records`, async () => {
    const data = await archive([{ type: 'warcinfo', body: '' }, ...[0, 1, 2, 3, 4].flatMap((n) => [{ type: 'request' as const, body: '' }, { body: pageOf(n) }])], gzip);
    const cases: [Parameters<typeof readWarc>[1], number[]][] = [
      [{}, [0, 1, 2, 3, 4]],
      [{ from: 2 }, [2, 3, 4]],
      [{ limit: 2 }, [0, 1]],
      [{ from: 1, limit: 3 }, [1, 2, 3]],
      [{ from: 4, limit: 10 }, [4]],
      [{ from: 9 }, []],
      [{ limit: 0 }, []],
    ];
    for (const [options, expected] of cases) {
      const items = await collect(data, options);
      assert.deepEqual(items.map((i) => i.index), expected, JSON.stringify(options));
      assert.ok(items.every((i) => i.ok && i.html === pageOf(i.index)));
    }
  });

  test(`${kind}: a truncated archive ends with one error item after the records it has`, async () => {
    const data = await archive([{ body: pageOf(0) }, { body: pageOf(1) }, { body: pageOf(2) }], gzip);
    const whole = await archive([{ body: pageOf(0) }, { body: pageOf(1) }], gzip);
    const cuts: [string, number][] = [
      ['in the last record', data.length - 60],
      ['in the middle', whole.length + 30],
    ];
    for (const [name, cut] of cuts) {
      const items = await collect(data.subarray(0, cut));
      const last = items[items.length - 1];
      assert.ok(!last.ok && last.code === 'input/truncated', `${name}: ${JSON.stringify(summary(items))}`);
      assert.deepEqual(items.filter((i) => !i.ok).length, 1, name);
      assert.deepEqual(items.slice(0, 2).map((i) => i.ok), [true, true], name);
    }
  });
}

test('an empty archive has no items', async () => {
  assert.deepEqual(await collect(new Uint8Array(0)), []);
});

/** The items as "index ok" / "index code @offset", for damage tables. */
const damageSummary = (items: WarcItem[]): string[] => items.map((i) => (i.ok ? `${i.index} ok` : `${i.code} @${i.offset}`));

/** Bytes that are neither gzip nor a WARC record: the start of a stray text file. */
const JUNK = Buffer.from('These bytes are a stray note, not part of any archive.\n'.repeat(3));

test('damage: every complete record before and after it is read, and one item names its byte offset', async () => {
  const g = await Promise.all([0, 1, 2].map((n) => archive([{ body: pageOf(n) }], true)));
  const p = await Promise.all([0, 1, 2].map((n) => archive([{ body: pageOf(n) }], false)));
  const junkMember = gzipSync(JUNK);
  const corrupt = Buffer.from(g[1]);
  corrupt.fill(0x55, 20, 60); // inside the deflate data of the second record's member
  const plainBadLength = Buffer.from(p[1].toString('latin1').replace(/Content-Length: \d+/, 'Content-Length: many'), 'latin1');
  const cases: [string, Buffer, string[], number | undefined][] = [
    // [name, archive, items, where reading resumes]
    ['gzip: junk after the last record', Buffer.concat([g[0], g[1], JUNK]), ['0 ok', '1 ok', `input/damaged @${g[0].length + g[1].length}`], undefined],
    ['gzip: junk between records', Buffer.concat([g[0], JUNK, g[1], g[2]]), ['0 ok', `input/damaged @${g[0].length}`, '1 ok', '2 ok'], g[0].length + JUNK.length],
    ['gzip: a gzip member of junk between records', Buffer.concat([g[0], junkMember, g[1]]), ['0 ok', `input/damaged @${g[0].length}`, '1 ok'], g[0].length + junkMember.length],
    ['gzip: a corrupt member', Buffer.concat([g[0], corrupt, g[2]]), ['0 ok', `input/damaged @${g[0].length}`, '1 ok'], g[0].length + corrupt.length],
    ['plain: junk after the last record', Buffer.concat([p[0], p[1], JUNK]), ['0 ok', '1 ok', `input/damaged @${p[0].length + p[1].length}`], undefined],
    ['plain: junk between records', Buffer.concat([p[0], JUNK, p[1]]), ['0 ok', `input/damaged @${p[0].length}`, '1 ok'], p[0].length + JUNK.length],
    ['plain: a header without a Content-Length', Buffer.concat([p[0], plainBadLength, p[2]]), ['0 ok', `input/damaged @${p[0].length}`, '1 ok'], p[0].length + plainBadLength.length],
  ];
  for (const [name, data, expected, resumeAt] of cases) {
    const items = await collect(data);
    assert.deepEqual(damageSummary(items), expected, name);
    const bad = items.find((i) => !i.ok);
    assert.ok(bad && !bad.ok, name);
    assert.match(bad.message, new RegExp(`at byte ${bad.offset}\\b`), name);
    assert.match(bad.message, resumeAt === undefined ? /no record follows it/ : new RegExp(`resumes at byte ${resumeAt}\\b`), name);
  }
});

test('damage: 200 records then junk keep all 200', async () => {
  const records = await archive(Array.from({ length: 200 }, (_, n) => ({ body: pageOf(n) })), true);
  const items = await collect(Buffer.concat([records, JUNK]));
  assert.equal(items.filter((i) => i.ok).length, 200);
  assert.deepEqual(damageSummary(items.filter((i) => !i.ok)), [`input/damaged @${records.length}`]);
});

test('damage: a record cut off by damage is one item, and the next record is read', async () => {
  const g = await Promise.all([0, 1, 2].map((n) => archive([{ body: pageOf(n) }], true)));
  const half = g[1].subarray(0, g[1].length - 30); // the member loses its end
  const items = await collect(Buffer.concat([g[0], half, g[2]]));
  assert.deepEqual(items.map((i) => (i.ok ? 'ok' : i.code)), ['ok', 'input/damaged', 'ok']);
  const bad = items[1];
  assert.ok(!bad.ok && bad.offset === g[0].length);
});

test('responseStarts: each response record\'s gzip member, and a slice read from one gives the whole read\'s items', async () => {
  const specs: Spec[] = [{ type: 'warcinfo', body: '' }, { body: pageOf(0) }, { type: 'request', body: '' }, { body: pageOf(1) }, { body: pageOf(2) }];
  const members = await Promise.all(specs.map((spec, i) => archive([spec], true)));
  const data = Buffer.concat(members);
  const offsetOf = (k: number) => members.slice(0, k).reduce((n, m) => n + m.length, 0);
  assert.deepEqual(await responseStarts(streamOf(data)), [1, 3, 4].map((k) => ({ offset: offsetOf(k), startsMember: true })));
  const slice = data.subarray(offsetOf(3));
  const items = await collect(slice, { start: { offset: offsetOf(3), index: 1 } });
  assert.deepEqual(items, (await collect(data)).slice(1));
  const plain = await archive(specs, false);
  assert.ok((await responseStarts(streamOf(plain))).every((s) => !s.startsMember));
  assert.deepEqual((await responseStarts(streamOf(gzipSync(plain)))).map((s) => s.startsMember), [false, false, false]);
});
