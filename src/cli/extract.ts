/**
 * `whosaid extract FILE…`: analyses each input in turn and writes a table (on a terminal) or JSON.
 * A failed input is reported on stderr and the others still run; the exit code says whether any failed.
 */
import type { Analysis } from '../core/analysis.js';
import { ReportedFailure, batchExitCode, CliError, describeError, EXIT, type ExitCode } from './errors.js';
import { write, type Io } from './io.js';
import type { Services } from './services.js';
import { analyzeSource, readSource } from './sources.js';
import { formatTable } from './table.js';
import { formatDropped } from './dropped.js';
import { extractStream } from './extract-stream.js';

export type OutputFormat = 'table' | 'json' | 'jsonl';

export interface ExtractOptions {
  /** Files, URLs or "-" for stdin (default "-"). */
  inputs: string[];
  /** Default: a table on a terminal, JSON otherwise (JSON lines with --jsonl and --warc). */
  format?: OutputFormat;
  /** Every attribution type in the table, not statements only. */
  all?: boolean;
  /** Confidence and reasons under each table row. */
  explain?: boolean;
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
}

/** Writes the analyses of a batch as one JSON value, one JSON array, or JSON lines. */
function jsonWriter(io: Io, format: 'json' | 'jsonl', single: boolean) {
  let count = 0;
  return {
    async item(analysis: Analysis) {
      if (format === 'jsonl') return write(io.stdout, JSON.stringify(analysis) + '\n');
      const body = JSON.stringify(analysis, null, 2);
      if (single) return write(io.stdout, body + '\n');
      await write(io.stdout, (count++ === 0 ? '[\n' : ',\n') + body.replace(/^/gm, '  '));
    },
    async end() {
      if (format === 'json' && !single) await write(io.stdout, count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

export async function extract(options: ExtractOptions, io: Io, services: Services): Promise<void> {
  if (options.jsonl || options.warc !== undefined) return extractStream(options, io, services);
  const inputs = options.inputs.length > 0 ? options.inputs : ['-'];
  const format = options.format ?? (io.stdoutIsTTY ? 'table' : 'json');
  const single = inputs.length === 1;
  const json = format === 'table' ? undefined : jsonWriter(io, format, single);
  const failures: ExitCode[] = [];
  let tables = 0;
  for (const name of inputs) {
    let analysis: Analysis;
    try {
      const source = await readSource(name, io.stdin);
      analysis = await analyzeSource({ ...source, ...(options.published !== undefined && { defaultPublishedAt: options.published }) }, services, { explainDropped: options.explainDropped ?? false });
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
    } else {
      const lines = formatTable(analysis, { all: options.all ?? false, explain: options.explain ?? false, columns: io.columns ?? 80 });
      if (options.explainDropped) lines.push(...formatDropped(analysis));
      const heading = single ? [] : [`${tables++ > 0 ? '\n' : ''}${name === '-' ? 'stdin' : name}`];
      await write(io.stdout, [...heading, ...lines].join('\n') + '\n');
    }
  }
  await json?.end();
  const code = batchExitCode(failures, inputs.length);
  if (code !== EXIT.ok) throw new ReportedFailure(code);
}

/** The error with the input's name on it, where it does not carry one already. */
function named(error: unknown, name: string): unknown {
  if (error instanceof CliError) return error.input === undefined ? new CliError(error.message, error.exitCode, name, error.code) : error;
  return error;
}
