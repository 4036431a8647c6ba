/** `whosaid speakers`: who is quoted, how often, in how many articles and outlets, first and last date. */
import { write, type Io } from '../io.js';
import { DB_OPTION, dbPath, filtersOf, formatOf, noPositionals, parseCommand } from './args.js';
import { SPEAKERS_HELP } from './help.js';
import { formatGrid, toCsv } from './output.js';
import { withStore } from './run.js';

const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
const FIELDS = ['personId', 'name', 'statements', 'articles', 'outlets', 'first', 'last'] as const;

export async function runSpeakers(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('speakers', args, {
    ...DB_OPTION,
    outlet: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    limit: { type: 'string' },
    format: { type: 'string' },
  });
  if (values.help) return write(io.stdout, SPEAKERS_HELP);
  noPositionals('speakers', positionals);
  const filters = filtersOf(values);
  const format = formatOf(values.format, FORMATS);
  const rows = await withStore(dbPath(values.db), 'read', (store) => store.speakers(filters));
  if (format === 'json') return write(io.stdout, JSON.stringify(rows, null, 2) + '\n');
  if (format === 'jsonl') return write(io.stdout, rows.map((r) => JSON.stringify(r) + '\n').join(''));
  const flat = rows.map((r) => ({ personId: r.personId, name: r.name, statements: r.statements, articles: r.articles, outlets: r.outlets, first: r.first ?? '', last: r.last ?? '' }));
  if (format === 'csv') return write(io.stdout, toCsv(FIELDS, flat));
  if (rows.length === 0) return write(io.stdout, 'no speakers found\n');
  const lines = formatGrid(['speaker', 'statements', 'articles', 'outlets', 'first', 'last'], flat.map((r) => [r.name, String(r.statements), String(r.articles), String(r.outlets), r.first, r.last]), { columns: io.columns ?? 80, flex: 0 });
  await write(io.stdout, lines.join('\n') + '\n');
}
