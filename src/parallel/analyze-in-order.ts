/**
 * Articles analysed on every core, in input order: `mapInOrder` (map-in-order.ts) with the article task
 * (analyze-task.ts). What `whosaid extract` runs for `--jobs`, and what a batch command such as the
 * corpus's `ingest` can run the same way.
 */
import { EXIT } from '../cli/errors.js';
import type { Services } from '../cli/services.js';
import type { Source } from '../cli/sources.js';
import type { ArticleOutcome, ArticleTextOutcome } from './analyze-task.js';
import type { ItemFailure } from '../cli/failure.js';
import { mapInOrder, workerBeside, type Settled, type Task } from './map-in-order.js';

export type { ArticleOutcome, ArticleTextOutcome } from './analyze-task.js';

/** A unit of work: an article to analyse (`source`), or, without one, an item the caller settles itself
 * (a bad input line) that keeps its place in the order. Jobs cross to worker threads: plain data only. */
export interface ArticleJob {
  source?: Source;
}

export interface AnalyzeInOrderOptions {
  /** Worker threads (default 1: analysed in the calling thread, unless `timeoutMs` is given). */
  jobs?: number;
  /** The time limit per article, in milliseconds, in a worker; an article past it fails with
   * `input/timeout` and its worker is replaced (default none). */
  timeoutMs?: number;
  /** Articles handed to each worker thread at once (default 2; see `MapOptions.perWorker`). */
  perWorker?: number;
  /** Articles read ahead of the oldest one not yet taken (default `jobs × perWorker × 2`). */
  window?: number;
  /** Analyse on worker threads even with one job (default false: one job runs in the calling thread). */
  threads?: boolean;
  /** The services to analyse with in the calling thread (tests pass fakes); worker threads always use
   * the real ones. */
  services?: Services;
}

/** What a job came to: its outcome, or undefined for a job without a source. */
export interface AnalyzedJob<J extends ArticleJob> {
  job: J;
  outcome: ArticleOutcome | undefined;
}

function taskWith(services: Services | undefined, json: boolean): Task<{ source: Source }, ArticleOutcome | ArticleTextOutcome> {
  return {
    worker: workerBeside(json ? 'analyze-json-task' : 'analyze-task', import.meta.url),
    inProcess: async () => {
      const m = await import('./analyze-task.js');
      return (job) => (services ? m.runTask({ source: job.source, json }, services) : m.default({ source: job.source, json }));
    },
  };
}

/**
 * A task the pool could not finish, as an article's failure: past its time limit (`input/timeout`, exit
 * code 1), or its worker failed (`internal/worker-failed`, exit code 70).
 */
export function failedOutcome(result: Extract<Settled<unknown>, { ok: false }>): { ok: false } & ItemFailure {
  const timeout = result.code === 'parallel/timeout';
  return { ok: false, code: timeout ? 'input/timeout' : 'internal/worker-failed', message: result.message, exitCode: timeout ? EXIT.failed : EXIT.internal };
}

const NO_SOURCE = { ok: false, code: 'none', message: '', exitCode: EXIT.ok } as const;

/**
 * Analyses each job's source and yields `{job, outcome}` in the jobs' order. Never throws for an article:
 * a failure to read or analyse it, a worker that dies under it and a time limit passed are each an
 * outcome with `ok: false`, a stable `code` (`input/timeout`, `internal/worker-failed`, or the reader's
 * own) and a message.
 *
 * @example
 *   for await (const { job, outcome } of analyzeInOrder(jobs, { jobs: os.availableParallelism() })) …
 */
export function analyzeInOrder<J extends ArticleJob>(jobs: AsyncIterable<J> | Iterable<J>, options: AnalyzeInOrderOptions = {}): AsyncGenerator<AnalyzedJob<J>> {
  return analyzeAll(jobs, false, options) as AsyncGenerator<AnalyzedJob<J>>;
}

/** What a job came to, its analysis as JSON text (see `analyzeInOrderAsJson`). */
export interface AnalyzedJobText<J extends ArticleJob> {
  job: J;
  outcome: ArticleTextOutcome | undefined;
}

/**
 * `analyzeInOrder` with each analysis yielded as its JSON text (`JSON.stringify(analysis)`), made where
 * the article was analysed: a worker thread hands back one string, so the calling thread, which writes
 * what every worker made, copies one string per article and joins strings.
 */
export function analyzeInOrderAsJson<J extends ArticleJob>(jobs: AsyncIterable<J> | Iterable<J>, options: AnalyzeInOrderOptions = {}): AsyncGenerator<AnalyzedJobText<J>> {
  return analyzeAll(jobs, true, options) as AsyncGenerator<AnalyzedJobText<J>>;
}

async function* analyzeAll<J extends ArticleJob>(jobs: AsyncIterable<J> | Iterable<J>, json: boolean, options: AnalyzeInOrderOptions): AsyncGenerator<{ job: J; outcome: ArticleOutcome | ArticleTextOutcome | undefined }> {
  const settle = (job: J) => (job.source === undefined ? NO_SOURCE : undefined);
  const { services, ...pool } = options;
  const mapped = mapInOrder<J, ArticleOutcome | ArticleTextOutcome>(jobs, taskWith(services, json) as unknown as Task<J, ArticleOutcome | ArticleTextOutcome>, { ...pool, settle });
  for await (const { input, result } of mapped) {
    if (!result.ok) {
      yield { job: input, outcome: failedOutcome(result) };
    } else {
      yield { job: input, outcome: result.value === NO_SOURCE ? undefined : result.value };
    }
  }
}
