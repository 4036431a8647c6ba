import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlight } from './highlight.js';

const cases: [string, string, string[]][] = [
  ['We will watch every dollar,', '"watch every dollar"', ['watch', 'every', 'dollar']],
  ['The ferry will run all winter', 'FERRY -summer', ['ferry']],
  ['Zürich said no to the Zurich plan', 'zurich', ['Zürich', 'Zurich']],
  ['Nothing here', 'ferry', []],
  ['a ferryman, not a ferry', 'ferry', ['ferry']],
];

test('highlight: the words the query matched, folded as FTS5 folds them', () => {
  for (const [text, query, expected] of cases) {
    const { snippet, highlights } = highlight(text, query);
    assert.equal(snippet, text);
    assert.deepEqual(highlights.map((h) => snippet.slice(h.start, h.end)), expected, query);
  }
});

test('highlight: a long text is cut to a window around the first match', () => {
  const text = `${'word '.repeat(200)}the ferry runs ${'more '.repeat(200)}`;
  const { snippet, highlights } = highlight(text, 'ferry');
  assert.ok(snippet.length < 500 && snippet.startsWith('…') && snippet.endsWith('…'));
  assert.deepEqual(highlights.map((h) => snippet.slice(h.start, h.end)), ['ferry']);
});
