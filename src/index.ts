/**
 * `whosaid`: the Node entry. {@link analyze} runs the engine with the bundled attribution model; the page
 * readers turn HTML, URLs and WARC archives into articles to analyse. Everything of the pure,
 * browser-safe core (`whosaid/core`) is re-exported here, except its `analyze`, whose model is explicit.
 *
 * @example
 * ```ts
 * import { analyze } from 'whosaid';
 * const analysis = analyze({ text: '“We are ready,” Mayor Ana Ruiz said.', publishedAt: '2025-11-13' });
 * ```
 *
 * @packageDocumentation
 */
export { analyze, analyzeArticle, type NodeAnalyzeOptions } from './node/analyzer.js';
export { loadBundledModel, BundledModelError } from './node/load-model.js';
export { analyzeHtml, analyzeUrl, type PageOptions } from './node/pages.js';
export { extractHtml, type ExtractHtmlOptions } from './input/html.js';
export { analyzeExtracted, type AnalyzePageOptions } from './input/analyze-page.js';
export { fetchPage, type FetchPageOptions, type FetchedPage } from './input/fetch.js';
export { readWarc, type ReadWarcOptions, type WarcItem } from './input/warc.js';
export { InputError, type InputErrorCode, type InputErrorDetail } from './input/errors.js';
export type { ExtractedArticle, ArticleMetadata, ParagraphSource, EmbeddedPost, DateSource } from './input/types.js';
export { parseModel, type AttributionModel, type ArticleInput } from './core/index.js';
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
  analysisJsonSchema,
} from './core/index.js';
