import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { decodePieces, type Piece } from './gzip-members.js';

async function* chunked(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function collect(data: Uint8Array, size: number): Promise<{ text: string; damage: Piece[]; ats: number[] }> {
  const parts: Uint8Array[] = [];
  const damage: Piece[] = [];
  const ats: number[] = [];
  for await (const piece of decodePieces(chunked(data, size))) {
    if (piece.kind === 'bytes') {
      parts.push(piece.data);
      if (ats[ats.length - 1] !== piece.at) ats.push(piece.at);
    } else damage.push(piece);
  }
  return { text: Buffer.concat(parts).toString(), damage, ats };
}

/** Text that compresses poorly, so that a member is larger than what is read ahead. */
function noisy(n: number): string {
  let seed = 3;
  return Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz .,“”'[((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 31]).join('');
}

test('members read whole or streamed, with each member\'s offset, in any chunking', async () => {
  const texts = ['The ferry runs again. ', noisy(700_000), 'The harbor office said so.'];
  const members = texts.map((t) => gzipSync(Buffer.from(t)));
  const data = Buffer.concat(members);
  const offsets = [0, members[0].length, members[0].length + members[1].length];
  for (const size of [1000, 65536, data.length]) {
    const { text, damage, ats } = await collect(data, size);
    assert.equal(text, texts.join(''), `chunks of ${size}`);
    assert.deepEqual(damage, [], `chunks of ${size}`);
    assert.deepEqual(ats, offsets, `chunks of ${size}`);
  }
});

test('a plain file passes as it is, with exact offsets', async () => {
  const { text, ats } = await collect(Buffer.from('WARC/1.1\r\nplain bytes'), 5);
  assert.equal(text, 'WARC/1.1\r\nplain bytes');
  assert.deepEqual(ats, [0, 5, 10, 15, 20]);
});

test('a member of highly compressible bytes larger than the hold is streamed, not inflated at once', async () => {
  const big = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x61)); // 20 MB of "a" in about 20 KB
  let largest = 0;
  let total = 0;
  for await (const piece of decodePieces(chunked(big, 65536))) {
    if (piece.kind === 'bytes') {
      largest = Math.max(largest, piece.data.byteLength);
      total += piece.data.byteLength;
    }
  }
  assert.equal(total, 20 * 1024 * 1024);
  assert.ok(largest <= 16 * 1024 * 1024 + 65536, `a piece of ${largest} bytes`);
});
