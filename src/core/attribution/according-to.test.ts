import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { loadBundledModel } from '../../node/load-model.js';

const model = loadBundledModel();
const statements = (text: string) =>
  analyze({ text }, { model }).attributions.filter((a) => a.type === 'statement').map((a) => [a.speaker.mention?.text ?? '', a.speaker.name ?? '', a.text]);

// [sentence, [source phrase, speaker name, content] per statement] — the team's own sentences.
const CASES: [string, string[][]][] = [
  // a leading source runs to its comma, past the modifiers of its noun phrase
  ['According to data from the provincial housing agency, rents rose 6 per cent last year.',
    [['data from the provincial housing agency', '', 'rents rose 6 per cent last year']]],
  ['According to an inspection report filed with the court, the boiler had not been serviced since 2019.',
    [['an inspection report filed with the court', '', 'the boiler had not been serviced since 2019']]],
  ['According to a union estimate cited at the hearing, one in five drivers has quit.',
    [['a union estimate cited at the hearing', '', 'one in five drivers has quit']]],
  // the noun right after "according to" is the source, never a verb of its own
  ['Ticket sales fell by a third, according to figures the league released Monday, after the strike ended.',
    [['figures the league released Monday', '', 'Ticket sales fell by a third']]],
  // a dateline opening the sentence is no part of the words
  ['PORT ELLIS — Ferry crossings fell by half, according to figures the port released Monday, after the fares rose.',
    [['figures the port released Monday', '', 'Ferry crossings fell by half']]],
  // unchanged: a short source, and one that is a person's name after its description
  ['According to police, the driver fled.', [['police', '', 'the driver fled']]],
];

test('"according to" attributes its clause to a source of several words', () => {
  for (const [text, expected] of CASES) {
    const found = statements(text);
    // The mention is the source phrase or, where the learned tagger's span won the merge, its head part.
    assert.deepEqual(found.map(([, name, content]) => [name, content]), expected.map(([, name, content]) => [name, content]), text);
    found.forEach(([mention], k) => assert.ok(mention !== '' && expected[k][0].startsWith(mention), `${text}: mention ${mention}`));
  }
});
