import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/segment.js';
import { LABELS } from './labels.js';
import { TEMPLATE_COUNT, computeAtoms, extractFeatures } from './features.js';
import { TABLE_STRIDE, MODEL_FORMAT, MODEL_VERSION, decodeModel, packTagger, parseModel, type AttributionModel } from './model.js';
import { labelTokens } from './gold.js';
import { paragraphRanges } from './tag.js';
import { trainPerceptron } from './train.js';
import { predictAttributions } from './index.js';

const BITS = 12;

/** Two sentences the team wrote, with their roles marked by the words they cover. */
const EXAMPLES: [string, string, string, string][] = [
  ['The senator said that the bill would pass.', 'The senator', 'said', 'that the bill would pass'],
  ['The mayor said that the road would reopen.', 'The mayor', 'said', 'that the road would reopen'],
  ['The coach said that the team would win.', 'The coach', 'said', 'that the team would win'],
];

function tinyModel(epochs: number): AttributionModel {
  const lexicon = { say: 4 };
  const docs = EXAMPLES.map(([text, source, cue, content]) => {
    const seg = segment(text);
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const labels = labelTokens(seg, [{ role: 'source', ...at(source) }, { role: 'cue', ...at(cue) }, { role: 'content', ...at(content) }]);
    return { features: extractFeatures(seg, computeAtoms(seg, new Map(Object.entries(lexicon)))), labels, ranges: paragraphRanges(seg) };
  });
  const w = trainPerceptron(docs, { hashBits: BITS, epochs, seed: 1 });
  return {
    format: MODEL_FORMAT, version: MODEL_VERSION, labels: [...LABELS], templateCount: TEMPLATE_COUNT, cueLexicon: lexicon,
    passes: [packTagger(w.weights, w.transitions, BITS)], provenance: { trainedOn: 'model.test.ts examples' },
  };
}

test('a model survives JSON and parseModel with the same weights', () => {
  const model = tinyModel(3);
  const again = parseModel(JSON.parse(JSON.stringify(model)));
  assert.deepEqual(again, model);
  const a = decodeModel(model).passes[0];
  const b = decodeModel(again).passes[0];
  assert.deepEqual(b.table, a.table);
  assert.equal(a.table.length, 2 ** BITS * TABLE_STRIDE);
  assert.ok(a.table.some((x) => x !== 0));
});

test('training is deterministic for a seed', () => {
  assert.deepEqual(tinyModel(2), tinyModel(2));
});

test('a tiny trained model finds source, cue and content in a sentence like its examples', () => {
  const model = tinyModel(5);
  const text = 'The chief said that the plant would close.';
  const [a, ...rest] = predictAttributions(segment(text), model);
  assert.equal(rest.length, 0);
  const words = (s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : undefined);
  assert.equal(words(a.source), 'The chief');
  assert.equal(words(a.cue), 'said');
  assert.deepEqual(a.content.map(words), ['that the plant would close']);
  assert.equal(a.type, 'statement');
  assert.equal(a.kind, 'indirect');
  assert.ok(a.confidence > 0 && a.confidence <= 1);
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
});

test('parseModel rejects what is not a model', () => {
  const model = tinyModel(1);
  const cases: [string, unknown][] = [
    ['null', null],
    ['wrong format', { ...model, format: 'other' }],
    ['wrong labels', { ...model, labels: ['O'] }],
    ['no passes', { ...model, passes: [] }],
    ['bad base64', { ...model, passes: [{ ...model.passes[0], weights: '***' }] }],
    ['weights of the wrong size', { ...model, passes: [{ ...model.passes[0], weights: 'AAAA' }] }],
  ];
  for (const [name, json] of cases) assert.throws(() => parseModel(json), /model/, name);
});

test('an empty text has no attributions', () => {
  assert.deepEqual(predictAttributions(segment(''), tinyModel(1)), []);
});
