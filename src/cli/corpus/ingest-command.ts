/** `whosaid ingest`: the command line of ingest.ts. */
import type { Services } from '../services.js';
import { checkReferenceDate } from '../dates.js';
import { UsageError } from '../errors.js';
import { write, type Io } from '../io.js';
import { jobSettings } from '../jobs.js';
import { DB_OPTION, dbPath, formatOf, parseCommand } from './args.js';
import { INGEST_HELP } from './help.js';
import { ingest } from './ingest.js';
import { withStore } from './run.js';

export async function runIngest(args: string[], io: Io, services: Services): Promise<void> {
  const { values, positionals } = parseCommand('ingest', args, {
    ...DB_OPTION,
    jsonl: { type: 'boolean' },
    warc: { type: 'string' },
    published: { type: 'string' },
    format: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    'timeout-ms': { type: 'string' },
  });
  if (values.help) return write(io.stdout, INGEST_HELP);
  if (values.warc !== undefined && (values.jsonl || positionals.length > 0)) throw new UsageError('--warc reads its own file; give no other inputs and no --jsonl');
  if (values.published !== undefined) {
    const problem = checkReferenceDate(values.published);
    if (problem) throw new UsageError(`--published: ${problem}`);
  }
  const format = formatOf(values.format, ['text', 'json'] as const);
  const parallel = jobSettings(values.jobs, values['timeout-ms'], io.cores ?? 1);
  await withStore(dbPath(values.db), 'write', (store) =>
    ingest(
      {
        inputs: positionals,
        jsonl: values.jsonl ?? false,
        ...(values.warc !== undefined && { warc: values.warc }),
        ...(values.published !== undefined && { published: values.published }),
        format,
        ...parallel,
      },
      store,
      io,
      services,
    ),
  );
}
