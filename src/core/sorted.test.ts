import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partitionPoint } from './sorted.js';

test('the partition point counts the leading items that come before', () => {
  const starts = [2, 5, 5, 9, 14];
  const cases: [number, number][] = [[0, 0], [2, 0], [3, 1], [5, 1], [6, 3], [9, 3], [10, 4], [14, 4], [15, 5]];
  for (const [offset, expected] of cases) assert.equal(partitionPoint(starts, (s) => s < offset), expected, `starts before ${offset}`);
  assert.equal(partitionPoint([], () => true), 0, 'an empty list');
  assert.equal(partitionPoint([1, 2, 3], () => true), 3, 'all before');
});
