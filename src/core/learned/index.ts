/**
 * The learned attribution model: a stacked, averaged-perceptron BIO tagger over source, cue and
 * content (trained on PolNeAR by scripts/train-model.ts), whose spans are grouped into attributions.
 *
 *   segment → features → tag (pass 1, pass 2 seeing pass 1) → spans → group → type and kind
 */
import type { AttributionType, QuoteKind, Span } from '../analysis.js';
import type { Segmented } from '../segment/segment.js';
import { kindOfContent, typeOfCue } from './classify.js';
import { confidenceOf, groupSpans, spansOfLabels, type TaggedSpan } from './group.js';
import { decodeModel } from './decoded.js';
import type { AttributionModel } from './model.js';
import { tagTokens } from './tag.js';

export type { AttributionModel } from './model.js';

export interface LearnedAttribution {
  type: AttributionType;
  kind: QuoteKind;
  source?: Span;
  cue?: Span;
  content: Span[];
  confidence: number;
  reasons: string[];
}

const NO_CUE_FACTOR = 0.6;

/** The attributions the model finds in a segmented text, in the order of their content. */
export function predictAttributions(seg: Segmented, model: AttributionModel): LearnedAttribution[] {
  if (seg.tokens.length === 0) return [];
  const { labels, scores } = tagTokens(seg, decodeModel(model));
  const groups = groupSpans(spansOfLabels(seg, labels));
  const tokens = seg.tokens;
  const spanOf = (s: TaggedSpan): Span => ({ start: tokens[s.first].start, end: tokens[s.last - 1].end });
  return groups.map((g) => {
    const content = g.content.map(spanOf);
    const parts = g.cue ? [g.cue, ...g.content] : g.content;
    return {
      type: g.cue ? typeOfCue(seg, g.cue.first, g.cue.last, g.source?.last) : 'statement',
      kind: kindOfContent(seg.text, content),
      ...(g.source && { source: spanOf(g.source) }),
      ...(g.cue && { cue: spanOf(g.cue) }),
      content,
      // content with no cue of its own was right less than half the time on PolNeAR dev
      confidence: Math.round(confidenceOf(scores, labels, parts) * (g.cue ? 1 : NO_CUE_FACTOR) * 1000) / 1000,
      reasons: [...g.reasons],
    };
  });
}
