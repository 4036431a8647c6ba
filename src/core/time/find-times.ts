/**
 * Times: the dates an article states or implies, each resolved to an ISO value against the publication
 * date (the reference), never against the clock.
 *
 * chrono-node proposes, refiners in one ordered list dispose. chrono only ever sees a few tokens around a
 * date word (`isDateTrigger`), so a text without dates costs one look-up per token and chrono never reads
 * "may" the verb, "now", "the second march" or "12-inch" in the first place; the refiners drop what it
 * still proposes that is not a date in news.
 */
// the English locale alone: the package's index loads every locale (266 modules, ~4× the start-up)
import type { ParsedResult } from 'chrono-node/en';
import type { Diagnostic, TimeExpression } from '../analysis.js';
import type { Segmented } from '../segment/segment.js';
import { tokenAtOrAfter } from '../segment/lookup.js';
import { addDays, formatDate, formatDateTime, isValidDate, parseIsoDate, weekdayOf, type CalendarDate } from './calendar.js';
import { dateParser } from './date-parser.js';
import { DEICTIC_DAYS, MONTHS, WEEKDAYS, isDateTrigger } from './date-words.js';
import { clauseTense, type Tense } from './tense.js';

/** Tokens either side of a date word that chrono sees: enough for "at 3 p.m. on Tuesday, Oct. 9, 2018". */
const BEFORE = 4;
const AFTER = 6;

/** Words chrono includes at the front of a date that are not part of it ("On Monday", "since June 12"). */
const LEADING = new Set(['on', 'at', 'in', 'by', 'of', 'from', 'since', 'until', 'till', 'before', 'after', 'during', 'around', 'about', 'for', 'the']);
/** Words in a result that say which way a weekday points, so chrono's own resolution stands ("last Monday"). */
const DIRECTED = /\b(last|next|this|past|previous|coming)\b/i;
/** "a week ago", "three days ago"; "years ago" or "hours ago" are not a day this stage can name. */
const AGO_IN_DAYS = /\b(days?|weeks?)\s+ago\b/i;

/** Where no reference is given, chrono still needs one; only fully stated dates survive without it. */
const NO_REFERENCE = new Date(2000, 0, 1, 12);

interface Candidate {
  /** Token range [first, last) of the expression. */
  readonly first: number;
  readonly last: number;
  readonly result: ParsedResult;
}

interface Context {
  readonly seg: Segmented;
  readonly reference: CalendarDate | undefined;
  /** Where the last refiner puts the dates it drops for want of a reference. */
  readonly unresolved: Candidate[];
}

type Refiner = (c: Candidate, ctx: Context) => Candidate | undefined;

/** The refiners, in the order they act. Each keeps, narrows or drops one candidate. */
const REFINERS: readonly Refiner[] = [
  trimEdges,
  requireDateWord,
  requireDay,
  dropPublicationName,
  dropVagueAgo,
  requireReferenceOrFullDate,
];

/** Finds the dates in the text, in document order. `reference` is the publication date (ISO). */
export function findTimes(seg: Segmented, reference?: string): TimeExpression[] {
  return readTimes(seg, reference).times;
}

/** The times, and the stage's diagnostics: relative dates left unresolved for want of a reference. */
export interface TimeLayer {
  readonly times: TimeExpression[];
  readonly diagnostics: Diagnostic[];
}

/** The diagnostic code of an article whose relative dates ("Tuesday") had no publication date to resolve against. */
export const NO_REFERENCE_DATE = 'time/no-reference-date';

/**
 * Finds the dates, and says when some could not be resolved: "the mayor said Tuesday" in an article
 * without a publication date names a day the stage cannot know, so it is dropped, and one diagnostic
 * (at the first such date) says how many and how to give the reference.
 */
