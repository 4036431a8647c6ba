import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { checkSize, readCapped } from './read-capped.js';
import { InputError } from './errors.js';

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield Buffer.from(p);
}

test('reads up to the cap; past it, input/too-large with the cap and the flag that raises it', async () => {
  assert.equal(Buffer.from(await readCapped(chunks('The ferry ', 'runs again.'), 'story.txt', 21)).toString(), 'The ferry runs again.');
  await assert.rejects(readCapped(chunks('The ferry ', 'runs again.'), 'story.txt', 20), (e: unknown) =>
    e instanceof InputError && e.code === 'input/too-large' && /at most 20 bytes \(raise it with --max-bytes\)/.test(e.message));
});

test('stops reading at the cap: an endless stream ends', async () => {
  let pulled = 0;
  async function* endless(): AsyncGenerator<Uint8Array> {
    for (;;) {
      pulled++;
      yield Buffer.from('The ferry runs again. '.repeat(100));
    }
  }
  await assert.rejects(readCapped(endless(), 'stdin', 10_000), (e: unknown) => e instanceof InputError && e.code === 'input/too-large');
  assert.ok(pulled <= 6, `${pulled} chunks read`);
});

test('/dev/zero is binary, from its first chunk', async () => {
  await assert.rejects(readCapped(createReadStream('/dev/zero'), '/dev/zero'), (e: unknown) => e instanceof InputError && e.code === 'input/binary');
});

test('checkSize counts UTF-8 bytes', () => {
  assert.doesNotThrow(() => checkSize('é'.repeat(10), 'line 1', 20));
  assert.throws(() => checkSize('é'.repeat(11), 'line 1', 20), (e: unknown) => e instanceof InputError && e.code === 'input/too-large' && /found 22 bytes/.test(e.message));
});
