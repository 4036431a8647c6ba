import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { loadBundledModel } from '../../node/load-model.js';

const model = loadBundledModel();
const statements = (text: string) =>
  analyze({ text }, { model }).attributions.filter((a) => a.type === 'statement').map((a) => [a.speaker.mention?.text ?? '', a.text]);

// [text, [speaker mention, content] per statement] — the team's own sentences.
const CASES: [string, string[][]][] = [
  // "said …, and added that …": one statement through the second clause
  ['Coach Lena Brandt said her team had “run out of legs” in the third, and added that the ice had been fair to both sides.',
    [['Coach Lena Brandt', 'her team had “run out of legs” in the third, and added that the ice had been fair to both sides']]],
];

// look-alikes: two statements stay two
const NEGATIVES: [string, string[][]][] = [
  // a naming verb first: "called … and noted that"
  ['The critic, Marie Dufresne, called the budget “a fraction of what was promised” and noted that the province had pledged 90 beds.',
    [['Marie Dufresne,', 'the budget “a fraction of what was promised”'], ['Marie Dufresne,', 'the province had pledged 90 beds']]],
];

test('one speaker’s clauses joined by "and added that" are one statement', () => {
  for (const [text, expected] of CASES) assert.deepEqual(statements(text), expected, text);
});

test('look-alikes keep their statements apart', () => {
  for (const [text, expected] of NEGATIVES) assert.deepEqual(statements(text), expected, text);
});
