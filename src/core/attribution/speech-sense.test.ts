import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { segment } from '../segment/segment.js';
import { loadBundledModel } from '../../node/load-model.js';
import { holdsSomethingSaid } from './speech-sense.js';

const model = loadBundledModel();
const statements = (text: string) => analyze({ text }, { model }).attributions.filter((a) => a.type === 'statement').map((a) => a.text);

// [sentence, the statements whosaid reports] — the team's own sentences.
const CASES: [string, string[]][] = [
  // a verb of saying in another sense: nothing said
  ['Okafor added two more goals in the third period as the Falcons beat Lakeshore 5-2.', []],
  ['The TSX index added 0.6 per cent on Tuesday, led by energy stocks.', []],
  ['Officials called off the game because of lightning.', []],
  ['The bakery, noted for its rye bread, will close in June.', []],
  ['The company reported a loss of $12 million in the third quarter.', []],
  ['The Blue Jays posted a 4-1 win over Boston on Sunday night.', []],
  ['After the rescue, Dr. Mina Patel later thanked the crew for their work.', []],
  ['The union urged a review of the contract.', []],
  // a quantity is what was added, however the tagger or a rule read it
  ['The Halden composite index added 112 points, or 0.5 per cent, to close at 22,480.', []],
  ['Mara Volk scored 14 goals last season and added nine assists.', []],
  ['She added 12 people had died in the fire.', ['12 people had died in the fire']],
  // a role noun before a name is a title, not a cue
  ['Opposition transport critic Dana Moss was not convinced.', []],
  // a directive: what is urged or asked is no words said
  ['Ashby Mayor Beth Lyons urged the province to help retrain workers.', []],
  ['Councillor Hannah Yusuf asked staff to report back on response times.', []],
  ['Councillor Tom Reyes called for a faster road-repair schedule.', []],
  ['Drivers were asked to keep off the bridge until noon.', []],
  ['Staff were asked to report back on bus shelter repairs.', []],
  // an infinitive is what someone means or must do
  ['Council also voted 7-2 to approve a new fee for leaf collection.', []],
  ['The union urged that the plant stay open.', ['the plant stay open']],
  ['Reporters asked whether the plant would close.', ['whether the plant would close']],
  // the verb of a relative clause on the object is no clause said
  ['She thanked the nurses who worked the night shift.', []],
  // a demonstrative and a noun is the object, not "that" and a clause
  ['Landlord Ivan Petrov disputed that claim.', []],
  // a clause after a relative clause, or after "that", is still something said
  ['She said the driver who hit the pole was not hurt.', ['the driver who hit the pole was not hurt']],
  ['He noted that figures rose in May.', ['figures rose in May']],
  // the same verbs in their speech sense
  ['She added that the clinic would reopen next week.', ['the clinic would reopen next week']],
  ['The coach said the team was tired after the long trip.', ['the team was tired after the long trip']],
  ['Chen told reporters the vote would be held in March.', ['the vote would be held in March']],
  ['“We will be back,” Okafor added.', ['We will be back,']],
];

test('a cue introduces a statement only in its speech sense', () => {
  for (const [text, expected] of CASES) assert.deepEqual(statements(text), expected, text);
});

test('a bare speech act with a noun object is an attitude, not a statement', () => {
  const a = analyze({ text: 'The union urged a review of the contract.' }, { model }).attributions;
  assert.deepEqual(a.map((x) => [x.type, x.text]), [['attitude', 'a review of the contract']]);
});

test('--explain-dropped lists what the speech-sense refiner dropped, with its reason', () => {
  const a = analyze({ text: 'The company reported a loss of $12 million in the third quarter.' }, { model, explainDropped: true });
  assert.deepEqual(a.dropped?.map((d) => [d.dropped, d.cue?.text]), [['speech-sense/other-sense', 'reported']]);
  assert.equal(analyze({ text: 'The company reported a loss.' }, { model }).dropped, undefined);
});

test('holdsSomethingSaid: a clause, a quote or a colon, not a noun phrase', () => {
  const rows: [string, string, boolean][] = [
    ['He said the bridge will open.', 'the bridge will open', true],
    ['He said “never.”', '“never.”', true],
    ['He noted: higher costs.', 'higher costs', true],
    ['He asked whether costs rose.', 'whether costs rose', true],
    ['He added two goals.', 'two goals', false],
    ['He added two goals as the team won.', 'two goals as the team won', false],
    ['He thanked the crew who flew the plane.', 'the crew who flew the plane', false],
    ['He added 40 signed jerseys.', '40 signed jerseys', false],
    ['He added to a list of 300 known icy bodies.', 'a list of 300 known icy bodies', false],
    ['He sued the builder over cracked walls.', 'the builder over cracked walls', false],
    ['He disputed that claim.', 'that claim', false],
    ['He called for a road-repair plan.', 'a road-repair plan', false],
    ['He said the man who called was angry.', 'the man who called was angry', true],
  ];
  for (const [text, content, expected] of rows) {
    const seg = segment(text);
    const start = text.indexOf(content);
    const cueEnd = 3 + /^[a-z]+/.exec(text.slice(3))![0].length;
    assert.equal(holdsSomethingSaid(seg, [{ start, end: start + content.length }], { start: 3, end: cueEnd }), expected, text);
  }
});

test('a directive or an infinitive is typed for what it is, not dropped', () => {
  const types = (text: string) => analyze({ text }, { model }).attributions.map((a) => [a.type, a.reasons.at(-1)]);
  assert.deepEqual(types('Council also voted 7-2 to approve a new fee for leaf collection.'), [['intention', 'speech-sense/infinitive']]);
  assert.deepEqual(types('Staff were asked to report back on bus shelter repairs.'), [['attitude', 'speech-sense/directive']]);
});
