/**
 * An extracted page through the core: the analysis of its text, carrying the text itself, what the page
 * says about itself and the input's diagnostics. A page that is not English is not analysed for
 * attributions: the rules read English, and would only invent quotes in another language.
 */
import type { Analysis } from '../core/analysis.js';
import { ANALYSIS_VERSION } from '../core/analysis-version.js';
import { analyzeArticle } from '../node/analyzer.js';
import type { ExtractedArticle } from './types.js';

/** How `analyzeExtracted` analyses a page. */
export interface AnalyzePageOptions {
  readonly id?: string;
  /** Overrides the page's own publication date as the reference for relative dates. */
  readonly publishedAt?: string;
  /** List the candidate attributions dropped, with their reasons, as `dropped`. */
  readonly explainDropped?: boolean;
}

/** Analyses an extracted page; every span in the result indexes into `text`. */
export function analyzeExtracted(article: ExtractedArticle, options: AnalyzePageOptions = {}): Analysis {
  const publishedAt = options.publishedAt ?? article.metadata.publishedAt;
  const input = { ...(options.id !== undefined && { id: options.id }), text: article.text, ...(publishedAt && { publishedAt }) };
  const notEnglish = article.diagnostics.some((d) => d.code === 'input/not-english');
  const analysis: Analysis = notEnglish
    ? { version: ANALYSIS_VERSION, ...input, attributions: [], entities: [], times: [], diagnostics: [] }
    : analyzeArticle(input, { explainDropped: options.explainDropped ?? false });
  return {
    ...analysis,
    text: article.text,
    ...(article.metadata.language && { language: article.metadata.language }),
    diagnostics: [...article.diagnostics, ...analysis.diagnostics],
    metadata: { ...article.metadata, paragraphs: article.paragraphs, posts: article.posts },
  };
}
