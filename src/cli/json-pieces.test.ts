import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyzeArticle } from '../node/analyzer.js';
import { jsonPieces } from './json-pieces.js';

const joined = (value: unknown, size?: number, pretty = true): string => [...jsonPieces(value, pretty, size)].join('');

test('the pieces joined are JSON.stringify(value) or JSON.stringify(value, null, 2), whatever the value', () => {
  const values: unknown[] = [
    {}, [], null, 3, 'a\nb', { a: [] }, { a: {} }, { a: undefined, b: 1 }, { a: () => 1 },
    { list: [1, undefined, () => 2, { x: [{ y: 'line\nbreak' }] }], when: new Date(0), nested: { deep: [[]] } },
    { toJSON: () => ({ replaced: true }) },
  ];
  for (const value of values) {
    assert.equal(joined(value, 1), JSON.stringify(value, null, 2), JSON.stringify(value));
    assert.equal(joined(value, 1, false), JSON.stringify(value), JSON.stringify(value));
  }
  fc.assert(fc.property(fc.jsonValue(), (value) => joined(value, 7) === JSON.stringify(value, null, 2) && joined(value, 7, false) === JSON.stringify(value)));
});

test('an analysis of a team article comes out as JSON.stringify writes it, in pieces of about the size asked', () => {
  const text = readFileSync(new URL('../../examples/harbor-bridge.txt', import.meta.url), 'utf8');
  const analysis = analyzeArticle({ text, publishedAt: '2025-11-13' });
  const pieces = [...jsonPieces(analysis, true, 512)];
  assert.ok(pieces.length > 3);
  assert.equal(pieces.join(''), JSON.stringify(analysis, null, 2));
  assert.equal([...jsonPieces(analysis, false, 512)].join(''), JSON.stringify(analysis));
});
