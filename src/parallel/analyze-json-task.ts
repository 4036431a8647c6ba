/**
 * The article task of `analyzeInOrderAsJson` (analyze-in-order.ts): the analysis handed back as its JSON
 * text, made in the worker thread that analysed the article.
 */
import analyzeJob, { type ArticleTextOutcome } from './analyze-task.js';
import type { Source } from '../cli/sources.js';

export { warm } from './analyze-task.js';

export default function analyzeJsonJob(job: { source: Source }): Promise<ArticleTextOutcome> {
  return analyzeJob({ source: job.source, json: true }) as Promise<ArticleTextOutcome>;
}
