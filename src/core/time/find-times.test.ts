import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/segment.js';
import { findTimes, readTimes } from './find-times.js';

/** Published on Tuesday, 2018-10-09, unless a case says otherwise. */
const REFERENCE = '2018-10-09';

const times = (text: string, reference: string | null = REFERENCE) =>
  findTimes(segment(text), reference ?? undefined).map((t) => [t.text, t.value, t.certainty]);

test('dates resolve against the reference date', () => {
  const cases: [string, string[][]][] = [
    ['On Monday, the minister told lawmakers the budget was final.', [['Monday', '2018-10-08', 'implied']]],
    ['The mayor spoke to reporters Tuesday, the city paper reported.', [['Tuesday', '2018-10-09', 'implied']]],
    ['The agency said Sunday that it had paused the program.', [['Sunday', '2018-10-07', 'implied']]],
    ['Voters go to the polls after the Nov. 6 election, officials said.', [['Nov. 6', '2018-11-06', 'implied']]],
    ['Their June 12 meeting took place in a hotel by the sea.', [['June 12', '2018-06-12', 'implied']]],
    ['The report was filed on October 9, 2018 in the capital.', [['October 9, 2018', '2018-10-09', 'stated']]],
    ['The treaty was signed Sept. 3, 2015, and ratified later.', [['Sept. 3, 2015', '2015-09-03', 'stated']]],
    ['The filing is dated 2017-04-21 in the court record.', [['2017-04-21', '2017-04-21', 'stated']]],
    ['The memo, dated 3/14/2016, was leaked.', [['3/14/2016', '2016-03-14', 'stated']]],
    ['The senator resigned yesterday after the vote.', [['yesterday', '2018-10-08', 'implied']]],
    ['The council met two days ago to discuss the plan.', [['two days ago', '2018-10-07', 'implied']]],
    ['The governor will visit the flooded towns on Friday.', [['Friday', '2018-10-12', 'implied']]],
    ['On Thursday, the envoy is set to travel to the region.', [['Thursday', '2018-10-11', 'implied']]],
    ['The vote took place last Wednesday in the old chamber.', [['last Wednesday', '2018-10-03', 'implied']]],
    ['The rally began at 3 p.m. on Oct. 3 near the square.', [['3 p.m. on Oct. 3', '2018-10-03T15:00:00', 'implied']]],
    ['A storm closed the roads on Dec. 28, the agency said.', [['Dec. 28', '2017-12-28', 'implied']]],
    ['The new law takes effect Jan. 4, the ministry said.', [['Jan. 4', '2019-01-04', 'implied']]],
    ['The envoy will return to the capital on Sept. 1.', [['Sept. 1', '2019-09-01', 'implied']]],
    ['The summit is scheduled for Dec. 2 in the capital.', [['Dec. 2', '2018-12-02', 'implied']]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(times(text), expected, text);
});

test('a weekday on the publication day of the week is that day', () => {
  assert.deepEqual(times('The board said Monday it would appeal.', '2018-10-08'), [['Monday', '2018-10-08', 'implied']]);
});

test('without a reference only fully stated dates get values', () => {
  const text = 'On Monday, the minister said the accord of May 2, 2016 still held after the June 12 summit.';
  assert.deepEqual(times(text, null), [['May 2, 2016', '2016-05-02', 'stated']]);
  assert.deepEqual(times(text, 'not a date'), [['May 2, 2016', '2016-05-02', 'stated']]);
});

test('negative cases: look-alikes that are not dates in news', () => {
  const cases: string[] = [
    'The talks may resume, officials said.',
    'We cannot leave now, the mayor said.',
    'She finished second in the race.',
    'Thousands joined the march through the capital.',
    'Protesters march on the ministry in the spring.',
    'The union said the strike would last until March.',
    'Theresa May said the deal was dead.',
    'It will be after the mid-terms, he said.',
    'The navy fired a 12-inch gun at the target.',
    'The hotline runs 24/7 for veterans.',
    'The 9/11 commission released its report.',
    'The Sunday Times reported the story first.',
    'About 2018 people signed the petition.',
    'The dynasty ruled for centuries, and years ago it fell.',
    'The storm hit hours ago, the agency said.',
    'In 2016 the party lost the seat.',
  ];
  for (const text of cases) assert.deepEqual(times(text), [], text);
});

test('values are plain data that survive JSON', () => {
  const found = findTimes(segment('The court ruled on Friday.'), REFERENCE);
  assert.deepEqual(JSON.parse(JSON.stringify(found)), found);
  assert.deepEqual(found.map((t) => [t.start, t.end]), [[19, 25]]);
});

test('relative dates without a reference: one time/no-reference-date diagnostic at the first, none otherwise', () => {
  const cases: [string, string | undefined, string[] | undefined][] = [
    ['The mayor said Tuesday that the bridge would open. On Friday, she told reporters more.', undefined, ['Tuesday', '2 relative dates ("Tuesday", "Friday")']],
    ['The senator resigned yesterday after the vote.', undefined, ['yesterday', '1 relative date ("yesterday")']],
    ['The mayor said Tuesday that the bridge would open.', REFERENCE, undefined],
    ['The report was filed on October 9, 2018 in the capital.', undefined, undefined],
    ['The bridge opened to traffic after years of work.', undefined, undefined],
  ];
  for (const [text, reference, expected] of cases) {
    const { diagnostics } = readTimes(segment(text), reference);
    if (!expected) {
      assert.deepEqual(diagnostics, [], text);
      continue;
    }
    assert.equal(diagnostics.length, 1, text);
    const [d] = diagnostics;
    assert.equal(d.code, 'time/no-reference-date');
    assert.equal(d.severity, 'warning');
    assert.equal(text.slice(d.span!.start, d.span!.end), expected[0]);
    assert.ok(d.message.startsWith(`${expected[1]} could not be resolved`), d.message);
    assert.match(d.message, /--published YYYY-MM-DD.*publishedAt/);
  }
});
