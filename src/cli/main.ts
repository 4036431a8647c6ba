/**
 * The `whosaid` command line. `main(argv, io)` parses the arguments, runs one command and returns its
 * exit code; every error of every command is caught here, once, and turned into a message on stderr and
 * an exit code (see errors.ts). The whole CLI runs in-process with injected streams for tests.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkReferenceDate } from './dates.js';
import { describeError, EXIT, ReportedFailure, UsageError } from './errors.js';
import type { OutputFormat } from './extract.js';
import { BENCH_HELP, EVAL_HELP, EXTRACT_HELP, MAIN_HELP } from './help.js';
import { processIo, write, type Io } from './io.js';
import { jobSettings } from './jobs.js';
import { defaultServices, type Services } from './services.js';
import type { EvalPart } from '../eval/run-eval.js';
import { CORPUS_COMMANDS } from './corpus/commands.js';
import { FLEET_COMMANDS } from './fleet/commands.js';
import { SERVE_HELP } from '../server/help.js';
import { limitHeapGrowth } from './heap.js';

type Options = NonNullable<ParseArgsConfig['options']>;

function parse<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${command}: ${message} (see whosaid ${command} --help)`);
  }
}

function integer(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag}: expected an integer >= ${min}, found "${value}"`);
  return Number(value);
}

/** "5000000", "500k", "5MB", "2 MiB" → bytes (k and M in 1024s). */
function byteCount(flag: string, value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(value);
  const bytes = m ? Math.floor(Number(m[1]) * 1024 ** ({ k: 1, m: 2, g: 3 }[(m[2] ?? '').charAt(0).toLowerCase()] ?? 0)) : NaN;
  if (!(bytes >= 1)) throw new UsageError(`${flag}: expected a size such as 5000000, 500k or 20MB, found "${value}"`);
  return bytes;
}

function noPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`${command}: unexpected argument "${positionals[0]}" (see whosaid ${command} --help)`);
}

const FORMATS: readonly OutputFormat[] = ['table', 'json', 'jsonl', 'csv'];
const PARTS: readonly EvalPart[] = ['seed', 'polnear', 'sentences', 'challenge', 'challenge-train'];

async function runExtract(args: string[], io: Io, services: Services): Promise<void> {
  const { values, positionals } = parse('extract', args, {
    format: { type: 'string' },
    all: { type: 'boolean' },
    explain: { type: 'boolean' },
    wide: { type: 'boolean' },
    'explain-dropped': { type: 'boolean' },
    published: { type: 'string' },
    jsonl: { type: 'boolean' },
    warc: { type: 'string' },
    from: { type: 'string' },
    limit: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    'timeout-ms': { type: 'string' },
    'max-bytes': { type: 'string' },
  });
  if (values.help) return write(io.stdout, EXTRACT_HELP);
  const format = values.format as OutputFormat | undefined;
  if (format !== undefined && !FORMATS.includes(format)) throw new UsageError(`--format: expected table, json, jsonl or csv, found "${format}"`);
  if (values.published !== undefined) {
    const problem = checkReferenceDate(values.published);
    if (problem) throw new UsageError(`--published: ${problem}`);
  }
  if (values.warc !== undefined && (values.jsonl || positionals.length > 0)) throw new UsageError('--warc reads its own file; give no other inputs and no --jsonl');
  if (values.warc === undefined && (values.from !== undefined || values.limit !== undefined)) throw new UsageError('--from and --limit apply to --warc only');
  const parallel = jobSettings(values.jobs, values['timeout-ms'], io.cores ?? 1);
  // loaded here, not at start-up: `whosaid --help` and `--version` load nothing they do not print
  const { extract } = await import('./extract.js');
  await extract(
    {
      inputs: positionals,
      ...(format !== undefined && { format }),
      all: values.all ?? false,
      explain: (values.explain ?? false) || (values['explain-dropped'] ?? false),
      wide: values.wide ?? false,
      ...(values['explain-dropped'] && { explainDropped: true }),
      jsonl: values.jsonl ?? false,
      ...(values.published !== undefined && { published: values.published }),
      ...(values.warc !== undefined && { warc: values.warc }),
      ...(values.from !== undefined && { from: integer('--from', values.from, 0) }),
      ...(values.limit !== undefined && { limit: integer('--limit', values.limit, 1) }),
      ...parallel,
      ...(values['max-bytes'] !== undefined && { maxBytes: byteCount('--max-bytes', values['max-bytes']) }),
    },
    io,
    services,
  );
}

