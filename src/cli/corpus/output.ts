/**
 * How the corpus commands print: a table sized to the terminal (one column takes what the others leave,
 * truncated with "…"), JSON, JSON lines, or CSV through csv-stringify. Pure except for the writers.
 */
import { stringify } from 'csv-stringify/sync';
import type { StoredAttribution } from '../../store/store.js';
import { truncate } from '../table.js';

const GAP = '  ';

function width(text: string): number {
  return Array.from(text).length;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Rows as table lines: every column as wide as its widest cell, except the `flex` column, which takes
 * the room left on a `columns`-wide terminal (at least 20) and is truncated to it. Cells may carry ANSI
 * styling in `styled`, which is not counted in the widths.
 */
export function formatGrid(headers: readonly string[], rows: readonly (readonly string[])[], settings: { columns: number; flex: number; styled?: (row: number, col: number, fitted: string) => string }): string[] {
  const cells = rows.map((r) => r.map(oneLine));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i]))));
  const others = widths.reduce((sum, w, i) => (i === settings.flex ? sum : sum + w + GAP.length), 0);
  widths[settings.flex] = Math.min(widths[settings.flex], Math.max(20, settings.columns - others));
  const line = (values: readonly string[], row: number) =>
    values
      .map((v, i) => {
        const fitted = truncate(v, widths[i]);
        const padding = ' '.repeat(Math.max(0, widths[i] - width(fitted)));
        return (row >= 0 && settings.styled ? settings.styled(row, i, fitted) : fitted) + padding;
      })
      .join(GAP)
      .trimEnd();
  return [line(headers, -1), ...cells.map((r, i) => line(r, i))];
}

/** The columns of an attribution in CSV and in the flat export. */
export const ATTRIBUTION_FIELDS = ['id', 'date', 'speaker', 'mention', 'type', 'kind', 'cue', 'text', 'saidOn', 'articleId', 'title', 'outlet', 'url', 'publishedAt', 'confidence'] as const;

function dayOf(iso: string | undefined): string {
  return iso?.slice(0, 10) ?? '';
}

/** One attribution as a flat record of strings (CSV's row). */
export function flatten(a: StoredAttribution): Record<(typeof ATTRIBUTION_FIELDS)[number], string> {
  return {
    id: String(a.id),
    date: a.saidOn ?? dayOf(a.publishedAt),
    speaker: a.speaker?.name ?? '',
    mention: a.speaker?.mention ?? '',
    type: a.type,
    kind: a.kind,
    cue: a.cue ?? '',
    text: a.text,
    saidOn: a.saidOn ?? '',
    articleId: a.articleId,
    title: a.title ?? '',
    outlet: a.outlet ?? '',
    url: a.url ?? '',
    publishedAt: a.publishedAt ?? '',
    confidence: a.confidence.toFixed(2),
  };
}

/** CSV text of records, with a header line of `fields`. */
export function toCsv(fields: readonly string[], records: readonly Record<string, string | number>[], header = true): string {
  return stringify(records as Record<string, unknown>[], { header, columns: fields as string[] });
}

/** Bold on a terminal (the matched words of a snippet). */
export function bold(text: string): string {
  return `\x1b[1m${text}\x1b[22m`;
}
export function red(text: string): string {
  return `\x1b[31m${text}\x1b[39m`;
}
export function green(text: string): string {
  return `\x1b[32m${text}\x1b[39m`;
}
