/**
 * Speech acts without content: negated or refused speech reports nothing said.
 *
 *   "The mayor would not say which contractors had bid."     "Police did not say whether anyone was hurt."
 *   "The Falcons declined to comment."                        "Okafor refused to discuss the lease."
 *   "The company did not respond to a request for comment."
 *
 * Such a candidate is dropped (`speech-act/refused`): what follows is a question left open, not words
 * someone said. A denial ("has denied that she knew") is speech and stays; so does "did not hesitate to say".
 */
import type { Segmented } from '../segment/segment.js';
import { tokensWithin } from '../segment/lookup.js';
import { isSpeechLemma } from './cue-lexicon.js';
import type { Refiner } from './refine.js';

const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
const REFUSING = new Set(['decline', 'refuse']);
/** What one declines to do when one declines to speak. The team's list. */
const SPEAKING = new Set(['comment', 'say', 'discuss', 'elaborate', 'answer', 'speak', 'respond', 'confirm', 'reveal', 'identify', 'name', 'disclose', 'specify', 'detail', 'talk', 'address', 'explain', 'provide', 'give']);

/** Whether the cue (and the words right after it) refuse or negate speech. */
export function refusesSpeech(seg: Segmented, cue: { start: number; end: number }): boolean {
  const [first, last] = tokensWithin(seg, cue.start, cue.end);
  if (first >= last) return false;
  let negated = false;
  // "would not say": a negation right before the speech verb, in the cue or just before it
  for (let i = Math.max(seg.sentences[seg.tokens[first].sentence].first, first - 2); i < last; i++) {
    const t = seg.tokens[i];
    if (NEGATIONS.has(t.lower)) negated = true;
    else if (t.pos === 'VERB' && isSpeechLemma(t.lemma) && negated) return true;
    else if (t.pos === 'VERB' && REFUSING.has(t.lemma)) {
      // "declined to comment", "refused to discuss the lease"
      const to = seg.tokens[i + 1];
      const verb = seg.tokens[i + 2];
      if (to?.lower === 'to' && verb && SPEAKING.has(verb.lemma)) return true;
    } else if (t.pos === 'VERB' && t.lemma !== 'be' && t.lemma !== 'do' && t.lemma !== 'have') negated = false;
  }
  // "did not respond to a request for comment"
  return negated && seg.tokens[last]?.lower === 'to' && /^respond/.test(seg.tokens[last - 1]?.lower ?? '');
}

export const dropRefusedSpeech: Refiner = (seg, proposals) => (k) => {
  const p = proposals[k];
  if (!p.cue || p.quotes.length > 0 || (p.type !== 'statement' && p.type !== 'intention')) return undefined;
  return refusesSpeech(seg, p.cue) ? 'speech-act/refused' : undefined;
};
