import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { loadBundledModel } from '../../node/load-model.js';

const model = loadBundledModel();

// The team's own page, with the furniture news pages print between paragraphs.
const PAGE = [
  'Millbrook council votes to delay arena plan',
  'Mayor says the delay will cost taxpayers less in the long run',
  'FILE PHOTO: Millbrook Mayor Dan Okafor speaks to reporters outside city hall on Tuesday. (Jane Roe/The Ledger)',
  'Millbrook council voted 7-2 on Tuesday to delay the new arena by a year.',
  'READ MORE: Arena costs could double, consultant warns',
  'Story continues below advertisement',
  'WATCH: Okafor says arena is ‘still the plan’',
  'Councillor Rita Alvarez said the city had underestimated the cost of steel.',
].join('\n');

test('link lines, captions and boilerplate carry no attributions; a headline that reports speech does', () => {
  const a = analyze({ text: PAGE }, { model, explainDropped: true });
  assert.deepEqual(a.attributions.map((x) => x.text), [
    'the delay will cost taxpayers less in the long run',
    'the city had underestimated the cost of steel',
  ]);
  const reasons = new Set(a.dropped?.map((d) => d.dropped));
  assert.ok(reasons.has('furniture/link-line'), JSON.stringify(a.dropped));
});

test('a page\'s labels and boilerplate are no entities', () => {
  const names = analyze({ text: PAGE }, { model }).entities.map((e) => e.name);
  for (const label of ['FILE PHOTO', 'READ', 'WATCH', 'Story']) assert.ok(!names.some((n) => n.includes(label)), `${label} in ${names.join(', ')}`);
  assert.ok(names.includes('Rita Alvarez'));
});
