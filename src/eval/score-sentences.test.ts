import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bioSpans, scoreSentences, toTokens, trimTokens } from './score-sentences.js';
import { parsePredictions } from './predictions.js';

test('bioSpans reads BIO labels as score.py does', () => {
  const table: [string[], Record<string, [number, number][]>][] = [
    [['B-source', 'I-source', 'B-cue', 'O', 'B-content', 'I-content'], { source: [[0, 2]], cue: [[2, 3]], content: [[4, 6]] }],
    [['O', 'I-content', 'I-content'], { content: [[1, 3]] }], // an I- without a B- starts a span
    [['B-content', 'B-content'], { content: [[0, 1], [1, 2]] }],
    [['B-source', 'I-cue'], { source: [[0, 1]], cue: [[1, 2]] }], // a role change ends the span
    [['O', 'O'], {}],
  ];
  for (const [labels, want] of table) assert.deepEqual(Object.fromEntries(bioSpans(labels)), want, labels.join(' '));
});

test('toTokens: the tokens a character span touches', () => {
  const offsets: [number, number][] = [[0, 3], [4, 8], [9, 13]];
  assert.deepEqual(toTokens([4, 8], offsets), [1, 2]);
  assert.deepEqual(toTokens([2, 10], offsets), [0, 3]);
  assert.deepEqual(toTokens([5, 5], offsets), [1, 2]); // an empty span inside a token still touches it
  assert.equal(toTokens([3, 4], offsets), null); // the space between tokens
});

test('trimTokens drops edge tokens of punctuation and quote marks', () => {
  const tokens = ['``', 'We', 'are', 'ready', ',', "''", 'she', 'said'];
  assert.deepEqual(trimTokens([0, 6], tokens), [1, 4]);
  assert.deepEqual(trimTokens([6, 8], tokens), [6, 8]);
  assert.equal(trimTokens([4, 6], tokens), null);
});

test('scoreSentences counts exact token spans per role', () => {
  const gold = [{ tokens: ['Ana', 'said', 'the', 'bridge', 'opens', '.'], labels: ['B-source', 'B-cue', 'B-content', 'I-content', 'I-content', 'O'] }];
  // "Ana said the bridge opens." — source exact, cue exact, content one token short
  const preds = parsePredictions(JSON.stringify({ id: '0', attributions: [
    { content: [{ start: 13, end: 25 }], speaker: { mention: { start: 0, end: 3 } }, cue: { start: 4, end: 8 } },
  ] }));
  const { score } = scoreSentences(gold, preds);
  assert.deepEqual(score.source, { precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(score.cue, { precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(score.content, { precision: 0, recall: 0, f1: 0 });
});
