import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/segment.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { computeAtoms, extractFeatures, QuoteState, TEMPLATE_COUNT } from './features.js';
import { labelTokens } from './gold.js';
import { LABELS, LABEL_COUNT, allowed } from './labels.js';
import { viterbi, viterbiBio } from './decode.js';
import { seededRandom } from './train.js';
import { hashString, mix } from './hash.js';

const label = (name: (typeof LABELS)[number]) => LABELS.indexOf(name);

test('base64 round-trips bytes of every length', () => {
  for (const bytes of [[], [0], [255, 1], [1, 2, 3], [0, 128, 255, 7, 9], Array.from({ length: 300 }, (_, k) => (k * 37) & 255)]) {
    const encoded = encodeBase64(Uint8Array.from(bytes));
    assert.deepEqual(Array.from(decodeBase64(encoded)!), bytes);
  }
  assert.equal(encodeBase64(Uint8Array.from([104, 105])), 'aGk=');
  assert.equal(decodeBase64('not base64!'), undefined);
});

test('hashes are stable and mixing separates templates', () => {
  assert.equal(hashString('said'), hashString('said'));
  assert.notEqual(hashString('said'), hashString('says'));
  assert.notEqual(mix(1, hashString('said')), mix(2, hashString('said')));
});

test('an I- label only continues its own role', () => {
  const cases: [string | undefined, string, boolean][] = [
    [undefined, 'O', true], [undefined, 'B-cue', true], [undefined, 'I-cue', false],
    ['B-cue', 'I-cue', true], ['I-cue', 'I-cue', true], ['B-source', 'I-cue', false], ['O', 'I-content', false],
    ['I-content', 'B-content', true],
  ];
  for (const [prev, next, expected] of cases) {
    assert.equal(allowed(prev === undefined ? undefined : label(prev as (typeof LABELS)[number]), label(next as (typeof LABELS)[number])), expected, `${prev} → ${next}`);
  }
});

test('Viterbi keeps spans well formed even when a token prefers an I- label', () => {
  // token 0 prefers I-cue, which cannot start a sequence; token 1 prefers I-cue after it
  const scores = new Float32Array(2 * LABEL_COUNT);
  scores[label('I-cue')] = 5;
  scores[label('B-cue')] = 2;
  scores[LABEL_COUNT + label('I-cue')] = 3;
  const out = new Uint8Array(2);
  viterbi(scores, 2, new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT), out, 0);
  assert.deepEqual(Array.from(out, (l) => LABELS[l]), ['B-cue', 'I-cue']);
});

test('gold spans become BIO labels on tokens', () => {
  const text = 'The senator said on Tuesday that the bill would pass.';
  const seg = segment(text);
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const labels = labelTokens(seg, [
    { role: 'source', ...at('The senator') },
    { role: 'cue', ...at('said') },
    { role: 'content', ...at('that the bill would pass') },
  ]);
  assert.deepEqual(
    seg.tokens.map((t, i) => `${t.text}/${LABELS[labels[i]]}`),
    ['The/B-source', 'senator/I-source', 'said/B-cue', 'on/O', 'Tuesday/O', 'that/B-content', 'the/I-content', 'bill/I-content', 'would/I-content', 'pass/I-content', './O'],
  );
});

test('features: a fixed number per token, and the quotation-mark state', () => {
  const seg = segment('“We will win,” she said. He said nothing.');
  const atoms = computeAtoms(seg, new Map([['say', 4]]));
  const features = extractFeatures(seg, atoms);
  assert.equal(features.length, seg.tokens.length * TEMPLATE_COUNT);
  const states = seg.tokens.map((t, i) => [t.text, atoms.quote[i]]);
  assert.deepEqual(states.slice(0, 6), [
    ['“', QuoteState.Opening], ['We', QuoteState.Inside], ['will', QuoteState.Inside], ['win', QuoteState.Inside],
    [',', QuoteState.Inside], ['”', QuoteState.Closing],
  ]);
  assert.equal(atoms.quote[seg.tokens.findIndex((t) => t.text === 'she')], QuoteState.Outside);
  assert.equal(atoms.cue[seg.tokens.findIndex((t) => t.text === 'said')], 4);
  // the same word in the same place has the same features; a different word does not
  const again = extractFeatures(seg, computeAtoms(seg, new Map([['say', 4]])));
  assert.deepEqual(again, features);
  const other = segment('“We will win,” she added. He said nothing.');
  const otherFeatures = extractFeatures(other, computeAtoms(other, new Map([['say', 4]])));
  assert.notDeepEqual(otherFeatures.slice(0, TEMPLATE_COUNT * 8), features.slice(0, TEMPLATE_COUNT * 8));
});

test('features: an earlier pass\'s labels change the stacked features only', () => {
  const seg = segment('Officials said the road would reopen.');
  const atoms = computeAtoms(seg, new Map());
  const plain = extractFeatures(seg, atoms);
  const previous = new Uint8Array(seg.tokens.length);
  previous[1] = label('B-cue');
  const stacked = extractFeatures(seg, atoms, previous);
  const changed = new Set<number>();
  for (let k = 0; k < plain.length; k++) if (plain[k] !== stacked[k]) changed.add(k % TEMPLATE_COUNT);
  assert.deepEqual([...changed].sort((a, b) => a - b), [TEMPLATE_COUNT - 3, TEMPLATE_COUNT - 2, TEMPLATE_COUNT - 1]);
});

test('a quoted apostrophe is not a closing mark: “It’s fine,” he said', () => {
  const seg = segment('“It’s fine,” he said.');
  const atoms = computeAtoms(seg, new Map());
  const he = seg.tokens.findIndex((t) => t.text === 'he');
  assert.equal(atoms.quote[he], QuoteState.Outside);
});

test('viterbiBio decodes as viterbi does, ties included', () => {
  const random = seededRandom(5);
  for (let run = 0; run < 50; run++) {
    const n = 1 + Math.floor(random() * 30);
    // small integers, so that ties are common
    const scores = Float32Array.from({ length: (n + 3) * LABEL_COUNT }, () => Math.floor(random() * 5) - 2);
    const transitions = Float32Array.from({ length: (LABEL_COUNT + 1) * LABEL_COUNT }, () => Math.floor(random() * 3) - 1);
    const expected = new Uint8Array(n + 3);
    viterbi(scores.subarray(2 * LABEL_COUNT, (n + 2) * LABEL_COUNT), n, transitions, expected, 2);
    const actual = new Uint8Array(n + 3);
    viterbiBio(scores, 2, n + 2, transitions, actual);
    assert.deepEqual(actual, expected);
  }
});
