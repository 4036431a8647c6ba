import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { loadBundledModel } from '../../node/load-model.js';

const model = loadBundledModel();

// [text, the attributions' texts] — the team's own sentences.
const CASES: [string, string[]][] = [
  // the tagger's repeat of one run of a two-part quote the rules built
  ['“We are not walking away from this project,” Mayor Dan Okafor said after the vote. “We are making sure we can pay for it.”',
    ['We are not walking away from this project, We are making sure we can pay for it.']],
  ['“I’m not certain the league would agree,” Ruiz said.', ['I’m not certain the league would agree,']],
  // a third person's words reported inside the quote stay an attribution of their own
  ['“The minister said the plant would stay open,” the union leader said. “We believed her.”',
    ['The minister said the plant would stay open, We believed her.', 'the plant would stay open']],
];

test('no fragment or duplicate inside a quote already attributed; a quote inside a quote stays', () => {
  for (const [text, expected] of CASES) assert.deepEqual(analyze({ text }, { model }).attributions.map((a) => a.text), expected, text);
});

test('the duplicate is listed as dropped, with its reason', () => {
  const a = analyze({ text: CASES[0][0] }, { model, explainDropped: true });
  assert.deepEqual(a.dropped?.map((d) => d.dropped), ['fragment/inside-quote']);
});

test('a speakerless attribution inside reported words with a speaker is part of those words', () => {
  const text = 'According to a new survey by the Chamber, small firms are desperately trying to hire more cooks.';
  const a = analyze({ text }, { model, explainDropped: true });
  assert.deepEqual(a.attributions.map((x) => [x.type, x.speaker.mention?.text ?? '', x.text]), [['statement', 'a new survey by the Chamber', 'small firms are desperately trying to hire more cooks']]);
  assert.deepEqual(a.dropped?.map((d) => [d.text, d.dropped]), [['hire more cooks', 'fragment/inside-reported']]);
});
