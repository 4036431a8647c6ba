/**
 * `whosaid extract FILE…` on worker threads (`--jobs` above 1, or a `--timeout-ms`): each input read in
 * this thread and analysed on the pool (src/parallel/), the results in input order.
 */
import type { Analysis } from '../core/analysis.js';
import { analyzeInOrder, type ArticleJob } from '../parallel/analyze-in-order.js';
import { CliError } from './errors.js';
import type { ExtractOptions } from './extract.js';
import type { Io } from './io.js';
import type { Services } from './services.js';
import { readSource } from './sources.js';

interface FileJob extends ArticleJob {
  name: string;
  /** Why the input could not be read (kept in this thread: a job without a source is not sent to a worker). */
  unread?: unknown;
}

/** The analysis of each input, in input order; a failed input's promise rejects with a CliError naming it. */
export async function* analyzeFiles(inputs: string[], options: ExtractOptions, io: Io, services: Services): AsyncGenerator<{ name: string; result: Promise<Analysis> }> {
  async function* jobs(): AsyncGenerator<FileJob> {
    for (const name of inputs) {
      try {
        const source = await readSource(name, io.stdin, options.maxBytes);
        yield { name, source: { ...source, ...(options.published !== undefined && { defaultPublishedAt: options.published }), ...(options.explainDropped && { explainDropped: true }) } };
      } catch (error) {
        yield { name, unread: error };
      }
    }
  }
  const pool = { ...(options.jobs !== undefined && { jobs: options.jobs }), ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }), services };
  for await (const { job, outcome } of analyzeInOrder(jobs(), pool)) {
    const result = outcome === undefined ? Promise.reject(job.unread) : outcome.ok ? Promise.resolve(outcome.analysis) : Promise.reject(new CliError(outcome.message, outcome.exitCode, job.name, outcome.code));
    result.catch(() => {});
    yield { name: job.name, result };
  }
}
