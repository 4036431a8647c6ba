/**
 * The pure core's entry point: an article's text in, its analysis out. No file, network, clock or
 * environment access happens here, so the same code runs in Node and in a browser.
 *
 * The stage order is written down once, in `analyze` below.
 */
import { ANALYSIS_VERSION, type Analysis } from './analysis.js';
import { segment } from './segment/segment.js';

export interface ArticleInput {
  /** Carried through to the analysis unchanged. */
  readonly id?: string;
  readonly text: string;
  /** Publication date or date-time (ISO 8601); the reference for relative dates. */
  readonly publishedAt?: string;
}

export interface AnalyzeOptions {
  /** The learned attribution model (see `learned/`); without it only the rules run. */
  readonly model?: unknown;
}

/** Analyses one article. Never throws on content: problems in the text become diagnostics. */
export function analyze(input: ArticleInput, options: AnalyzeOptions = {}): Analysis {
  void options;
  const segmented = segment(input.text);
  void segmented;
  return {
    version: ANALYSIS_VERSION,
    ...(input.id !== undefined && { id: input.id }),
    ...(input.publishedAt !== undefined && { publishedAt: input.publishedAt }),
    attributions: [],
    entities: [],
    times: [],
    diagnostics: [],
  };
}
