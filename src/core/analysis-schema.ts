/**
 * The analysis contract as a JSON Schema document, generated from the zod definitions in
 * `analysis.ts`. `npm run schema` writes it to `schema/analysis.schema.json`; a test checks that the
 * committed file is up to date.
 */
import { z } from 'zod';
import { Analysis, ANALYSIS_VERSION } from './analysis.js';

/** The analysis format as a JSON Schema (draft 2020-12) document, as in `schema/analysis.schema.json`. */
export function analysisJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Analysis, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `https://whosaid.dev/schema/analysis-${ANALYSIS_VERSION}.json`,
    title: 'whosaid analysis',
    description: `One article's attributions, entities, times and diagnostics (format version ${ANALYSIS_VERSION}). Offsets are [start, end) in UTF-16 code units of the analysed text.`,
    version: ANALYSIS_VERSION,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
