import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { loadBundledModel } from '../../node/load-model.js';

const model = loadBundledModel();

// [sentence, the attributions' texts] — the team's own sentences.
const CASES: [string, string[]][] = [
  ['The mayor would not say which contractors had bid on the project.', []],
  ['Police did not say whether anyone was hurt.', []],
  ['The Falcons declined to comment.', []],
  ['Okafor refused to discuss the lease.', []],
  ['The company did not respond to a request for comment.', []],
  // negatives: a denial is speech; a negation inside the words said is theirs
  ['The mayor has denied that she knew about the bids.', ['she knew about the bids']],
  ['Okafor said he would not resign.', ['he would not resign']],
  ['The coach didn\'t say much after the loss, but he said the team would regroup.', ['the team would regroup']],
];

test('negated and refused speech reports nothing said', () => {
  for (const [text, expected] of CASES) assert.deepEqual(analyze({ text }, { model }).attributions.map((a) => a.text), expected, text);
});

test('a refusal is listed as dropped with speech-act/refused', () => {
  const a = analyze({ text: 'The Falcons declined to comment.' }, { model, explainDropped: true });
  assert.deepEqual(a.dropped?.map((d) => d.dropped), ['speech-act/refused']);
});
