import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropNlp, readDocument } from './nlp.js';

const TEXT = '“We will reopen the bridge by Friday,” Mayor Ana Ruiz said on Tuesday.';

const tokens = (text: string): string[] => readDocument(text).tokens().out();

test('wink-nlp loaded afresh fifty times in one process reads as it did the first time', () => {
  // each fresh load once re-encoded the model's custom-entity table as a string of the last one's,
  // until a load threw "Invalid string length"
  const first = tokens(TEXT);
  for (let i = 0; i < 50; i++) {
    dropNlp();
    assert.deepEqual(tokens(TEXT), first);
  }
});
