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
  /** The terminal's width in columns (default 80). */
  readonly columns?: number;
  /** Milliseconds from some fixed point, for progress rates (default `performance.now`). */
  readonly now?: () => number;
  /** The cores to use when `--jobs` is not given (default 1; the process's: `os.availableParallelism()`). */
  readonly cores?: number;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.columns || process.stderr.columns || undefined,
    now: () => performance.now(),
    cores: availableParallelism(),
  };
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
