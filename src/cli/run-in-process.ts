/**
 * The whole CLI run in-process for tests: `main` with its streams captured and a clock that moves 150 ms
 * each time it is read (so a progress bar redraws on every update).
 */
import { PassThrough, Readable, type Writable } from 'node:stream';
import type { Io } from './io.js';
import { main } from './main.js';
import type { Services } from './services.js';

/** The terminal the run sees: what stdin holds, which streams are terminals, its width. */
export interface RunSettings {
  stdin?: string;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  stdinIsTTY?: boolean;
  /** Default 100. */
  columns?: number;
  /** Where stdout goes instead of being captured (then `stdout` in the result is empty). */
  stdout?: Writable;
}

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

/** Runs `whosaid ARGV…`; returns its exit code and what it wrote. */
export async function runInProcess(argv: string[], settings: RunSettings = {}, services: Partial<Services> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = sink();
  const err = sink();
  let clock = 0;
  const io: Io = {
    stdin: Readable.from(settings.stdin !== undefined ? [Buffer.from(settings.stdin)] : []),
    stdout: settings.stdout ?? out.stream,
    stderr: err.stream,
    stdoutIsTTY: settings.stdoutIsTTY ?? false,
    stderrIsTTY: settings.stderrIsTTY ?? false,
    stdinIsTTY: settings.stdinIsTTY ?? false,
    columns: settings.columns ?? 100,
    now: () => (clock += 150),
  };
  const code = await main(argv, io, services);
  return { code, stdout: out.text(), stderr: err.text() };
}
