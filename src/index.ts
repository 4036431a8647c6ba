/**
 * whosaid's public API. The pure core (`analyze`) runs anywhere; `analyzeArticle` is its Node form with
 * the bundled model loaded; the input readers turn HTML, URLs and WARC archives into text to analyse.
 */
export { analyze, type ArticleInput, type AnalyzeOptions } from './core/analyze.js';
export {
  ANALYSIS_VERSION,
  Analysis,
  Attribution,
  AttributionType,
  Diagnostic,
  Entity,
  QuoteKind,
  Relay,
  Span,
  TextSpan,
  TimeExpression,
} from './core/analysis.js';
export { analysisJsonSchema } from './core/analysis-schema.js';
export { analyzeArticle } from './node/analyzer.js';
