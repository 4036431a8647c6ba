import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createProgress, formatDuration, formatProgress, formatSummary } from './progress.js';

test('the progress line: a bar and percentage when the size is known, counts and rate always', () => {
  assert.equal(formatProgress({ items: 1204, bytes: 35, total: 100, elapsedMs: 2000, unit: 'lines' }), '[#######.............]  35%  1,204 lines  602 lines/s  about 4 s left');
  assert.equal(formatProgress({ items: 10, bytes: 500, elapsedMs: 500, unit: 'records' }), '10 records  20 records/s');
  assert.equal(formatProgress({ items: 0, bytes: 0, total: 10, elapsedMs: 0, unit: 'lines' }), '[....................]   0%  0 lines  0 lines/s');
  assert.match(formatProgress({ items: 5, bytes: 12, total: 10, elapsedMs: 1000, unit: 'lines' }), /^\[#{20}\] 100%/);
});

function collect(isTTY: boolean) {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  let clock = 0;
  const progress = createProgress({ stream, isTTY, now: () => clock, unit: 'lines', total: 100 });
  return { progress, tick: (ms: number) => (clock += ms), text: () => text };
}

test('nothing is drawn when stderr is not a terminal', () => {
  const { progress, tick, text } = collect(false);
  for (let i = 1; i <= 50; i++) {
    tick(200);
    progress.update(i, i);
  }
  progress.end();
  assert.equal(text(), '');
});

test('the time left is the bytes still to read at the byte rate so far', () => {
  const cases: [number, number, number, string][] = [
    // [bytes read, total bytes, ms so far, expected]
    [25, 100, 1000, 'about 3 s left'],
    [10, 100, 30_000, 'about 4 min 30 s left'],
    [1, 1000, 10_000, 'about 2 h 46 min left'],
  ];
  for (const [bytes, total, elapsedMs, expected] of cases) assert.ok(formatProgress({ items: 1, bytes, total, elapsedMs, unit: 'lines' }).endsWith(`  ${expected}`), expected);
  assert.doesNotMatch(formatProgress({ items: 0, bytes: 0, total: 100, elapsedMs: 0, unit: 'lines' }), /left/);
  assert.doesNotMatch(formatProgress({ items: 9, bytes: 100, total: 100, elapsedMs: 900, unit: 'lines' }), /left/);
  assert.equal(formatDuration(59_400), '59 s');
  assert.equal(formatSummary(1204, 65_000, 'lines'), '1,204 lines in 1 min 05 s (19 lines/s)');
  assert.equal(formatSummary(3, 250, 'records'), '3 records in 250 ms (12 records/s)');
});

test('on a terminal the bar redraws at most every 100 ms and ends with a one-line summary', () => {
  const { progress, tick, text } = collect(true);
  for (let i = 1; i <= 100; i++) {
    tick(10);
    progress.update(i, i);
  }
  progress.end();
  const draws = text().split('\r\x1b[K').filter((s) => s !== '' && !s.endsWith('\n'));
  assert.equal(draws.length, 10);
  assert.match(draws[0], /1 lines/);
  assert.ok(text().endsWith('\r\x1b[K100 lines in 1 s (100 lines/s)\n'), JSON.stringify(text().slice(-60)));
});
