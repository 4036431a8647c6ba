/**
 * One article of `whosaid ingest` as a pool task (see prepare-in-order.ts): read and analysed
 * (`analyzeItem`), then made ready to store (`prepareArticle`: rows, people's name keys, fingerprint band
 * keys, the analysis as JSON text) in the thread that analysed it, so that the thread owning the
 * database only writes. Any failure is returned as plain data. Runs in a worker thread, or in the
 * calling thread with one job.
 */
import { analyzeItem, type IngestItem } from '../cli/corpus/analyze-item.js';
import { failureOf, type ItemFailure } from '../cli/failure.js';
import { defaultServices, type Services } from '../cli/services.js';
import { prepareArticle, type PreparedArticle } from '../store/prepare.js';

/** An article ready to store, or why there is none. */
export type PreparedOutcome = { ok: true; prepared: PreparedArticle } | ({ ok: false } & ItemFailure);

/** Analyses and prepares a job's item with `services`; never throws. */
export async function prepareWith(job: { item: IngestItem }, services: Services): Promise<PreparedOutcome> {
  try {
    return { ok: true, prepared: prepareArticle(await analyzeItem(job.item, services)) };
  } catch (error) {
    return { ok: false, ...failureOf(error) };
  }
}

export { warm } from './analyze-task.js';

let real: Services | undefined;

/** The task a worker thread runs: a job's item analysed and prepared with the real services. */
export default function prepareJob(job: { item: IngestItem }): Promise<PreparedOutcome> {
  real ??= defaultServices();
  return prepareWith(job, real);
}
