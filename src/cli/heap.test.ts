import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heapGrowthGiven } from './heap.js';

test('the heap growth a user gives node, as an argument or in NODE_OPTIONS, is kept', () => {
  assert.equal(heapGrowthGiven([], ''), false);
  assert.equal(heapGrowthGiven(['--max-old-space-size=4096'], '--enable-source-maps'), false);
  assert.equal(heapGrowthGiven(['--heap-growing-percent=80'], ''), true);
  assert.equal(heapGrowthGiven([], '--heap_growing_percent=10 --enable-source-maps'), true);
});
