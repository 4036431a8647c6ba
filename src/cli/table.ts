/**
 * The terminal view of an analysis: a heading line saying what was analysed, one row per attribution,
 * columns sized to the terminal, the quoted words truncated with "…" to fit (or wrapped whole with
 * `--wide`), and the article's diagnostics. Pure: an analysis and settings in, lines of text out.
 */
import type { Analysis, Attribution } from '../core/analysis.js';

export interface TableSettings {
  /** Every attribution type, with a type column; otherwise statements only. */
  all: boolean;
  /** A line under each row with the confidence and the reasons. */
  explain: boolean;
  /** The terminal's width in columns. */
  columns: number;
  /** Quotes whole, wrapped over as many lines as they need, instead of cut to fit. */
  wide?: boolean;
}

interface Column {
  header: string;
  /** The widest this column may grow; the quote column takes what the others leave. */
  max: number;
  /** The narrowest it may shrink to, to leave room for the quote. */
  min: number;
  cell(a: Attribution): string;
}

const QUOTE_MIN = 20;
/** The share of the width the quote column gets before the others may take their full width. */
const QUOTE_SHARE = 0.4;
const GAP = '  ';

/** "via Bloomberg 2018-10-09", innermost relay first. */
export function formatRelays(a: Attribution): string {
  return (a.relays ?? []).map((r) => `via ${r.name}${r.on ? ` ${r.on}` : ''}`).join(', ');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Breaks text into lines of at most `width` characters (code points), at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of text.split(' ')) {
    let chars = Array.from(word);
    if (line.length > 0 && line.length + 1 + chars.length > width) {
      lines.push(line.join(''));
      line = [];
    }
    if (line.length > 0) line.push(' ');
    while (line.length + chars.length > width) {
      const take = width - line.length;
      lines.push([...line, ...chars.slice(0, take)].join(''));
      line = [];
      chars = chars.slice(take);
    }
    line.push(...chars);
  }
  if (line.length > 0 || lines.length === 0) lines.push(line.join(''));
  return lines;
}

/** Cuts text to `width` characters (code points), ending with "…" where it was cut. */
export function truncate(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  return chars.slice(0, width - 1).join('') + '…';
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - Array.from(text).length));
}

const SPEAKER: Column = { min: 8, header: 'speaker', max: 24, cell: (a) => oneLine(a.speaker.name ?? a.speaker.mention?.text ?? 'unknown') };
const TYPE: Column = { min: 9, header: 'type', max: 10, cell: (a) => a.type };
const KIND: Column = { min: 8, header: 'kind', max: 8, cell: (a) => a.kind };
const CUE: Column = { min: 6, header: 'cue', max: 16, cell: (a) => oneLine(a.cue?.text ?? '') };
const QUOTE: Column = { min: QUOTE_MIN, header: 'quote', max: Infinity, cell: (a) => oneLine(a.text) };
const TO: Column = { min: 6, header: 'to', max: 18, cell: (a) => oneLine(a.addressee?.text ?? '') };
const VIA: Column = { min: 8, header: 'via', max: 30, cell: formatRelays };
const SAID: Column = { min: 10, header: 'said', max: 10, cell: (a) => a.saidOn ?? '' };

/** The attributions a table shows: statements only unless `all`. */
export function selectAttributions(analysis: Analysis, all: boolean): Attribution[] {
  return all ? analysis.attributions : analysis.attributions.filter((a) => a.type === 'statement');
}

/**
 * What was analysed and what was found, above the table: "examples/harbor-bridge.txt · published
 * 2025-11-13 · 18 attributions, 12 statements shown (--all for every type)"; a page adds its title and
 * outlet where it gives them.
 */
export function formatHeading(analysis: Analysis, name: string, all: boolean): string {
  const meta = (analysis.metadata ?? {}) as { title?: unknown; outlet?: unknown };
  const known = [
    typeof meta.title === 'string' && meta.title !== '' ? `“${oneLine(meta.title)}”` : undefined,
    typeof meta.outlet === 'string' && meta.outlet !== '' ? oneLine(meta.outlet) : undefined,
    analysis.publishedAt !== undefined ? `published ${analysis.publishedAt}` : 'no publication date',
  ].filter((x): x is string => x !== undefined);
  const total = analysis.attributions.length;
  const shown = selectAttributions(analysis, all).length;
  const count = `${total} attribution${total === 1 ? '' : 's'}${!all && shown !== total ? `, ${shown} statement${shown === 1 ? '' : 's'} shown (--all for every type)` : ''}`;
  return [name, ...known, count].join(' · ');
}

/** The article's diagnostics, one line each: "warning time/no-reference-date: 2 relative dates …". */
export function formatDiagnostics(analysis: Analysis): string[] {
  return analysis.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);
}

/** The analysis as table lines (without a trailing newline). */
export function formatTable(analysis: Analysis, settings: TableSettings): string[] {
  const rows = selectAttributions(analysis, settings.all);
  if (rows.length === 0) {
    return [settings.all || analysis.attributions.length === 0 ? 'no attributions found' : `no statements found (${analysis.attributions.length} other attributions: see --all)`];
  }
  const columns = settings.all ? [SPEAKER, TYPE, KIND, CUE, QUOTE, TO, VIA, SAID] : [SPEAKER, KIND, CUE, QUOTE, TO, VIA, SAID];
  const cells = rows.map((a) => columns.map((c) => c.cell(a)));
  const natural = columns.map((c, i) => cells.reduce((widest, r) => Math.max(widest, Array.from(r[i]).length), c.header.length));
  // a column no row fills is left out, so "to" and "via" take no room in an article without them
  const shown = columns.map((c, i) => i === columns.indexOf(QUOTE) || cells.some((r) => r[i] !== ''));
  const widths = columns.map((c, i) => (shown[i] ? Math.min(natural[i], c.max) : 0));
  const q = columns.indexOf(QUOTE);
  const used = () => widths.reduce((sum, w, i) => (i === q || !shown[i] ? sum : sum + w + GAP.length), 0);
  // the quote is what the table is for: narrow the other columns, widest first, down to their minimum
  // (with --wide the quote wraps instead, so the other columns keep their width while it has its minimum)
  const wanted = settings.wide ? QUOTE_MIN : Math.min(natural[q], Math.max(QUOTE_MIN, Math.floor(settings.columns * QUOTE_SHARE)));
  for (;;) {
    if (settings.columns - used() >= wanted) break;
    let widest = -1;
    columns.forEach((c, i) => {
      if (i !== q && shown[i] && widths[i] > c.min && (widest < 0 || widths[i] > widths[widest])) widest = i;
    });
    if (widest < 0) break;
    widths[widest]--;
  }
  widths[q] = Math.min(natural[q], Math.max(QUOTE_MIN, settings.columns - used()));
  const line = (values: string[]) =>
    values
      .map((v, i) => (shown[i] ? pad(truncate(v, widths[i]), widths[i]) : undefined))
      .filter((v): v is string => v !== undefined)
      .join(GAP)
      .trimEnd();
  const out = [line(columns.map((c) => c.header))];
  rows.forEach((a, r) => {
    if (settings.wide) {
      // the quote whole: its first line beside the other cells, the rest under it in its column
      wrap(cells[r][q], widths[q]).forEach((part, k) => out.push(line(columns.map((_, i) => (i === q ? part : k === 0 ? cells[r][i] : '')))));
    } else {
      out.push(line(cells[r]));
    }
    if (settings.explain) out.push(`${GAP}${a.id}  confidence ${a.confidence.toFixed(2)}  reasons: ${a.reasons.join(', ')}`);
  });
  return out;
}
