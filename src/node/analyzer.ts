/**
 * The Node side of the core: loads the bundled model once and analyses articles with it.
 * CLI, eval and bench analyse through here.
 */
import { analyze, type ArticleInput } from '../core/analyze.js';
import type { Analysis } from '../core/analysis.js';
import { loadBundledModel } from './load-model.js';

/** Analyses one article with the bundled model. */
export function analyzeArticle(input: ArticleInput): Analysis {
  return analyze(input, { model: loadBundledModel() });
}
