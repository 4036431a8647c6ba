import { test } from 'node:test';
import assert from 'node:assert/strict';
import { furnitureLabelEnd, furnitureOf } from './furniture.js';

// [line, kind] — the team's own lines, with look-alikes that are running text.
const LINES: [string, ReturnType<typeof furnitureOf>][] = [
  ['READ MORE: Arena costs could double, consultant warns', 'link-line'],
  ['WATCH: Okafor says arena is ‘still the plan’', 'link-line'],
  ['RELATED: Council to vote on arena next month', 'link-line'],
  ['Read more: Five things to know about the budget', 'link-line'],
  ['FILE PHOTO: Mayor Dan Okafor speaks to reporters outside city hall.', 'caption'],
  ['Firefighters work at the scene on Elm Street on Monday. (Jane Roe/The Ledger)', 'caption'],
  ['Photo by Sam Lee', 'caption'],
  ['Story continues below advertisement', 'boilerplate'],
  ['Article continued below', 'boilerplate'],
  ['Advertisement', 'boilerplate'],
  // running text
  ['More than 40 residents said the road was unsafe.', undefined],
  ['Watch parties were held across the city, organizers said.', undefined],
  ['The mayor said the photo (taken in 2019) was real.', undefined],
  ['Related costs rose 4 per cent, the report said.', undefined],
  ['“Read the report,” she said.', undefined],
];

test('furnitureOf tells link lines, captions and boilerplate from running text', () => {
  for (const [line, kind] of LINES) assert.equal(furnitureOf(line), kind, line);
});

test('furnitureLabelEnd covers a line\'s label, or all of a boilerplate line', () => {
  assert.equal('FILE PHOTO: Mayor Dan Okafor'.slice(0, furnitureLabelEnd('FILE PHOTO: Mayor Dan Okafor')), 'FILE PHOTO:');
  assert.equal(furnitureLabelEnd('Story continues below advertisement'), 'Story continues below advertisement'.length);
  assert.equal(furnitureLabelEnd('The mayor spoke.'), -1);
});
