/**
 * Calendar arithmetic on plain year-month-day triples, done in UTC so that the machine's time zone
 * never changes a result.
 */

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/** The calendar date an ISO date or date-time names ("2018-10-09", "2018-10-09T14:00:00Z"), as written. */
export function parseIsoDate(iso: string | undefined): CalendarDate | undefined {
  const m = iso === undefined ? null : ISO_DATE_PREFIX.exec(iso);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(date) ? date : undefined;
}

export function isValidDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Sunday 0 … Saturday 6. */
export function weekdayOf({ year, month, day }: CalendarDate): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays({ year, month, day }: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "2018-10-09". */
export function formatDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** "2018-10-09T15:30:00", with "+09:00" where the offset in minutes is known. */
export function formatDateTime(date: CalendarDate, hour: number, minute: number, offsetMinutes?: number): string {
  const base = `${formatDate(date)}T${pad(hour)}:${pad(minute)}:00`;
  if (offsetMinutes === undefined) return base;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