export function readTimes(seg: Segmented, reference?: string): TimeLayer {
  const unresolved: Candidate[] = [];
  const times = collectTimes(seg, reference, unresolved);
  const diagnostics: Diagnostic[] = [];
  if (unresolved.length > 0) {
    const first = unresolved[0];
    const words = [...new Set(unresolved.map((c) => textOf(c, seg)))];
    const shown = words.slice(0, 3).map((w) => `"${w}"`).join(', ') + (words.length > 3 ? ', …' : '');
    diagnostics.push({
      code: NO_REFERENCE_DATE,
      severity: 'warning',
      message: `${unresolved.length} relative date${unresolved.length === 1 ? '' : 's'} (${shown}) could not be resolved: the article has no publication date; give one (--published YYYY-MM-DD on the command line, publishedAt in the input)`,
      span: { start: seg.tokens[first.first].start, end: seg.tokens[first.last - 1].end },
      actual: 'no publication date',
      expected: 'a publication date (YYYY-MM-DD) to resolve relative dates against',
    });
  }
  return { times, diagnostics };
}

function collectTimes(seg: Segmented, reference: string | undefined, unresolved: Candidate[]): TimeExpression[] {
  const ctx: Context = { seg, reference: parseIsoDate(reference), unresolved };
  const chronoReference = ctx.reference ? localNoon(ctx.reference) : NO_REFERENCE;
  const out: TimeExpression[] = [];
  for (const [a, b] of dateWindows(seg)) {
    const offset = seg.tokens[a].start;
    const slice = seg.text.slice(offset, seg.tokens[b - 1].end);
    for (const result of dateParser.parse(slice, chronoReference)) {
      const first = tokenAtOrAfter(seg, offset + result.index);
      const last = tokenAtOrAfter(seg, offset + result.index + result.text.length);
      let candidate: Candidate | undefined = { first, last, result };
      for (const refine of REFINERS) {
        candidate = refine(candidate, ctx);
        if (!candidate) break;
      }
      const time = candidate && toTimeExpression(candidate, ctx);
      if (time && (out.length === 0 || out[out.length - 1].end <= time.start)) out.push(time);
    }
  }
  return out;
}

/**
 * Token ranges around date words, clipped to their sentence and merged where they touch. This is the
 * cheap pre-check: one character test per token, chrono only on what it finds.
 */
export function dateWindows(seg: Segmented): [number, number][] {
  const windows: [number, number][] = [];
  const { tokens, sentences } = seg;
  for (let i = 0; i < tokens.length; i++) {
    if (!isDateTrigger(tokens[i])) continue;
    const sentence = sentences[tokens[i].sentence];
    const a = Math.max(sentence.first, i - BEFORE);
    const b = Math.min(sentence.last, i + AFTER + 1);
    const previous = windows[windows.length - 1];
    if (previous && previous[1] >= a && tokens[previous[0]].sentence === tokens[i].sentence) previous[1] = b;
    else windows.push([a, b]);
  }
  return windows;
}

/** A date at noon in the machine's zone: chrono reads its fields back in that zone, so the zone cancels out. */
function localNoon({ year, month, day }: CalendarDate): Date {
  return new Date(year, month - 1, day, 12);
}

/** "On Monday," → "Monday": leading prepositions and trailing punctuation are not part of the date. */
function trimEdges(c: Candidate, { seg }: Context): Candidate | undefined {
  let { first, last } = c;
  while (first < last && LEADING.has(seg.tokens[first].lower)) first++;
  while (last > first && seg.tokens[last - 1].pos === 'PUNCT') last--;
  return last > first ? { ...c, first, last } : undefined;
}

/** chrono also reads "second march" as March 2; only an expression holding a date word is kept. */
function requireDateWord(c: Candidate, { seg }: Context): Candidate | undefined {
  for (let i = c.first; i < c.last; i++) if (isDateTrigger(seg.tokens[i])) return c;
  return undefined;
}

/** A month alone ("in May", "Theresa May"), a year or a time of day alone names no day. */
function requireDay(c: Candidate): Candidate | undefined {
  const start = c.result.start;
  return start.isCertain('day') || start.isCertain('weekday') ? c : undefined;
}

/** "the Sunday Times reported": a weekday followed by a capitalized name is part of that name. */
function dropPublicationName(c: Candidate, { seg }: Context): Candidate | undefined {
  if (c.last - c.first !== 1 || !WEEKDAYS.has(seg.tokens[c.first].lower)) return c;
  const next = seg.tokens[c.last];
  if (!next || next.sentence !== seg.tokens[c.first].sentence) return c;
  const capitalized = /^[A-Z][a-z]/.test(next.text);
  return capitalized && !MONTHS.has(next.lower) && !WEEKDAYS.has(next.lower) ? undefined : c;
}

