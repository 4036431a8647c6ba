/**
 * What a command may touch of the outside world, passed in so that the whole CLI runs in-process in
 * tests: the three streams, whether each is a terminal, the terminal's width, and a clock for progress.
 */
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';

export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Whether stdin is a terminal (someone would type the article); default false. */
  readonly stdinIsTTY?: boolean;
  /** The terminal's width in columns (default 80). */
  readonly columns?: number;
  /** Milliseconds from some fixed point, for progress rates (default `performance.now`). */
  readonly now?: () => number;
  /** The cores to use when `--jobs` is not given (default 1; the process's: `os.availableParallelism()`). */
  readonly cores?: number;
}

/**
 * The table's width: the terminal's where stdout is one; in a pipe the COLUMNS environment variable
 * (`COLUMNS=120 whosaid extract … --format table | less`), else stderr's terminal; else undefined (80).
 */
export function tableColumns(stdoutColumns: number | undefined, stderrColumns: number | undefined, env: Record<string, string | undefined>): number | undefined {
  if (stdoutColumns) return stdoutColumns;
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stderrColumns || undefined;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: tableColumns(process.stdout.columns, process.stderr.columns, process.env),
    now: () => performance.now(),
    cores: availableParallelism(),
  };
}

/** Before reading stdin from a terminal, says so, so that the command does not seem to hang. */
export function hintStdin(io: Io): void {
  if (io.stdinIsTTY) io.stderr.write('whosaid: reading stdin; Ctrl-D to end\n');
}

/** Writes a chunk, waiting for 'drain' when the stream's buffer is full (backpressure). */
export async function write(stream: Writable, chunk: string): Promise<void> {
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onError = (error: Error) => done(error);
    const onClose = () => done();
    stream.once('drain', onDrain);
    stream.once('error', onError);
    stream.once('close', onClose);
  });
}
