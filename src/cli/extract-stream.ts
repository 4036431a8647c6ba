/**
 * `whosaid extract --jsonl` and `--warc`: one analysis per input line or archive record, written as JSON
 * lines as they are made, in constant memory (a line at a time, awaiting 'drain' when stdout is full).
 * A bad item becomes an error record in the output and a message on stderr, and the rest goes on.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { ReportedFailure, batchExitCode, CliError, describeFsError, EXIT, UsageError, type ExitCode } from './errors.js';
import { write, type Io } from './io.js';
import { createProgress, type Progress } from './progress.js';
import type { Services } from './services.js';
import { analyzeSource, type Source } from './sources.js';
import { parseInputLine } from './input-line.js';
import type { ExtractOptions } from './extract.js';

/** An item that failed, as written in the output in place of its analysis. */
export interface ErrorRecord {
  id: string | null;
  line?: number;
  record?: number;
  error: { code: string; message: string };
}

interface Opened {
  stream: Readable;
  /** The file's size, where it is a file. */
  size?: number;
}

async function open(name: string, io: Io): Promise<Opened> {
  if (name === '-') return { stream: io.stdin };
  try {
    const info = await stat(name);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { stream: createReadStream(name), size: info.size };
  } catch (error) {
    throw describeFsError(name, error);
  }
}

/** The stable code and message of an item's failure. */
function failureOf(error: unknown): { code: string; message: string; exitCode: ExitCode } {
  if (error instanceof CliError) {
    const code = error.code ?? (error.exitCode === EXIT.noInput ? 'input/unreadable' : error.exitCode === EXIT.internal ? 'internal/error' : 'input/failed');
    return { code, message: error.message, exitCode: error.exitCode === EXIT.internal ? EXIT.internal : EXIT.failed };
  }
  return { code: 'internal/error', message: error instanceof Error ? error.message : String(error), exitCode: EXIT.internal };
}

class Batch {
  readonly failures: ExitCode[] = [];
  constructor(
    private readonly io: Io,
    private readonly progress: Progress,
  ) {}
  async emit(value: unknown): Promise<void> {
    await write(this.io.stdout, JSON.stringify(value) + '\n');
  }
  /** Writes the error record, and `whosaid: where: problem` on stderr. */
  async fail(record: ErrorRecord, where: string, problem: string, exitCode: ExitCode): Promise<void> {
    this.failures.push(exitCode);
    this.progress.clear();
    this.io.stderr.write(`whosaid: ${where}: ${problem}\n`);
    await this.emit(record);
  }
  finish(total: number): void {
    this.progress.end();
    const code = batchExitCode(this.failures, total);
    if (code !== EXIT.ok) throw new ReportedFailure(code);
  }
}

export async function extractStream(options: ExtractOptions, io: Io, services: Services): Promise<void> {
  if (options.format === 'table') throw new UsageError(`--format table does not apply to ${options.warc !== undefined ? '--warc' : '--jsonl'}, which write JSON lines`);
  if (options.warc !== undefined) return extractWarc(options.warc, options, io, services);
  if (options.inputs.length > 1) throw new UsageError(`--jsonl reads one input, got ${options.inputs.length}: ${options.inputs.join(' ')}`);
  return extractJsonLines(options.inputs[0] ?? '-', options, io, services);
}

async function extractJsonLines(name: string, options: ExtractOptions, io: Io, services: Services): Promise<void> {
  const { stream, size } = await open(name, io);
  const label = name === '-' ? 'stdin' : name;
  const progress = createProgress({ stream: io.stderr, isTTY: io.stderrIsTTY, now: io.now ?? (() => performance.now()), unit: 'lines', ...(size !== undefined && { total: size }) });
  const batch = new Batch(io, progress);
  let readError: unknown;
  stream.once('error', (error) => (readError = error));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let bytes = 0;
  let items = 0;
  try {
    for await (const raw of lines) {
      lineNo++;
      bytes += Buffer.byteLength(raw) + 1;
      if (raw.trim() === '') continue;
      items++;
      const request = parseInputLine(raw);
      if (!request.ok) {
        await batch.fail({ id: request.id, line: lineNo, error: { code: 'input/bad-line', message: `line ${lineNo}: ${request.problem}` } }, `${label}:${lineNo}${request.column !== undefined ? `:${request.column}` : ''}`, request.problem, EXIT.failed);
      } else {
        const source: Source = {
          name: `${label}:${lineNo}`,
          kind: request.source,
          value: request.value,
          ...(request.id !== undefined && { id: request.id }),
          ...(request.publishedAt !== undefined && { publishedAt: request.publishedAt }),
          ...(options.published !== undefined && { defaultPublishedAt: options.published }),
        };
        try {
          await batch.emit(await analyzeSource(source, services, { explainDropped: options.explainDropped ?? false }));
        } catch (error) {
          const failure = failureOf(error);
          await batch.fail({ id: request.id ?? null, line: lineNo, error: { code: failure.code, message: `line ${lineNo}: ${failure.message}` } }, `${label}:${lineNo}`, failure.message, failure.exitCode);
        }
      }
      progress.update(lineNo, bytes);
    }
  } catch (error) {
    progress.end();
    throw error === readError ? describeFsError(name, error) : error;
  }
  batch.finish(items);
}

/** Counts the bytes of a stream as they pass, for progress. */
async function* counted(stream: AsyncIterable<Uint8Array>, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) {
    onBytes(chunk.byteLength);
    yield chunk;
  }
}

async function extractWarc(name: string, options: ExtractOptions, io: Io, services: Services): Promise<void> {
  const { stream, size } = await open(name, io);
  const progress = createProgress({ stream: io.stderr, isTTY: io.stderrIsTTY, now: io.now ?? (() => performance.now()), unit: 'records', ...(size !== undefined && { total: size }) });
  const batch = new Batch(io, progress);
  let bytes = 0;
  let items = 0;
  const source = counted(stream as AsyncIterable<Uint8Array>, (n) => (bytes += n));
  const warcOptions = { ...(options.from !== undefined && { from: options.from }), ...(options.limit !== undefined && { limit: options.limit }) };
  for await (const item of services.readWarc(source, warcOptions)) {
    items++;
    const where = `${name}: record ${item.index}`;
    if (!item.ok) {
      // the reader's message names the record already: "record 1 (https://…/b.png) is not an HTML page: …"
      await batch.fail({ id: item.recordId ?? null, record: item.index, error: { code: item.code, message: item.message } }, name, item.message, EXIT.failed);
    } else {
      const warc = { recordId: item.recordId, uri: item.uri, ...(item.date !== undefined && { date: item.date }) };
      try {
        const analysis = await analyzeSource(
          { name: where, kind: 'html', value: item.html, id: item.recordId, ...(options.published !== undefined && { defaultPublishedAt: options.published }) },
          services,
          { explainDropped: options.explainDropped ?? false },
        );
        await batch.emit({ ...analysis, warc });
      } catch (error) {
        const failure = failureOf(error);
        await batch.fail({ id: item.recordId, record: item.index, error: { code: failure.code, message: `record ${item.index}: ${failure.message}` } }, where, failure.message, failure.exitCode);
      }
    }
    progress.update(items, bytes);
  }
  batch.finish(items);
}