/** "years ago" and "hours ago" name no particular day; "two days ago" does. */
function dropVagueAgo(c: Candidate, { seg }: Context): Candidate | undefined {
  if (seg.tokens[c.last - 1].lower !== 'ago') return c;
  return AGO_IN_DAYS.test(textOf(c, seg)) ? c : undefined;
}

/** Without a reference, only a date whose text gives day, month and year gets a value. */
function requireReferenceOrFullDate(c: Candidate, ctx: Context): Candidate | undefined {
  if (ctx.reference || isStated(c, ctx.seg)) return c;
  ctx.unresolved.push(c);
  return undefined;
}

function textOf(c: Candidate, seg: Segmented): string {
  return seg.text.slice(seg.tokens[c.first].start, seg.tokens[c.last - 1].end);
}

/** The text gives the full date: year, month and day all written, none taken from the reference. */
function isStated(c: Candidate, seg: Segmented): boolean {
  const start = c.result.start;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return false;
  for (let i = c.first; i < c.last; i++) if (DEICTIC_DAYS.has(seg.tokens[i].lower)) return false;
  return true;
}

function toTimeExpression(c: Candidate, { seg, reference }: Context): TimeExpression | undefined {
  const start = c.result.start;
  let date: CalendarDate = { year: start.get('year') ?? 0, month: start.get('month') ?? 0, day: start.get('day') ?? 0 };
  const text = textOf(c, seg);
  if (reference && !start.isCertain('day') && start.isCertain('weekday') && !DIRECTED.test(text)) {
    date = resolveWeekday(reference, start.get('weekday') ?? 0, clauseTense(seg, c.first, c.last) === 'future');
  } else if (reference && start.isCertain('day') && start.isCertain('month') && !start.isCertain('year')) {
    date = chooseYear(reference, date, clauseTense(seg, c.first, c.last));
  }
  if (!isValidDate(date)) return undefined;
  const stated = isStated(c, seg);
  const timed = start.isCertain('hour') && seg.tokens[c.last - 1].lower !== 'ago';
  const offset = start.isCertain('timezoneOffset') ? start.get('timezoneOffset') ?? undefined : undefined;
  const value = timed ? formatDateTime(date, start.get('hour') ?? 0, start.get('minute') ?? 0, offset) : formatDate(date);
  return { start: seg.tokens[c.first].start, end: seg.tokens[c.last - 1].end, text, value, certainty: stated ? 'stated' : 'implied' };
}

/** A month and day more than this many days from the reference in the wrong direction for the tense move a year. */
const TENSE_SLACK_DAYS = 30;

/**
 * A month and day without a year is the one closest to the reference (chrono's choice: "after the
 * Nov. 6 election" in October is the coming November), unless the clause's tense points the other way
 * by more than a month ("a Dec. 28 storm closed the roads", written in October, is last December's).
 */
export function chooseYear(reference: CalendarDate, closest: CalendarDate, tense: Tense): CalendarDate {
  const days = (Date.UTC(closest.year, closest.month - 1, closest.day) - Date.UTC(reference.year, reference.month - 1, reference.day)) / 86_400_000;
  if (tense === 'past' && days > TENSE_SLACK_DAYS) return { ...closest, year: closest.year - 1 };
  if (tense === 'future' && days < -TENSE_SLACK_DAYS) return { ...closest, year: closest.year + 1 };
  return closest;
}

/**
 * A bare weekday is the latest such day on or before the reference ("Bloomberg reported Tuesday",
 * published on a Tuesday, is that Tuesday), or the first on or after it in a future clause.
 */
export function resolveWeekday(reference: CalendarDate, weekday: number, future: boolean): CalendarDate {
  const today = weekdayOf(reference);
  return future ? addDays(reference, (weekday - today + 7) % 7) : addDays(reference, -((today - weekday + 7) % 7));
}
