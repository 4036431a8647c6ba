/**
 * Attributions as spreadsheet rows: one row per attribution, the same columns for `whosaid extract
 * --format csv` and for any other command that lists attributions (corpus search and export reuse
 * `CSV_COLUMNS` and `attributionRow`). The mapping is pure; `stringifyCsv` loads csv-stringify on first use,
 * so that the plain-text path of the CLI does not pay for it.
 */
import type { Analysis, Attribution } from '../core/analysis.js';

/** The header row, in column order. */
export const CSV_COLUMNS = [
  'article', 'id', 'type', 'kind', 'speaker', 'mention', 'cue', 'addressee', 'relays', 'said_on', 'text', 'start', 'end', 'confidence',
] as const;

/** One cell per column of `CSV_COLUMNS`: strings and numbers, empty where the attribution has no value. */
export type CsvRow = (string | number)[];

/** "Alder Ledger 2025-11-13; @anaruiz (social post)": each relay, innermost first. */
function relaysCell(a: Attribution): string {
  return (a.relays ?? []).map((r) => [r.kind === 'social-post' && r.handle ? r.handle : r.name, r.on].filter(Boolean).join(' ')).join('; ');
}

/**
 * The row of one attribution of an article. `article` is the article's id (a file name, a JSON line's
 * id, a WARC record id); `start` and `end` span the whole content, from its first segment to its last.
 */
export function attributionRow(article: string, a: Attribution): CsvRow {
  return [
    article,
    a.id,
    a.type,
    a.kind,
    a.speaker.name ?? '',
    a.speaker.mention?.text ?? '',
    a.cue?.text ?? '',
    a.addressee?.text ?? '',
    relaysCell(a),
    a.saidOn ?? '',
    a.text,
    a.content[0].start,
    a.content[a.content.length - 1].end,
    a.confidence,
  ];
}

/** The rows of an analysis, in the order of its attributions. */
export function analysisRows(analysis: Analysis, fallbackId = ''): CsvRow[] {
  return analysis.attributions.map((a) => attributionRow(analysis.id ?? fallbackId, a));
}

/**
 * Rows as CSV text (RFC 4180: commas, CRLF-free "\n" line ends, fields with a comma, quote or line break
 * in double quotes, quotes doubled), with the header row first when `header`. A cell starting with
 * `=`, `+`, `-` or `@` gets a leading `'`, so that a spreadsheet shows it instead of running it as a formula.
 */
export async function stringifyCsv(rows: CsvRow[], header: boolean): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  return stringify(rows, { header, columns: [...CSV_COLUMNS], escape_formulas: true });
}
