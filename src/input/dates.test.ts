import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateline, formatLongDate, normalizeDate } from './dates.js';

test('normalizeDate reads the forms pages write dates in', () => {
  const cases: [string, string | undefined][] = [
    ['2021-03-03', '2021-03-03'],
    ['2021-03-03T10:05:00Z', '2021-03-03T10:05:00Z'],
    ['2021-03-03T10:05:00.123+0100', '2021-03-03T10:05:00+01:00'],
    ['2021-03-03 10:05', '2021-03-03T10:05:00'],
    ['20210303', '2021-03-03'],
    ['Wed, 03 Mar 2021 10:05:00 GMT', '2021-03-03T10:05:00Z'],
    ['March 3, 2021', '2021-03-03'],
    ['Tuesday, Oct. 9, 2018', '2018-10-09'],
    ['Sept. 30, 2019 at 4:00 PM', '2019-09-30'],
    ['3 March 2021', '2021-03-03'],
    // negatives: impossible days, no year, not a date
    ['2021-02-30', undefined],
    ['2021-13-01', undefined],
    ['March 3', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeDate(input), expected, input);
});

test('formatLongDate writes a signature line date', () => {
  assert.equal(formatLongDate('2021-03-03T10:00:00Z'), 'March 3, 2021');
  assert.equal(formatLongDate('no date'), undefined);
});

test('findDateline reads the place, date and agency before the dash', () => {
  const cases: [string, string | undefined, { text: string; date?: string } | undefined][] = [
    ['WASHINGTON, Oct. 9, 2018 (Reuters) - The talks went on.', undefined, { text: 'WASHINGTON, Oct. 9, 2018 (Reuters) -', date: '2018-10-09' }],
    ['EASTON, Ohio, March 3, 2021 — The mayor said.', undefined, { text: 'EASTON, Ohio, March 3, 2021 —', date: '2021-03-03' }],
    ['Oct. 9, 2018 — The talks went on.', undefined, { text: 'Oct. 9, 2018 —', date: '2018-10-09' }],
    ['WASHINGTON, Oct. 9 (Reuters) - The talks went on.', 'https://news.example/2018/10/09/talks', { text: 'WASHINGTON, Oct. 9 (Reuters) -', date: '2018-10-09' }],
    ['WASHINGTON, Oct. 9 (Reuters) - The talks went on.', undefined, { text: 'WASHINGTON, Oct. 9 (Reuters) -' }],
    // negatives: a date inside the first sentence, a hyphenated word, no dash
    ['The mayor said on March 3, 2021 that the bridge would open.', undefined, undefined],
    ['March 3, 2021 was a cold day.', undefined, undefined],
    ['Washington state-run ferries stopped on Oct. 9 - a Tuesday.', undefined, undefined],
  ];
  for (const [text, url, expected] of cases) assert.deepEqual(findDateline(text, url), expected, text);
});
