/**
 * `whosaid search QUERY`: attributions ranked by relevance, as a table (the matched words in bold on a
 * terminal), JSON, JSON lines or CSV.
 */
import type { SearchHit, SearchResult } from '../../store/store.js';
import { write, type Io } from '../io.js';
import { SEARCH_HELP } from './help.js';
import { DB_OPTION, dbPath, FILTER_OPTIONS, filtersOf, formatOf, parseCommand } from './args.js';
import { ATTRIBUTION_FIELDS, bold, flatten, formatGrid, toCsv } from './output.js';
import { tableWidth } from './output.js';
import { withStore } from './run.js';
import { UsageError } from '../errors.js';

const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;

function marked(hit: SearchHit, style: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const h of hit.highlights) {
    out += hit.snippet.slice(at, h.start) + style(hit.snippet.slice(h.start, h.end));
    at = h.end;
  }
  return out + hit.snippet.slice(at);
}

/** The hits as table lines: id, date, speaker, outlet and the snippet (with its matched words styled). */
export function formatHits(hits: readonly SearchHit[], columns: number, terminal: boolean): string[] {
  if (hits.length === 0) return ['no attributions match'];
  const rows = hits.map((h) => [String(h.id), h.saidOn ?? h.publishedAt?.slice(0, 10) ?? '', h.speaker?.name ?? 'unknown', h.outlet ?? '', h.snippet]);
  return formatGrid(['id', 'date', 'speaker', 'outlet', 'text'], rows, {
    columns,
    flex: 4,
    ...(terminal && {
      // the snippet column styled once it is cut to fit: bold the matched words that survived the cut
      styled: (row: number, col: number, fitted: string) => (col === 4 && fitted === hits[row].snippet.replace(/\s+/g, ' ').trim() ? marked(hits[row], bold) : fitted),
    }),
  });
}

/** The line under a table whose hits were ranked among the newest matches only (store.ts RANKED_MATCHES). */
export function cappedNote({ matches = 0, ranked }: SearchResult): string {
  return `more matched than are ranked: these are the best of the newest ${ranked.toLocaleString('en-US')} matches (the words match ${matches.toLocaleString('en-US')} attributions in all)`;
}

export async function runSearch(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('search', args, { ...DB_OPTION, ...FILTER_OPTIONS, format: { type: 'string' } });
  if (values.help) return write(io.stdout, SEARCH_HELP);
  if (positionals.length === 0) throw new UsageError('search: expected a QUERY (see whosaid search --help)');
  const query = positionals.join(' ');
  const filters = filtersOf(values);
  const format = formatOf(values.format, FORMATS);
  const result = await withStore(dbPath(values.db), 'read', (store) => store.search(query, filters));
  const { hits } = result;
  if (format === 'json') return write(io.stdout, JSON.stringify(result, null, 2) + '\n');
  if (format === 'jsonl') return write(io.stdout, hits.map((h) => JSON.stringify(h) + '\n').join(''));
  if (format === 'csv') return write(io.stdout, toCsv([...ATTRIBUTION_FIELDS, 'snippet'], hits.map((h) => ({ ...flatten(h), snippet: h.snippet }))));
  await write(io.stdout, formatHits(hits, tableWidth(io), io.stdoutIsTTY).join('\n') + '\n' + (result.capped ? cappedNote(result) + '\n' : ''));
}
