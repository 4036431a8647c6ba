/**
 * The Node side of the core: loads the bundled model once and analyses articles with it.
 * CLI, eval and bench analyse through here.
 */
import { analyze, type AnalyzeOptions, type ArticleInput } from '../core/analyze.js';
import type { Analysis } from '../core/analysis.js';
import { loadBundledModel } from './load-model.js';

/** Analyses one article with the bundled model; `explainDropped` lists the candidates dropped. */
export function analyzeArticle(input: ArticleInput, options: Pick<AnalyzeOptions, 'explainDropped'> = {}): Analysis {
  return analyze(input, { model: loadBundledModel(), ...(options.explainDropped && { explainDropped: true }) });
}
