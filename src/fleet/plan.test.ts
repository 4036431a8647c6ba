import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { archive, pageOf, type Spec } from '../input/warc-fixtures.js';
import { readWarc, type WarcItem } from '../input/warc.js';
import { planArchive } from './plan.js';
import { readChunk } from './read-chunk.js';

/** Seven pages among the records a crawl writes besides them, and one page that is no HTML. */
const SPECS: Spec[] = [
  { type: 'warcinfo', body: '' },
  ...[0, 1, 2, 3].flatMap((n): Spec[] => [{ type: 'request', body: '' }, { body: pageOf(n) }]),
  { headers: { 'Content-Type': 'application/pdf' }, body: '%PDF-1.4' },
  { body: pageOf(5) },
  { type: 'resource', headers: {}, body: 'a resource record' },
  { body: pageOf(6) },
  { body: pageOf(7) },
];

async function withFile<T>(data: Buffer, run: (file: string, folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'whosaid-plan-'));
  try {
    const file = join(folder, 'archive.warc.gz');
    await writeFile(file, data);
    return await run(file, folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function whole(file: string): Promise<WarcItem[]> {
  const items: WarcItem[] = [];
  for await (const item of readWarc(createReadStream(file) as AsyncIterable<Uint8Array>)) items.push(item);
  return items;
}

async function byChunks(file: string): Promise<{ items: WarcItem[]; perChunk: number[]; kinds: string[] }> {
  const plan = await planArchive(file, { chunkSize: 3 });
  const items: WarcItem[] = [];
  const perChunk: number[] = [];
  for (const chunk of plan.chunks) {
    let n = 0;
    for await (const item of readChunk(plan.path, chunk.range)) {
      items.push(item);
      n++;
    }
    perChunk.push(n);
  }
  return { items, perChunk, kinds: [...new Set(plan.chunks.map((c) => c.range.kind))] };
}

test('an archive gzipped record by record is split into byte ranges, and its chunks give the items of the whole', async () => {
  await withFile(await archive(SPECS, true), async (file) => {
    const plan = await planArchive(file, { chunkSize: 3 });
    assert.deepEqual(plan.chunks.map((c) => [c.range.kind, c.range.firstRecord, c.range.records]), [['bytes', 0, 3], ['bytes', 3, 3], ['bytes', 6, 2]]);
    assert.equal(plan.chunks[0].range.start, 0);
    assert.equal(plan.chunks[1].range.start, plan.chunks[0].range.end);
    assert.equal(plan.chunks[2].range.end, undefined);
    const { items, perChunk } = await byChunks(file);
    assert.deepEqual(items, await whole(file));
    assert.deepEqual(perChunk, [3, 3, 2]);
    assert.deepEqual(items.map((i) => (i.ok ? i.html : i.code)), [0, 1, 2, 3, 'input/not-html', 5, 6, 7].map((n) => (typeof n === 'number' ? pageOf(n) : n)));
  });
});

test('a plain archive, and one gzipped as a whole, are split into record ranges with the same items', async () => {
  const plain = await archive(SPECS, false);
  for (const [name, data] of [['plain', plain], ['one gzip member', gzipSync(plain)]] as const) {
    await withFile(data, async (file) => {
      const plan = await planArchive(file, { chunkSize: 3 });
      assert.deepEqual(plan.chunks.map((c) => [c.range.kind, c.range.start, c.range.end]), [['records', 0, 3], ['records', 3, 6], ['records', 6, undefined]], name);
      const { items, perChunk } = await byChunks(file);
      assert.deepEqual(items, await whole(file), name);
      assert.deepEqual(perChunk, [3, 3, 2], name);
    });
  }
});

test('damage between records is read once, by the chunk of the record after it', async () => {
  const junk = Buffer.from('These bytes are a stray note, not part of any archive.\n'.repeat(3));
  const members = await Promise.all([0, 1, 2, 3, 4].map((n) => archive([{ body: pageOf(n) }], true)));
  const plainRecords = await Promise.all([0, 1, 2, 3, 4].map((n) => archive([{ body: pageOf(n) }], false)));
  const cases: [string, Buffer, string][] = [
    ['gzip: junk before a chunk boundary', Buffer.concat([...members.slice(0, 3), junk, ...members.slice(3)]), 'bytes'],
    ['gzip: junk inside a chunk', Buffer.concat([members[0], junk, ...members.slice(1)]), 'bytes'],
    ['gzip: junk at the end', Buffer.concat([...members, junk]), 'bytes'],
    ['plain: junk before a chunk boundary', Buffer.concat([...plainRecords.slice(0, 3), junk, ...plainRecords.slice(3)]), 'records'],
    ['plain: junk at the end', Buffer.concat([...plainRecords, junk]), 'records'],
  ];
  for (const [name, data, kind] of cases) {
    await withFile(data, async (file) => {
      const { items, kinds } = await byChunks(file);
      assert.deepEqual(kinds, [kind], name);
      const all = await whole(file);
      assert.equal(all.filter((i) => !i.ok).length, 1, name);
      // a chunk ends where the next begins, so damage just before the end finds no record after it in the chunk
      const plainly = (list: WarcItem[]) => list.map((i) => (i.ok ? i : { ...i, message: i.message.replace(/; (no record follows it|reading resumes at byte \d+);/, ';') }));
      assert.deepEqual(plainly(items), plainly(all), name);
    });
  }
});

test('the same archive planned twice, at another path too, gives the same keys; another chunk size other keys', async () => {
  await withFile(await archive(SPECS, true), async (file, folder) => {
    const copy = join(folder, 'copy.warc.gz');
    await copyFile(file, copy);
    const [a, b, c] = [await planArchive(file, { chunkSize: 3 }), await planArchive(copy, { chunkSize: 3 }), await planArchive(file, { chunkSize: 4 })];
    assert.deepEqual(a.chunks.map((x) => x.key), b.chunks.map((x) => x.key));
    assert.equal(a.sha256, b.sha256);
    assert.match(a.chunks[0].key, new RegExp(`^${a.sha256}/bytes/0-\\d+$`));
    assert.notDeepEqual(a.chunks.map((x) => x.key), c.chunks.map((x) => x.key));
    assert.deepEqual(b.chunks.map((x) => x.range), a.chunks.map((x) => x.range));
  });
});

test('an archive with no page is one chunk with no records; the default chunk size is 200', async () => {
  await withFile(await archive([{ type: 'warcinfo', body: '' }], true), async (file) => {
    const plan = await planArchive(file);
    assert.deepEqual(plan.chunks.map((c) => c.range), [{ kind: 'records', start: 0, firstRecord: 0, records: 0 }]);
  });
  await withFile(await archive(Array.from({ length: 401 }, (_, n) => ({ body: pageOf(n) })), true), async (file) => {
    const plan = await planArchive(file);
    assert.deepEqual(plan.chunks.map((c) => c.range.records), [200, 200, 1]);
  });
});
