import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/segment.js';
import { findTimes } from './find-times.js';
import { findSaidOn } from './said-on.js';

/** The date text that dates the cue, the cue being the first occurrence of `cue` in the text. */
function saidOn(text: string, cue: string): string | undefined {
  const seg = segment(text);
  const times = findTimes(seg, '2018-10-09');
  const start = text.indexOf(cue);
  assert.ok(start >= 0, `cue ${cue} in ${text}`);
  return findSaidOn(seg, times, { start, end: start + cue.length })?.text;
}

test('the date in the cue’s clause', () => {
  const cases: [string, string, string | undefined][] = [
    ['On Monday, the minister told lawmakers, “we will not retreat.”', 'told', 'Monday'],
    ['“We will not retreat,” the minister told lawmakers Tuesday, according to the Daily Star.', 'told', 'Tuesday'],
    ['The Daily Star reported Tuesday that the minister would resign.', 'reported', 'Tuesday'],
    ['The mayor said in a radio interview on Sunday that the bridge is safe.', 'said', 'Sunday'],
    ['The mayor on Friday said the bridge is safe.', 'said', 'Friday'],
    ['On Thursday, Secretary of Labor Jane Roe announced a new rule.', 'announced', 'Thursday'],
  ];
  for (const [text, cue, expected] of cases) assert.equal(saidOn(text, cue), expected, text);
});

test('negative cases: dates that do not date the saying', () => {
  const cases: [string, string][] = [
    ['The minister said, “We met on Monday and agreed.”', 'said'],
    ['The minister said she will meet the envoy on Friday.', 'said'],
    ['The minister said that on Friday the envoy arrives.', 'said'],
    ['After meeting the envoy on Sunday, the minister said the talks went well.', 'said'],
    ['The minister met the envoy on Sunday. She said the talks went well.', 'said'],
    ['“On Monday we won,” the coach said.', 'said'],
  ];
  for (const [text, cue] of cases) assert.equal(saidOn(text, cue), undefined, text);
});
