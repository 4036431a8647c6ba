/**
 * Publication dates as pages write them, normalized to ISO 8601. A value with a time keeps its stated
 * offset (the article's local day is the reference for relative dates); a value without one stays a
 * date or a local date-time. Nothing here reads the clock or the machine's time zone.
 */

/** Month names and the abbreviations news style uses (AP style: "Jan.", "Sept."). */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** "Wed, 03 Mar 2021 10:00:00 +0000" (RFC 2822, as RSS and some meta tags write it). */
const RFC2822 = new RegExp(`^(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+${MONTH}\\.?\\s+(\\d{4})(?:\\s+(\\d{2}):(\\d{2})(?::(\\d{2}))?\\s*(Z|UTC|GMT|[+-]\\d{4})?)?`, 'i');
/** "March 3, 2021", "Tuesday, Oct. 9, 2018", "March 3, 2021 at 10:00 AM" (the date part only). */
const MONTH_DAY_YEAR = new RegExp(`^(?:[A-Za-z]+,?\\s+)?${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
/** "3 March 2021". */
const DAY_MONTH_YEAR = new RegExp(`^(?:[A-Za-z]+,?\\s+)?(\\d{1,2})\\s+${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i');

/** Normalizes a date as pages write it to ISO (`2021-03-03` or `2021-03-03T10:00:00-05:00`); undefined if unreadable. */
export function normalizeDate(value: string | null | undefined): string | undefined {
  const s = (value ?? '').trim();
  if (!s) return undefined;
  let m = ISO.exec(s);
  if (m) return compose(+m[1], +m[2], +m[3], m[4], m[5], m[6], m[7]);
  m = COMPACT.exec(s);
  if (m) return compose(+m[1], +m[2], +m[3]);
  m = RFC2822.exec(s);
  if (m) return compose(+m[3], monthNumber(m[2]), +m[1], m[4], m[5], m[6], m[7]);
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return compose(+m[3], monthNumber(m[1]), +m[2]);
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return compose(+m[3], monthNumber(m[2]), +m[1]);
  return undefined;
}

/** "2021-03-03…" → "March 3, 2021", the form a post's signature line takes. */
export function formatLongDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  return `${MONTH_NAMES[+m[2] - 1]} ${+m[3]}, ${m[1]}`;
}

export function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function compose(year: number, month: number, day: number, hh?: string, mm?: string, ss?: string, zone?: string): string | undefined {
  if (!validDay(year, month, day)) return undefined;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hh === undefined || mm === undefined) return date;
  if (+hh > 23 || +mm > 59 || (ss !== undefined && +ss > 60)) return undefined;
  return `${date}T${hh}:${mm}:${ss ?? '00'}${normalizeZone(zone)}`;
}

function normalizeZone(zone: string | undefined): string {
  if (!zone) return '';
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : '';
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export interface Dateline {
  /** ISO date, where the dateline or the page's URL gives the year. */
  readonly date?: string;
  /** The dateline's words at the start of the text. */
  readonly text: string;
}

/**
 * A dateline at the start of an article's text: the place, the date and the agency before a dash.
 *   "WASHINGTON, Oct. 9 (Reuters) - President ..."
 *   "EASTON, Ohio, March 3, 2021 — The mayor ..."
 *   "Oct. 9, 2018 — The talks ..."
 */
const DATELINE = new RegExp(
  `^(?:[A-Z][A-Z.'’ -]{1,40}(?:,\\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?,\\s+)?${MONTH}\\.?\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?\\s*(?:\\([^)\\n]{1,40}\\)\\s*)?(?:-{1,2}|[—–])\\s`,
);

/** Reads a dateline at the start of `text`; a dateline without a year takes the year from `url`'s path. */
export function findDateline(text: string, url?: string): Dateline | undefined {
  const m = DATELINE.exec(text);
  if (!m) return undefined;
  const month = monthNumber(m[1]);
  const yearFromUrl = url ? /\/((?:19|20)\d{2})\//.exec(url)?.[1] : undefined;
  const year = m[3] ?? yearFromUrl;
  const date = year ? compose(+year, month, +m[2]) : undefined;
  return { text: m[0].trim(), ...(date && { date }) };
}
