/**
 * The span of a cue as PolNeAR marks it: the verb with the auxiliaries and adverbs that lean on it and
 * a colon or particle after it — "has said", "also told", "’s claiming", "pointed out", "said:".
 */
import type { TextSpan } from '../analysis.js';
import type { Segmented } from '../segment/segment.js';
import { isPunct, spanOfTokens } from '../segment/lookup.js';

/** Words that join a cue from the left (the team's list, from PolNeAR's guidelines on cue spans). */
const LEANING_LEFT = new Set(["has", "have", "had", "'s", "'ve", "'d", 'is', 'are', 'was', 'were', 'also', 'now', 'then', 'even', 'again', 'later', 'repeatedly', 'previously', 'once', 'reportedly']);
const PARTICLES = new Set(['out', 'up']);

/** The cue span around the verb at token `c`, not reaching left of `floor`. */
export function cueSpan(seg: Segmented, c: number, floor: number): TextSpan {
  let first = c;
  while (first - 1 >= floor && LEANING_LEFT.has(seg.tokens[first - 1].lower)) first--;
  let last = c + 1;
  const next = seg.tokens[last];
  if (next && next.sentence === seg.tokens[c].sentence && (isPunct(next, ':') || (PARTICLES.has(next.lower) && next.pos !== 'NOUN'))) last++;
  return spanOfTokens(seg, first, last);
}
