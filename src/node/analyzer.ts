/**
 * The Node side of the core: loads the bundled model once and analyses articles with it.
 * CLI, eval and bench analyse through here.
 */
// first: it must run before the core loads wink-eng-lite-web-model (see wink-core-model.ts)
import './wink-core-model.js';
import { analyze as analyzeWith, type AnalyzeOptions, type ArticleInput } from '../core/analyze.js';
import type { Analysis } from '../core/analysis.js';
import type { AttributionModel } from '../core/learned/index.js';
import { loadBundledModel } from './load-model.js';

/** How `analyze` runs in Node; every field is optional. */
export interface NodeAnalyzeOptions {
  /**
   * The attribution model. Default: the model bundled with the package (`models/attribution-model.json`),
   * loaded once. `null` runs the rules only, which finds fewer attributions.
   */
  readonly model?: AttributionModel | null;
  /** List the candidates the refiners dropped, each with its reason, as `dropped` (off by default). */
  readonly explainDropped?: boolean;
}

/**
 * Analyses one article: who said what, to whom, when, and according to whom. By default with the
 * bundled attribution model; `{ model: null }` runs the rules only.
 *
 * @example
 * ```ts
 * import { analyze } from 'whosaid';
 * const { attributions } = analyze({ text: '“We are ready,” Mayor Ana Ruiz said.', publishedAt: '2025-11-13' });
 * ```
 */
export function analyze(input: ArticleInput, options: NodeAnalyzeOptions = {}): Analysis {
  return analyzeWith(input, { model: options.model === undefined ? loadBundledModel() : options.model, ...(options.explainDropped && { explainDropped: true }) });
}

/** Analyses one article with the bundled model: the same as `analyze(input)`; `explainDropped` lists the candidates dropped. */
export function analyzeArticle(input: ArticleInput, options: Pick<AnalyzeOptions, 'explainDropped'> = {}): Analysis {
  return analyzeWith(input, { model: loadBundledModel(), ...(options.explainDropped && { explainDropped: true }) });
}
