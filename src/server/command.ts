/**
 * `whosaid serve`: a thin shell over startServer. It parses the flags, starts the server, says where it
 * listens, and waits for SIGTERM or SIGINT to shut down gracefully (serve.ts).
 */
import { UsageError } from '../cli/errors.js';
import { write, type Io } from '../cli/io.js';
import { DB_OPTION, dbPath, parseCommand, positiveInteger } from '../cli/corpus/args.js';
export { SERVE_HELP } from './help.js';
import { SERVE_HELP } from './help.js';
import { startServer, type RunningServer, type ServeOptions } from './serve.js';

/** The server's options from the command line. */
export function serveOptions(args: string[]): ServeOptions & { help?: boolean } {
  const { values, positionals } = parseCommand('serve', args, {
    ...DB_OPTION,
    port: { type: 'string' },
    host: { type: 'string' },
    threads: { type: 'string' },
    'max-analyses': { type: 'string' },
    'timeout-ms': { type: 'string' },
    'max-body-bytes': { type: 'string' },
    'allow-private-urls': { type: 'boolean' },
  });
  if (values.help) return { help: true };
  if (positionals.length > 0) throw new UsageError(`serve: unexpected argument "${positionals[0]}" (see whosaid serve --help)`);
  let port: number | undefined;
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) throw new UsageError(`--port: expected an integer from 0 to 65535, found "${values.port}"`);
    port = Number(values.port);
  }
  if (values.host === '') throw new UsageError('--host: expected an address, found ""');
  const threads = positiveInteger('--threads', values.threads);
  const maxConcurrent = positiveInteger('--max-analyses', values['max-analyses']);
  const timeoutMs = positiveInteger('--timeout-ms', values['timeout-ms']);
  const maxBodyBytes = positiveInteger('--max-body-bytes', values['max-body-bytes']);
  return {
    db: dbPath(values.db),
    ...(port !== undefined && { port }),
    ...(values.host !== undefined && { host: values.host }),
    ...(threads !== undefined && { threads }),
    ...(maxConcurrent !== undefined && { maxConcurrent }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(maxBodyBytes !== undefined && { maxBodyBytes }),
    ...(values['allow-private-urls'] && { allowPrivateUrls: true }),
  };
}

/** Resolves on the first SIGTERM or SIGINT. */
function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

export async function runServe(args: string[], io: Io, stop: () => Promise<void> = signalled): Promise<void> {
  const options = serveOptions(args);
  if (options.help) return write(io.stdout, SERVE_HELP);
  const server: RunningServer = await startServer({ ...options, onInternalError: (error) => io.stderr.write(`whosaid serve: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`) });
  await write(io.stdout, `whosaid: serving ${server.url}/ (corpus ${options.db}); Ctrl-C or SIGTERM stops\n`);
  await stop();
  await write(io.stdout, 'whosaid: shutting down, finishing requests in flight\n');
  await server.close();
}
