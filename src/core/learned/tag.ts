/**
 * Tagging: every paragraph of the text is one sequence for the decoder (a quotation that runs over
 * several sentences stays one content span); each stacked pass re-tags seeing the previous pass's labels.
 */
import type { Segmented } from '../segment/segment.js';
import { LABEL_COUNT } from './labels.js';
import { viterbiBio } from './decode.js';
import { scoreWords } from './word-scores.js';
import type { DecodedModel } from './decoded.js';

export interface Tagging {
  /** One label per token. */
  readonly labels: Uint8Array;
  /** The last pass's label scores, tokens × labels. */
  readonly scores: Float32Array;
}

/** The token ranges [first, last) of each paragraph. */
export function paragraphRanges(seg: Segmented): [number, number][] {
  const out: [number, number][] = [];
  const tokens = seg.tokens;
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i].paragraph !== tokens[first].paragraph) {
      out.push([first, i]);
      first = i;
    }
  }
  return tokens.length ? out : [];
}

/** Tags `seg`'s tokens with the model's passes in turn. */
export function tagTokens(seg: Segmented, model: DecodedModel): Tagging {
  const n = seg.tokens.length;
  const ranges = paragraphRanges(seg);
  const scores = new Float32Array(n * LABEL_COUNT);
  let labels: Uint8Array | undefined;
  for (const pass of model.passes) {
    scoreWords(seg, pass, model.lexicon, scores, labels);
    const next = new Uint8Array(n);
    for (const [first, last] of ranges) viterbiBio(scores, first, last, pass.transitions, next);
    labels = next;
  }
  return { labels: labels ?? new Uint8Array(n), scores };
}
