/**
 * One article's analysis as a pool task (see analyze-in-order.ts): the source read and analysed with the
 * real services, and any failure returned as plain data. Runs in a worker thread, or in the calling
 * thread with one job.
 */
import type { Analysis } from '../core/analysis.js';
import { failureOf, type ItemFailure } from '../cli/failure.js';
import { defaultServices, type Services } from '../cli/services.js';
import { analyzeSource, type Source } from '../cli/sources.js';

/** An analysis, or why there is none. */
export type ArticleOutcome = { ok: true; analysis: Analysis } | ({ ok: false } & ItemFailure);

/** Analyses a job's source with `services`; never throws. */
export async function analyzeWith(job: { source: Source }, services: Services): Promise<ArticleOutcome> {
  try {
    return { ok: true, analysis: await analyzeSource(job.source, services) };
  } catch (error) {
    return { ok: false, ...failureOf(error) };
  }
}

let real: Services | undefined;

/** The task a worker thread runs: a job analysed with the real services. */
export default function analyzeJob(job: { source: Source }): Promise<ArticleOutcome> {
  real ??= defaultServices();
  return analyzeWith(job, real);
}
