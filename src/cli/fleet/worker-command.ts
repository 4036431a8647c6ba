/**
 * `whosaid worker`: runs src/fleet/worker.ts until SIGTERM or Ctrl-C (the chunks taken are finished
 * first) or, with --exit-when-idle, until the queue is empty. WHOSAID_FLEET_PAUSE=before-commit|before-ack
 * makes it stop and wait there, for the fault tests that kill it.
 */
import { runWorker, type PausePoint } from '../../fleet/worker.js';
import { UsageError } from '../errors.js';
import { write, type Io } from '../io.js';
import { parseCommand, positiveInteger } from '../corpus/args.js';
import { WORKER_HELP } from './help.js';
import { fleetDatabase } from './database.js';
import { openStore } from '../corpus/open-store.js';

const PAUSES: readonly PausePoint[] = ['before-commit', 'before-ack'];

/** Runs `whosaid worker ARGS` until it is stopped or, with --exit-when-idle, the queue is empty; prints a summary. */
export async function runWorkerCommand(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { values, positionals } = parseCommand('worker', args, {
    db: { type: 'string' },
    concurrency: { type: 'string' },
    'exit-when-idle': { type: 'boolean' },
    format: { type: 'string' },
  });
  if (values.help) return write(io.stdout, WORKER_HELP);
  if (positionals.length > 0) throw new UsageError(`worker: unexpected argument "${positionals[0]}" (see whosaid worker --help)`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format: expected text or json, found "${format}"`);
  const url = fleetDatabase('worker', values.db);
  const concurrency = positiveInteger('--concurrency', values.concurrency) ?? io.cores ?? 1;
  const pause = env.WHOSAID_FLEET_PAUSE;
  if (pause !== undefined && !PAUSES.includes(pause as PausePoint)) throw new UsageError(`WHOSAID_FLEET_PAUSE: expected before-commit or before-ack, found "${pause}"`);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    const summary = await runWorker({
      url,
      concurrency,
      exitWhenIdle: values['exit-when-idle'] ?? false,
      openStore: (db) => openStore(db, 'write'),
      signal: stop.signal,
      log: (line) => io.stderr.write(`whosaid worker: ${line}\n`),
      ...(pause !== undefined && { pauseAt: pause as PausePoint }),
    });
    const text = `stored ${summary.chunks} chunks (${summary.articles} articles); chunks found done already: ${summary.alreadyDone}; attempts failed: ${summary.failed}\n`;
    await write(io.stdout, format === 'json' ? JSON.stringify(summary) + '\n' : text);
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}
