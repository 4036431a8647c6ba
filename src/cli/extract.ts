/**
 * `whosaid extract FILE…`: analyses each input in turn and writes a table (on a terminal) or JSON.
 * A failed input is reported on stderr and the others still run; the exit code says whether any failed.
 */
import type { Analysis } from '../core/analysis.js';
import { ReportedFailure, batchExitCode, CliError, describeError, EXIT, type ExitCode } from './errors.js';
import { hintStdin, write, type Io } from './io.js';
import type { Services } from './services.js';
import { analyzeSource, readSource } from './sources.js';
import { formatDiagnostics, formatHeading, formatTable } from './table.js';
import { analysisRows, stringifyCsv } from './csv.js';
import { formatDropped } from './dropped.js';
import { jsonPieces } from './json-pieces.js';

export type OutputFormat = 'table' | 'json' | 'jsonl' | 'csv';

export interface ExtractOptions {
  /** Files, URLs or "-" for stdin (default "-"). */
  inputs: string[];
  /** Default: a table on a terminal, JSON otherwise (JSON lines with --jsonl and --warc). */
  format?: OutputFormat;
  /** Every attribution type in the table, not statements only. */
  all?: boolean;
  /** Confidence and reasons under each table row. */
  explain?: boolean;
  /** Quotes whole in the table, wrapped, instead of cut to the terminal's width. */
  wide?: boolean;
  /** Also the candidates whosaid dropped, each with its reason: under the table, and as `dropped` in JSON. */
  explainDropped?: boolean;
  /** The reference date (YYYY-MM-DD) for relative dates, where an input does not give its own
   * (a JSON line's `publishedAt`, a page's published date). */
  published?: string;
  /** Read JSON lines of articles from the one input. */
  jsonl?: boolean;
  /** Read the records of a WARC archive. */
  warc?: string;
  from?: number;
  limit?: number;
  /** Worker threads analysing in parallel (1: in this thread). */
  jobs?: number;
  /** The time limit per article, in milliseconds, which runs the analysis in worker threads even with
   * one job (default: none; the CLI gives one whenever it uses workers). */
  timeoutMs?: number;
  /** The cap on one article's bytes (a file, stdin, a line's text, a page, a record); default 5 MB. */
  maxBytes?: number;
}

/** Writes the analyses of a batch as one JSON value, one JSON array, or JSON lines. */
function jsonWriter(io: Io, format: 'json' | 'jsonl', single: boolean) {
  let count = 0;
  return {
    async item(analysis: Analysis) {
      // in pieces: one string of a large analysis would be tens of megabytes, copied on the way out
      const nested = format === 'json' && !single;
      let prefix = nested ? (count++ === 0 ? '[\n  ' : ',\n  ') : '';
      for (const piece of jsonPieces(analysis, format === 'json')) {
        await write(io.stdout, prefix + (nested ? piece.replaceAll('\n', '\n  ') : piece));
        prefix = '';
      }
      if (!nested) await write(io.stdout, '\n');
    },
    async end() {
      if (format === 'json' && !single) await write(io.stdout, count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

export async function extract(options: ExtractOptions, io: Io, services: Services): Promise<void> {
  if (options.jsonl || options.warc !== undefined) return (await import('./extract-stream.js')).extractStream(options, io, services);
  const inputs = options.inputs.length > 0 ? options.inputs : ['-'];
  const format = options.format ?? (io.stdoutIsTTY ? 'table' : 'json');
  const single = inputs.length === 1;
  const json = format === 'json' || format === 'jsonl' ? jsonWriter(io, format, single) : undefined;
  let csvHeader = format === 'csv';
  const failures: ExitCode[] = [];
  let tables = 0;
  // workers for a batch (one input is analysed in this thread: starting them would cost more than they
  // save), or for a time limit asked for with one job
  const jobs = options.jobs ?? 1;
  const pooled = (inputs.length > 1 && jobs > 1) || (jobs === 1 && options.timeoutMs !== undefined);
  const analysed = pooled ? (await import('./extract-files.js')).analyzeFiles(inputs, { ...options, jobs: Math.min(options.jobs ?? 1, inputs.length) }, io, services) : inOrder(inputs, options, io, services);
  for await (const { name, result } of analysed) {
    let analysis: Analysis;
    try {
      analysis = await result;
    } catch (caught) {
      const error = named(caught, name);
      if (single) throw error;
      const described = describeError(error);
      failures.push(described.exitCode);
      if (described.line) io.stderr.write(described.line + '\n');
      continue;
    }
    if (json) {
      await json.item(analysis);
    } else if (format === 'csv') {
      await write(io.stdout, await stringifyCsv(analysisRows(analysis, name === '-' ? 'stdin' : name), csvHeader));
      csvHeader = false;
    } else {
      const all = options.all ?? false;
      const lines = formatTable(analysis, { all, explain: options.explain ?? false, columns: io.columns ?? 80, wide: options.wide ?? false });
      if (options.explainDropped) lines.push(...formatDropped(analysis));
      const heading = `${tables++ > 0 ? '\n' : ''}${formatHeading(analysis, name === '-' ? 'stdin' : name, all)}`;
      await write(io.stdout, [heading, ...lines, ...formatDiagnostics(analysis)].join('\n') + '\n');
    }
  }
  await json?.end();
  if (csvHeader) await write(io.stdout, await stringifyCsv([], true));
  const code = batchExitCode(failures, inputs.length);
  if (code !== EXIT.ok) throw new ReportedFailure(code);
}

/** Each input read and analysed in this thread, one after another. */
async function* inOrder(inputs: string[], options: ExtractOptions, io: Io, services: Services): AsyncGenerator<{ name: string; result: Promise<Analysis> }> {
  for (const name of inputs) {
    if (name === '-') hintStdin(io);
    const result = readSource(name, io.stdin, options.maxBytes).then((source) => analyzeSource({ ...source, ...(options.published !== undefined && { defaultPublishedAt: options.published }), ...(options.explainDropped && { explainDropped: true }) }, services));
    result.catch(() => {});
    yield { name, result };
  }
}

/** The error with the input's name on it, where it does not carry one already. */
function named(error: unknown, name: string): unknown {
  if (error instanceof CliError) return error.input === undefined ? new CliError(error.message, error.exitCode, name, error.code) : error;
  return error;
}
