import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trimSpan } from './edge.js';

test('trimSpan drops edge punctuation, quote marks and spaces, counting code points', () => {
  const table: [string, string][] = [
    ['“We are ready,” ', 'We are ready'],
    ['(the report) — ', 'the report'],
    ["'yes'", 'yes'],
    ['🙂 “ok”', '🙂 “ok'], // an emoji is not an edge character
    ['“ ”', ''],
    ['plain', 'plain'],
  ];
  for (const [s, want] of table) {
    const cps = Array.from(s);
    const [a, b] = trimSpan(cps, 0, cps.length);
    assert.equal(cps.slice(a, b).join(''), want, s);
  }
});
