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

/**
 * An analysis as its JSON text (`JSON.stringify(analysis)`), or why there is none: what a worker thread
 * hands back for output that is JSON anyway, so that the calling thread copies one string per article
 * instead of cloning the analysis' many objects and then serializing them itself.
 */
export type ArticleTextOutcome = { ok: true; json: string } | ({ ok: false } & ItemFailure);

/** A job: its source, and with `json` the analysis wanted as JSON text. */
export interface ArticleTask {
  source: Source;
  json?: boolean;
}

/** Analyses a job's source with `services`; never throws. */
export async function analyzeWith(job: { source: Source }, services: Services): Promise<ArticleOutcome> {
  try {
    return { ok: true, analysis: await analyzeSource(job.source, services) };
  } catch (error) {
    return { ok: false, ...failureOf(error) };
  }
}

/** Analyses a job's source with `services`, as JSON text when the job asks for it; never throws. */
export async function runTask(job: ArticleTask, services: Services): Promise<ArticleOutcome | ArticleTextOutcome> {
  const outcome = await analyzeWith(job, services);
  return job.json && outcome.ok ? { ok: true, json: JSON.stringify(outcome.analysis) } : outcome;
}

let real: Services | undefined;

/**
 * Loads what every analysis needs (the analyser's modules, the attribution model, wink-nlp's model), so
 * that a worker thread loads them as it starts, before its first task. The services load the same
 * modules on first use, so warming changes when they load, never what an analysis gives.
 */
export async function warm(): Promise<void> {
  await import('../node/analyzer.js');
  (await import('../node/load-models.js')).loadModels();
}

/** The task a worker thread runs: a job analysed with the real services. */
export default function analyzeJob(job: ArticleTask): Promise<ArticleOutcome | ArticleTextOutcome> {
  real ??= defaultServices();
  return runTask(job, real);
}
