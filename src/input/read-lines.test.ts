import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLines, type LineItem } from './read-lines.js';
import { InputError } from './errors.js';

async function lines(chunks: string[], max: number): Promise<LineItem[]> {
  const out: LineItem[] = [];
  for await (const l of readLines((async function* () { for (const c of chunks) yield Buffer.from(c); })(), 'stdin', max)) out.push(l);
  return out;
}

test('lines across chunks, CRLF, a last line without a break, and lines over the cap', async () => {
  const cases: [string[], number, LineItem[]][] = [
    [['{"text":"The ferry', ' runs."}\n{"id":2}\r\n', '{"id":3}'], 100, ['{"text":"The ferry runs."}', '{"id":2}', '{"id":3}']],
    [['short\n', 'x'.repeat(30), 'x'.repeat(30), '\nafter\n'], 40, ['short', { tooLong: 60 }, 'after']],
    [['a'.repeat(50)], 40, [{ tooLong: 50 }]],
    [['é\n'], 5, ['é']],
    [[''], 5, []],
  ];
  for (const [chunks, max, expected] of cases) assert.deepEqual(await lines(chunks, max), expected, JSON.stringify(chunks).slice(0, 60));
});

test('an endless line costs constant memory and ends where its break comes', async () => {
  let n = 0;
  async function* endless(): AsyncGenerator<Uint8Array> {
    for (; n < 2000; n++) yield Buffer.from('y'.repeat(10_000));
    yield Buffer.from('\n{"text":"The end."}\n');
  }
  const out: LineItem[] = [];
  for await (const l of readLines(endless(), 'stdin', 1000)) out.push(l);
  assert.deepEqual(out, [{ tooLong: 20_000_000 }, '{"text":"The end."}']);
});

test('binary input is input/binary', async () => {
  await assert.rejects(lines(['{"text":"a"}\n\u0000\u0000'], 100), (e: unknown) => e instanceof InputError && e.code === 'input/binary');
});
