/** `whosaid export`: the attributions matching filters (and a query, if given), as CSV or JSON lines, streamed. */
import { write, type Io } from '../io.js';
import { DB_OPTION, dbPath, FILTER_OPTIONS, filtersOf, formatOf, parseCommand } from './args.js';
import { EXPORT_HELP } from './help.js';
import { ATTRIBUTION_FIELDS, flatten, toCsv } from './output.js';
import { withStore } from './run.js';

export async function runExport(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('export', args, { ...DB_OPTION, ...FILTER_OPTIONS, format: { type: 'string' } });
  if (values.help) return write(io.stdout, EXPORT_HELP);
  const format = formatOf(values.format, ['jsonl', 'csv'] as const);
  const filters = filtersOf(values);
  const query = positionals.length > 0 ? positionals.join(' ') : undefined;
  await withStore(dbPath(values.db), 'read', async (store) => {
    let first = true;
    for await (const row of store.export({ ...filters, ...(query !== undefined && { query }) })) {
      await write(io.stdout, format === 'jsonl' ? JSON.stringify(row) + '\n' : toCsv(ATTRIBUTION_FIELDS, [flatten(row)], first));
      first = false;
    }
    if (first && format === 'csv') await write(io.stdout, ATTRIBUTION_FIELDS.join(',') + '\n');
  });
}
