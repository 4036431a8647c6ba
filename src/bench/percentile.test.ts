import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentile } from './percentile.js';

test('percentile is nearest-rank', () => {
  const table: [number[], number, number][] = [
    [[5, 1, 3, 2, 4], 50, 3],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95, 19],
    [[7], 95, 7],
    [[1, 2], 0, 1],
    [[], 50, 0],
  ];
  for (const [values, p, want] of table) assert.equal(percentile(values, p), want, `${p} of ${values.join(',')}`);
});
