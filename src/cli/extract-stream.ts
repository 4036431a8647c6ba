/**
 * `whosaid extract --jsonl` and `--warc`: one analysis per input line or archive record, written as JSON
 * lines in input order as they are made, in constant memory: the items are analysed on `--jobs` worker
 * threads through src/parallel/ (in this thread with one job), which reads a bounded window ahead, and
 * output waits for 'drain' when stdout is full.
 * A bad item becomes an error record in the output and a message on stderr, and the rest goes on.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Analysis } from '../core/analysis.js';
import { ReportedFailure, batchExitCode, CliError, describeFsError, EXIT, InputFailedError, UsageError, type ExitCode } from './errors.js';
import { InputError, formatBytes } from '../input/errors.js';
import { DEFAULT_MAX_BYTES } from '../input/read-capped.js';
import { readLines } from '../input/read-lines.js';
import { hintStdin, write, type Io } from './io.js';
import { createProgress, type Progress } from './progress.js';
import type { Services } from './services.js';
import type { Source } from './sources.js';
import type { ArticleJob } from '../parallel/analyze-in-order.js';
import type { ItemFailure } from './failure.js';
import { parseInputLine } from './input-line.js';
import type { ExtractOptions } from './extract.js';
import { analysisRows, stringifyCsv } from './csv.js';

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
  if (name === '-') {
    hintStdin(io);
    return { stream: io.stdin };
  }
  try {
    const info = await stat(name);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { stream: createReadStream(name), size: info.size };
  } catch (error) {
    throw describeFsError(name, error);
  }
}

/** The stable code and message of an item's failure; in a stream, an input that is not found fails its item only. */
function streamFailure(failure: ItemFailure): ItemFailure {
  return { ...failure, exitCode: failure.exitCode === EXIT.internal ? EXIT.internal : EXIT.failed };
}

/**
 * The output of a stream: lines gathered into chunks of up to the stream's high-water mark (16 KB for a
 * file or a pipe) and written chunk by chunk, waiting for 'drain' when the stream is full. A chunk not yet
 * full is written when the output has been idle for a moment, so a slow feed still sees its lines.
 */
const IDLE_FLUSH_MS = 50;

class Batch {
  readonly failures: ExitCode[] = [];
  private pending = '';
  private idle: ReturnType<typeof setTimeout> | undefined;
  private readonly chunk: number;
  constructor(
    private readonly io: Io,
    private readonly progress: Progress,
    /** CSV rows instead of JSON lines: error records are then only on stderr. */
    private readonly csv = false,
  ) {
    this.chunk = io.stdout.writableHighWaterMark ?? 16384;
  }
  /** The CSV header, in CSV mode. */
  async start(): Promise<void> {
    if (this.csv) this.pending += await stringifyCsv([], true);
  }
  async emit(value: unknown): Promise<void> {
    if (!this.csv) return this.emitJson(JSON.stringify(value));
    if (Array.isArray((value as Analysis).attributions)) this.pending += await stringifyCsv(analysisRows(value as Analysis), false);
    return this.added();
  }
  /** Adds a JSON line already made (an analysis made into text in the thread that analysed it). */
  emitJson(json: string): Promise<void> {
    this.pending += json + '\n';
    return this.added();
  }
  private async added(): Promise<void> {
    if (this.pending.length >= this.chunk) return this.flush();
    this.idle ??= setTimeout(() => void this.flush().catch(() => {}), IDLE_FLUSH_MS);
  }
  /** Writes what is gathered. */
  async flush(): Promise<void> {
    if (this.idle !== undefined) clearTimeout(this.idle);
    this.idle = undefined;
    if (this.pending === '') return;
    const chunk = this.pending;
    this.pending = '';
    await write(this.io.stdout, chunk);
  }
  /** Writes the error record, and `whosaid: where: problem` on stderr. */
  async fail(record: ErrorRecord, where: string, problem: string, exitCode: ExitCode): Promise<void> {
    this.failures.push(exitCode);
    this.progress.clear();
    this.io.stderr.write(`whosaid: ${where}: ${problem}\n`);
    await this.emit(record);
  }
  async finish(total: number): Promise<void> {
    await this.flush();
    this.progress.end();
    const code = batchExitCode(this.failures, total);
    if (code !== EXIT.ok) throw new ReportedFailure(code);
  }
}

