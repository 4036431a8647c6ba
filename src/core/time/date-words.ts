/**
 * The words that can start a date in news text. Finding one of them is the cheap check that decides
 * whether chrono runs at all: a sentence without any of them holds no date this stage reports.
 *
 * Sources: the English month and weekday names with the abbreviations of the AP Stylebook ("Jan.",
 * "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."; March to July are never abbreviated there) plus the
 * three-letter forms datelines and feeds use; the deictic day words chrono's casual parser knows
 * ("today", "yesterday", "tomorrow", "tonight") and "ago" for "two days ago".
 */
import type { Token } from '../segment/segment.js';

/** Month names and abbreviations, lower-cased, to the month number. Only capitalized forms count. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['jan.', 1],
  ['february', 2], ['feb', 2], ['feb.', 2],
  ['march', 3], ['mar.', 3],
  ['april', 4], ['apr', 4], ['apr.', 4],
  ['may', 5],
  ['june', 6], ['jun.', 6],
  ['july', 7], ['jul.', 7],
  ['august', 8], ['aug', 8], ['aug.', 8],
  ['september', 9], ['sep', 9], ['sep.', 9], ['sept', 9], ['sept.', 9],
  ['october', 10], ['oct', 10], ['oct.', 10],
  ['november', 11], ['nov', 11], ['nov.', 11],
  ['december', 12], ['dec', 12], ['dec.', 12],
]);

/** Weekday names, lower-cased, to their number (Sunday 0). AP style never abbreviates them in running text. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

/** Day words that need the reference date, in any case ("Today, the talks resumed"). */
export const DEICTIC_DAYS: ReadonlySet<string> = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'ago']);

/** A full numeric date: "2018-10-09", "10/9/2018", "10/9/18". Without a year ("24/7", "9/11") it is not one. */
const NUMERIC_DATE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/(\d{2}|\d{4}))$/;

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True where a date can start at this token. Costs a character test and at most one set look-up. */
export function isDateTrigger(token: Token): boolean {
  const code = token.text.charCodeAt(0);
  if (isUpper(code)) return MONTHS.has(token.lower) || WEEKDAYS.has(token.lower) || DEICTIC_DAYS.has(token.lower);
  if (isDigit(code)) return token.text.length >= 6 && NUMERIC_DATE.test(token.text);
  return DEICTIC_DAYS.has(token.lower);
}
