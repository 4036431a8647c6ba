import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReferenceDate } from './dates.js';

test('reference dates: ISO calendar dates and date-times pass, the rest say why not', () => {
  const cases: [string, string | undefined][] = [
    ['2025-11-13', undefined],
    ['2024-02-29', undefined],
    ['2025-11-13T09:30:00Z', undefined],
    ['2025-11-13T09:30+02:00', undefined],
    ['2025-02-29', '"2025-02-29" is not a calendar date'],
    ['2025-13-01', '"2025-13-01" is not a calendar date'],
    ['2025-00-10', '"2025-00-10" is not a calendar date'],
    ['13/11/2025', 'expected a date as YYYY-MM-DD (or an ISO date-time), found "13/11/2025"'],
    ['2025-11-13 09:30', 'expected a date as YYYY-MM-DD (or an ISO date-time), found "2025-11-13 09:30"'],
    ['', 'expected a date as YYYY-MM-DD (or an ISO date-time), found ""'],
  ];
  for (const [value, expected] of cases) assert.equal(checkReferenceDate(value), expected, value);
  assert.equal(checkReferenceDate('2025-11-13T09:30:00Z', false), 'expected a date as YYYY-MM-DD, found "2025-11-13T09:30:00Z"');
});
