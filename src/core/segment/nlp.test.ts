import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropNlp, loadNlp, readDocument, renewNlp } from './nlp.js';

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

const UNKNOWN = [
  'Councillor Brakvel Oduya-Thrane told reporters the Quillmarsh levy was "grotesquely mispriced."',
  "Zephrine's spokesperson, Tamsiq Olorvay, said Vantrelle Holdings would appeal Thursday's ruling.",
  'Brakvel said: "The Quillmarsh plan, frankly, is unworkable and unfundable."',
];

/** Each text's tokens with their parts of speech, lemmas and sentences, as wink-nlp reads it. */
const reading = (text: string): string[][] => {
  const doc = readDocument(text);
  const { its } = loadNlp();
  return [doc.tokens().out(), doc.tokens().out(its.pos), doc.tokens().out(its.lemma), doc.sentences().out()];
};

test('a renewed instance (same core model, its learned words cut off) reads as a fresh load reads', () => {
  dropNlp();
  const fresh = UNKNOWN.map(reading);
  for (let round = 0; round < 5; round++) {
    renewNlp();
    // read in another order each round: what one text taught must not change how the next is read
    for (const k of [2, 0, 1]) assert.deepEqual(reading(UNKNOWN[k]), fresh[k]);
  }
});