export async function extractStream(options: ExtractOptions, io: Io, services: Services): Promise<void> {
  if (options.format === 'table') throw new UsageError(`--format table does not apply to ${options.warc !== undefined ? '--warc' : '--jsonl'}, which write JSON lines (or CSV rows)`);
  if (options.warc !== undefined) return extractWarc(options.warc, options, io, services);
  if (options.inputs.length > 1) throw new UsageError(`--jsonl reads one input, got ${options.inputs.length}: ${options.inputs.join(' ')}`);
  return extractJsonLines(options.inputs[0] ?? '-', options, io, services);
}

/** A line or record on its way through the pool: an article to analyse, or an item already known bad. */
interface StreamJob extends ArticleJob {
  /** The line (JSON lines) or record index (WARC), for messages and progress. */
  at: number;
  /** Where stderr messages place the item: "file:12", "file: record 3". */
  where: string;
  id: string | null;
  /** The item's error record, where it failed before analysis. */
  bad?: { record: ErrorRecord; where: string; problem: string };
  warc?: { recordId: string; uri: string; date?: string };
}

function poolOptions(options: ExtractOptions, services: Services) {
  return { ...(options.jobs !== undefined && { jobs: options.jobs }), ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }), services };
}

/**
 * `{ ...analysis, warc }` as JSON, from the analysis' JSON text: the analysis is an object with keys
 * ("id", "text"…) and no "warc", so its text ends in "}" and gains the key last, as the spread puts it.
 */
export function withWarc(json: string, warc: NonNullable<StreamJob['warc']>): string {
  return `${json.slice(0, -1)},"warc":${JSON.stringify(warc)}}`;
}

/** Writes each job's analysis or error record, in order, as the pool yields them. JSON lines come from
 * the pool as text already (made on the worker threads); CSV rows are made here from the analyses. */
async function emitAll(jobs: AsyncIterable<StreamJob>, batch: Batch, options: ExtractOptions, services: Services, onItem: (job: StreamJob) => void): Promise<void> {
  const { analyzeInOrder, analyzeInOrderAsJson } = await import('../parallel/analyze-in-order.js');
  const analyzed = options.format === 'csv' ? analyzeInOrder(jobs, poolOptions(options, services)) : analyzeInOrderAsJson(jobs, poolOptions(options, services));
  for await (const { job, outcome } of analyzed) {
    if (job.bad) {
      await batch.fail(job.bad.record, job.bad.where, job.bad.problem, EXIT.failed);
    } else if (outcome?.ok) {
      if ('json' in outcome) await batch.emitJson(job.warc ? withWarc(outcome.json, job.warc) : outcome.json);
      else await batch.emit(job.warc ? { ...outcome.analysis, warc: job.warc } : outcome.analysis);
    } else if (outcome) {
      const failure = streamFailure(outcome);
      const place = job.warc ? { record: job.at, error: { code: failure.code, message: `record ${job.at}: ${failure.message}` } } : { line: job.at, error: { code: failure.code, message: `line ${job.at}: ${failure.message}` } };
      await batch.fail({ id: job.id, ...place }, job.where, failure.message, failure.exitCode);
    }
    onItem(job);
  }
}

