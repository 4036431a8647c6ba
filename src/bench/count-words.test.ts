import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWords } from './count-words.js';

test('countWords counts whitespace-separated tokens, as Python str.split()', () => {
  const table: [string, number][] = [
    ['“We are ready,” she told reporters.', 6],
    ['  The mayor\n\nsaid\tno.  ', 4],
    ['well-known U.S. policy', 3],
    ['', 0],
    ['   ', 0],
  ];
  for (const [text, want] of table) assert.equal(countWords(text), want, text);
});