async function runEvalCommand(args: string[], io: Io, services: Services): Promise<void> {
  const { values, positionals } = parse('eval', args, {
    shared: { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string', multiple: true },
    predictions: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
  });
  if (values.help) return write(io.stdout, EVAL_HELP);
  noPositionals('eval', positionals);
  const only = values.only?.flatMap((v) => v.split(',')).map((p) => p.trim());
  for (const part of only ?? []) if (!PARTS.includes(part as EvalPart)) throw new UsageError(`--only: expected seed, polnear, sentences, challenge or challenge-train, found "${part}"`);
  const predictions: Partial<Record<EvalPart, string>> = {};
  for (const given of values.predictions ?? []) {
    const m = /^([\w-]+)=(.+)$/.exec(given);
    if (!m || !PARTS.includes(m[1] as EvalPart)) throw new UsageError(`--predictions: expected PART=FILE with PART seed, polnear, sentences, challenge or challenge-train, found "${given}"`);
    predictions[m[1] as EvalPart] = m[2];
  }
  const { runEval, formatEvalReport } = await services.loadEval();
  const report = await runEval({
    ...(values.shared !== undefined && { shared: values.shared }),
    ...(values.out !== undefined && { out: values.out }),
    ...(only && { only: only as EvalPart[] }),
    ...(Object.keys(predictions).length > 0 && { predictions }),
  });
  await write(io.stdout, values.json ? JSON.stringify(report, null, 2) + '\n' : ensureNewline(formatEvalReport(report, values.verbose ?? false)));
  if (!report.pass) throw new ReportedFailure(EXIT.failed);
}

async function runBenchCommand(args: string[], io: Io, services: Services): Promise<void> {
  const { values, positionals } = parse('bench', args, {
    file: { type: 'string' },
    shared: { type: 'string' },
    limit: { type: 'string' },
    repeat: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return write(io.stdout, BENCH_HELP);
  noPositionals('bench', positionals);
  const limit = integer('--limit', values.limit, 1);
  const repeat = integer('--repeat', values.repeat, 1);
  const { runBench, formatBenchReport } = await services.loadBench();
  const report = await runBench({
    ...(values.file !== undefined && { file: values.file }),
    ...(values.shared !== undefined && { shared: values.shared }),
    ...(limit !== undefined && { limit }),
    ...(repeat !== undefined && { repeat }),
  });
  await write(io.stdout, values.json ? JSON.stringify(report, null, 2) + '\n' : ensureNewline(formatBenchReport(report)));
  if (!report.pass) throw new ReportedFailure(EXIT.failed);
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const COMMANDS: Record<string, { run: (args: string[], io: Io, services: Services) => Promise<void>; help: string }> = {
  extract: { run: runExtract, help: EXTRACT_HELP },
  eval: { run: runEvalCommand, help: EVAL_HELP },
  bench: { run: runBenchCommand, help: BENCH_HELP },
  ...CORPUS_COMMANDS,
  ...FLEET_COMMANDS,
  serve: { run: async (args, io) => (await import('../server/command.js')).runServe(args, io), help: SERVE_HELP },
};

async function dispatch(argv: string[], io: Io, services: Services): Promise<void> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') return write(first === undefined ? io.stderr : io.stdout, MAIN_HELP);
  if (first === 'help') return write(io.stdout, rest[0] !== undefined && COMMANDS[rest[0]] ? COMMANDS[rest[0]].help : MAIN_HELP);
  if (first === '-v' || first === '--version') return write(io.stdout, `whosaid ${version()}\n`);
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) throw new UsageError(`unknown command "${first}" (expected ${Object.keys(COMMANDS).join(', ')}; see whosaid --help)`);
  await command.run(rest, io, services);
}

/** Runs the CLI and returns its exit code; never throws. `services` replaces the real modules in tests. */
export async function main(argv: string[], io: Io, services: Partial<Services> = {}): Promise<number> {
  try {
    await dispatch(argv, io, { ...defaultServices(), ...services });
    if (argv.length === 0) return EXIT.usage;
    return EXIT.ok;
  } catch (error) {
    const { exitCode, line } = describeError(error);
    if (line) io.stderr.write(line + '\n');
    return exitCode;
  }
}

/** How long a command runs before its heap growth is limited when it has analysed nothing in this thread by then. */
const HEAP_LIMIT_DELAY_MS = 500;

/**
 * The services of a run, which limit V8's heap growth (heap.ts) once the models are loaded, before the
 * first article in this thread is analysed, or after HEAP_LIMIT_DELAY_MS, whichever comes first. With the
 * limit set at start-up, V8 marked the whole heap again each time it grew by 30% while the models loaded:
 * a sixth of the instructions of `whosaid extract` on a paragraph. The articles are analysed under the
 * limit, as before.
 */
function servicesLimitingHeap(): Partial<Services> {
  const services = defaultServices();
  let limited = false;
  const limit = () => {
    if (!limited) limitHeapGrowth();
    limited = true;
  };
  setTimeout(limit, HEAP_LIMIT_DELAY_MS).unref();
  const ready = async () => {
    if (limited) return;
    (await import('../node/load-models.js')).loadModels();
    limit();
  };
  return {
    analyzeArticle: async (input, options) => (await ready(), services.analyzeArticle(input, options)),
    analyzeExtracted: async (article, options) => (await ready(), services.analyzeExtracted(article, options)),
  };
}

/** Runs the CLI on the process's own arguments and streams (what bin/whosaid.js calls). */
export async function run(): Promise<void> {
  const io = processIo();
  // a reader that goes away (`whosaid extract … | head`) is not an error
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2), io, servicesLimitingHeap());
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
