/**
 * Reference dates given on the command line or in an input line: an ISO 8601 calendar date
 * ("2025-11-13") or date-time ("2025-11-13T09:30:00Z"), checked against the calendar.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Why `value` is not a usable reference date, or undefined when it is. */
export function checkReferenceDate(value: string, allowTime = true): string | undefined {
  const m = ISO_DATE.exec(value);
  const hasTime = value.includes('T');
  if (!m || (hasTime && !allowTime)) return `expected a date as YYYY-MM-DD${allowTime ? ' (or an ISO date-time)' : ''}, found "${value}"`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) return `"${value}" is not a calendar date`;
  return undefined;
}
