import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withRoomFor } from './vocab-memo.js';

test('a table indexed by vocabulary id grows to hold a new id and keeps what it held', () => {
  const small = Int32Array.from([7, 8, 9]);
  assert.equal(withRoomFor(small, 2), small, 'an id it has: the same table');
  const grown = withRoomFor(small, 3);
  assert.ok(grown instanceof Int32Array);
  assert.deepEqual([...grown], [7, 8, 9, 0, 0, 0], 'twice as long');
  assert.equal(withRoomFor(new Uint16Array(2), 40).length, 41, 'at least the id');
});
