import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from './segment.js';
import { analyze } from '../analyze.js';

// wink-nlp reads an empty word between two periods glued to words; no token may be empty or out of place.
const emptyWordTexts: [string, string[]][] = [
  ['ts..o', ['ts', '.', '.', 'o']],
  ['fine..ok', ['fine', '.', '.', 'ok']],
  ['Yes..No', ['Yes', '.', '.', 'No']],
  ['She said it was fine..ok, then left.', ['She', 'said', 'it', 'was', 'fine', '.', '.', 'ok', ',', 'then', 'left', '.']],
];

for (const [text, expected] of emptyWordTexts) {
  test(`segment: no empty token in ${JSON.stringify(text)}`, () => {
    const seg = segment(text);
    assert.deepEqual(seg.tokens.map((t) => t.text), expected);
    for (const t of seg.tokens) assert.equal(text.slice(t.start, t.end), t.text);
    assert.doesNotThrow(() => analyze({ text }, { model: null }));
  });
}

// What wink-nlp learned from one text must not change how it reads the next: "Okonkwo’s," teaches it the
// word "Okonkwo’s", after which a bare "Okonkwo’s" would stay one token instead of "Okonkwo" + "’s".
const readingOrders: [string, string, string][] = [
  ['a possessive after the same possessive before a comma', 'Voters backed Okonkwo’s, not Baptiste’s.', 'Okonkwo’s tax plan drew praise, said Lena Baptiste.'],
  ['a name after the same name in another case', 'OKONKWO WINS.', 'Okonkwo wins, the council said.'],
];

for (const [name, before, text] of readingOrders) {
  test(`segment reads a text the same whatever came before: ${name}`, () => {
    const view = (t: string) => segment(t).tokens.map((k) => [k.text, k.pos, k.lemma, k.sentence]);
    const fresh = view(text);
    segment(before);
    assert.deepEqual(view(text), fresh);
  });
}
