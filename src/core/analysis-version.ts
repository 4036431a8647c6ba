/**
 * The version of the analysis format (analysis.ts), apart from its schema so that analysing an article
 * does not load the validator.
 */
export const ANALYSIS_VERSION = '1.0.0';
