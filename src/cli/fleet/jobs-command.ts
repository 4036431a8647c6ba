/** `whosaid jobs add|status|rebuild`: a thin shell over src/fleet/jobs.ts. */
import { addArchives, formatStatus, openFleetDb, readStatus, rebuildQueue } from '../../fleet/jobs.js';
import { InputNotFoundError, UsageError } from '../errors.js';
import { write, type Io } from '../io.js';
import { parseCommand, positiveInteger } from '../corpus/args.js';
import { JOBS_HELP } from './help.js';
import { fleetDatabase } from './database.js';
import { access } from 'node:fs/promises';

const ACTIONS = ['add', 'status', 'rebuild'];

/** Runs `whosaid jobs ARGS`: add, status or rebuild. */
export async function runJobs(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('jobs', args, {
    db: { type: 'string' },
    'chunk-size': { type: 'string' },
    'chunk-timeout': { type: 'string' },
    format: { type: 'string' },
  });
  if (values.help) return write(io.stdout, JOBS_HELP);
  const [action, ...files] = positionals;
  if (action === undefined || !ACTIONS.includes(action)) throw new UsageError(`jobs: expected add, status or rebuild, found ${action === undefined ? 'nothing' : `"${action}"`} (see whosaid jobs --help)`);
  if (action !== 'add' && files.length > 0) throw new UsageError(`jobs ${action}: unexpected argument "${files[0]}" (see whosaid jobs --help)`);
  if (action === 'add' && files.length === 0) throw new UsageError('jobs add: expected one or more WARC archives (see whosaid jobs --help)');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format: expected text or json, found "${format}"`);
  const chunkSize = positiveInteger('--chunk-size', values['chunk-size']);
  const timeoutSeconds = positiveInteger('--chunk-timeout', values['chunk-timeout']);
  const url = fleetDatabase('jobs', values.db);
  for (const file of files) {
    await access(file).catch(() => {
      throw new InputNotFoundError(file, `${file}: no such file`, 'input/not-found');
    });
  }
  const db = await openFleetDb(url);
  try {
    if (action === 'add') {
      for (const added of await addArchives(db, files, { ...(chunkSize !== undefined && { chunkSize }), ...(timeoutSeconds !== undefined && { timeoutSeconds }) })) {
        const line = { archive: added.path, sha256: added.sha256, chunks: added.chunks, added: added.added, records: added.records };
        await write(io.stdout, format === 'json' ? JSON.stringify(line) + '\n' : `${added.path}: ${added.records} records in ${added.chunks} chunks, ${added.added} of them new\n`);
      }
    } else if (action === 'rebuild') {
      const rebuilt = await rebuildQueue(db, { ...(timeoutSeconds !== undefined && { timeoutSeconds }) });
      await write(io.stdout, format === 'json' ? JSON.stringify(rebuilt) + '\n' : `${rebuilt.notDone} chunks not done; queued ${rebuilt.sent} that had no job\n`);
    } else {
      const status = await readStatus(db);
      await write(io.stdout, format === 'json' ? JSON.stringify(status) + '\n' : formatStatus(status));
    }
  } finally {
    await db.close();
  }
}