async function extractJsonLines(name: string, options: ExtractOptions, io: Io, services: Services): Promise<void> {
  const { stream, size } = await open(name, io);
  const label = name === '-' ? 'stdin' : name;
  const progress = createProgress({ stream: io.stderr, isTTY: io.stderrIsTTY, now: io.now ?? (() => performance.now()), unit: 'lines', ...(size !== undefined && { total: size }) });
  const batch = new Batch(io, progress, options.format === 'csv');
  await batch.start();
  let readError: unknown;
  stream.once('error', (error) => (readError = error));
  let bytes = 0;
  let items = 0;
  async function* jobs(): AsyncGenerator<StreamJob> {
    let lineNo = 0;
    // made where it is read: lines that come before the loop asks for them would be lost; a line may hold
    // an article of --max-bytes written as JSON, escapes and all
    const lines = readLines(stream, label, 2 * (options.maxBytes ?? DEFAULT_MAX_BYTES) + 64 * 1024);
    for await (const raw of lines) {
      lineNo++;
      if (typeof raw !== 'string') {
        items++;
        const message = new InputError('input/too-large', `line ${lineNo}`, { expected: `a line of at most ${formatBytes(2 * (options.maxBytes ?? DEFAULT_MAX_BYTES) + 64 * 1024)} (raise it with --max-bytes)`, actual: `${raw.tooLong} characters` }).message;
        const record = { id: null, line: lineNo, error: { code: 'input/too-large', message } };
        yield { at: lineNo, where: `${label}:${lineNo}`, id: null, bad: { record, where: `${label}:${lineNo}`, problem: message } };
        continue;
      }
      bytes += Buffer.byteLength(raw) + 1;
      if (raw.trim() === '') continue;
      items++;
      const request = parseInputLine(raw);
      if (!request.ok) {
        const record = { id: request.id, line: lineNo, error: { code: 'input/bad-line', message: `line ${lineNo}: ${request.problem}` } };
        yield { at: lineNo, where: `${label}:${lineNo}`, id: request.id, bad: { record, where: `${label}:${lineNo}${request.column !== undefined ? `:${request.column}` : ''}`, problem: request.problem } };
        continue;
      }
      const source: Source = {
        name: `${label}:${lineNo}`,
        kind: request.source,
        value: request.value,
        ...(request.id !== undefined && { id: request.id }),
        ...(request.publishedAt !== undefined && { publishedAt: request.publishedAt }),
        ...(options.published !== undefined && { defaultPublishedAt: options.published }),
        ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }),
        ...(options.explainDropped && { explainDropped: true }),
      };
      yield { at: lineNo, where: `${label}:${lineNo}`, id: request.id ?? null, source };
    }
  }
  try {
    await emitAll(jobs(), batch, options, services, (job) => progress.update(job.at, bytes));
  } catch (error) {
    progress.end();
    await batch.flush();
    if (error instanceof InputError) throw new InputFailedError(name, `${error.message.replace(/\.$/, '')} (${error.code})`, error.code);
    throw error === readError ? describeFsError(name, error) : error;
  }
  await batch.finish(items);
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
  const batch = new Batch(io, progress, options.format === 'csv');
  await batch.start();
  let bytes = 0;
  let items = 0;
  const source = counted(stream as AsyncIterable<Uint8Array>, (n) => (bytes += n));
  const warcOptions = { ...(options.from !== undefined && { from: options.from }), ...(options.limit !== undefined && { limit: options.limit }), ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }) };
  async function* jobs(): AsyncGenerator<StreamJob> {
    for await (const item of services.readWarc(source, warcOptions)) {
      items++;
      const where = `${name}: record ${item.index}`;
      if (!item.ok) {
        // the reader's message names the record already: "record 1 (https://…/b.png) is not an HTML page: …"
        const record = { id: item.recordId ?? null, record: item.index, error: { code: item.code, message: item.message } };
        yield { at: item.index, where, id: item.recordId ?? null, bad: { record, where: name, problem: item.message } };
        continue;
      }
      const warc = { recordId: item.recordId, uri: item.uri, ...(item.date !== undefined && { date: item.date }) };
      yield {
        at: item.index,
        where,
        id: item.recordId,
        warc,
        source: { name: where, kind: 'html', value: item.html, id: item.recordId, ...(options.published !== undefined && { defaultPublishedAt: options.published }), ...(options.explainDropped && { explainDropped: true }) },
      };
    }
  }
  let done = 0;
  try {
    await emitAll(jobs(), batch, options, services, () => progress.update(++done, bytes));
  } catch (error) {
    progress.end();
    await batch.flush();
    throw error;
  }
  await batch.finish(items);
}
