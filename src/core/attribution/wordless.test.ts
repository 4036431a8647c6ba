import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { loadBundledModel } from '../../node/load-model.js';

const model = loadBundledModel();

// The learned tagger tags some of these as content ("“”" was a speakerless statement); the refiner drops
// them as content/no-words. Texts of quotation marks and punctuation alone: nothing in them was said by anyone.
const wordless: string[] = ['“”', '""""', "''", '“ ” “ ”', '« »', '— — —', '“…”'];

for (const text of wordless) {
  test(`no attribution in ${JSON.stringify(text)}`, () => {
    assert.deepEqual(analyze({ text }, { model }).attributions, []);
  });
}

// Words inside the marks, and a number alone, are content.
const worded: [string, string][] = [
  ['“Yes,” the coach said.', 'Yes,'],
  ['“42,” the clerk said.', '42,'],
];

for (const [text, said] of worded) {
  test(`a quote with words stays: ${JSON.stringify(text)}`, () => {
    const analysis = analyze({ text }, { model });
    assert.deepEqual(analysis.attributions.map((a) => a.text), [said]);
  });
}
