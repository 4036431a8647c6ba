/**
 * Gold labels for training: annotated character spans (PolNeAR's source, cue and content) become BIO
 * labels on the segmenter's tokens. A token takes a span's role when their characters overlap; the
 * first such token of each span begins it.
 */
import type { Segmented } from '../segment/segment.js';
import { beginOf, type Role } from './labels.js';
import { partitionPoint } from '../sorted.js';

export interface RoleSpan {
  readonly role: Role;
  readonly start: number;
  readonly end: number;
}

/** The BIO labels of `seg`'s tokens under the given spans (later spans win where two overlap). */
export function labelTokens(seg: Segmented, spans: readonly RoleSpan[]): Uint8Array {
  const labels = new Uint8Array(seg.tokens.length);
  const tokens = seg.tokens;
  for (const span of spans) {
    const lo = partitionPoint(tokens, (t) => t.end <= span.start);
    const begin = beginOf(span.role);
    let first = true;
    for (let i = lo; i < tokens.length && tokens[i].start < span.end; i++) {
      labels[i] = first ? begin : begin + 1;
      first = false;
    }
  }
  return labels;
}
