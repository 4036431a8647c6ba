/**
 * `whosaid/core`: the pure engine, browser-safe. No file, network, clock or environment access and no
 * Node built-ins, so it bundles for a browser. The attribution model is passed explicitly: parse its JSON
 * (`models/attribution-model.json` in the package) with {@link parseModel}, or pass `{ model: null }` to
 * run the rules only. In Node, import from `whosaid` instead, which loads the bundled model for you.
 *
 * @example
 * ```ts
 * import { analyze, parseModel } from 'whosaid/core';
 * const model = parseModel(await (await fetch('/attribution-model.json')).json());
 * const analysis = analyze({ text: '“We are ready,” Mayor Ana Ruiz said.', publishedAt: '2025-11-13' }, { model });
 * ```
 *
 * @packageDocumentation
 */
export { analyze, type ArticleInput, type AnalyzeOptions } from './analyze.js';
export { parseModel, type AttributionModel } from './learned/model.js';
export {
  ANALYSIS_VERSION,
  Addressee,
  Analysis,
  Attribution,
  AttributionType,
  Diagnostic,
  Entity,
  EntityType,
  QuoteKind,
  Relay,
  Severity,
  Span,
  Speaker,
  TextSpan,
  TimeExpression,
} from './analysis.js';
export { analysisJsonSchema } from './analysis-schema.js';
