/**
 * The articles of `whosaid ingest` analysed and made ready to store on every core, in input order:
 * `mapInOrder` (map-in-order.ts) with the ingest task (prepare-task.ts), as `analyzeInOrder` is for
 * `extract`.
 */
import { EXIT } from '../cli/errors.js';
import type { IngestItem } from '../cli/corpus/analyze-item.js';
import { failedOutcome, type AnalyzeInOrderOptions } from './analyze-in-order.js';
import { mapInOrder, workerBeside, type Task } from './map-in-order.js';
import type { PreparedOutcome } from './prepare-task.js';

export type { PreparedOutcome } from './prepare-task.js';

/** A unit of work: an item to analyse and prepare, or, without one, an input the caller settles itself
 * (a bad input, an article already stored) that keeps its place in the order. Plain data only. */
export interface IngestJob {
  item?: IngestItem;
}

/** What a job came to: its outcome, or undefined for a job without an item. */
export interface PreparedJob<J extends IngestJob> {
  job: J;
  outcome: PreparedOutcome | undefined;
}

const NO_ITEM = { ok: false, code: 'none', message: '', exitCode: EXIT.ok } as const;

function taskWith(options: AnalyzeInOrderOptions): Task<IngestJob, PreparedOutcome> {
  const { services } = options;
  return {
    worker: workerBeside('prepare-task', import.meta.url),
    inProcess: async () => {
      const m = await import('./prepare-task.js');
      return (job) => (services ? m.prepareWith({ item: job.item! }, services) : m.default({ item: job.item! }));
    },
  };
}

/**
 * Analyses and prepares each job's item and yields `{job, outcome}` in the jobs' order. Never throws for
 * an article: a failure to read, analyse or prepare it, a worker that dies under it and a time limit
 * passed are each an outcome with `ok: false`, as `analyzeInOrder` gives them.
 */
export async function* prepareInOrder<J extends IngestJob>(jobs: AsyncIterable<J> | Iterable<J>, options: AnalyzeInOrderOptions = {}): AsyncGenerator<PreparedJob<J>> {
  const { services: _services, ...pool } = options;
  const settle = (job: J) => (job.item === undefined ? NO_ITEM : undefined);
  const mapped = mapInOrder<J, PreparedOutcome>(jobs, taskWith(options) as unknown as Task<J, PreparedOutcome>, { ...pool, settle });
  for await (const { input, result } of mapped) {
    if (!result.ok) yield { job: input, outcome: failedOutcome(result) };
    else yield { job: input, outcome: result.value === NO_ITEM ? undefined : result.value };
  }
}
