/**
 * Which way a date without its year or week points. News reports what happened, so "Pompeo told
 * reporters Tuesday" and "On Monday, Pompeo said" look back from the publication date; a verb group
 * marked for the future ("Trump will meet Kim on Friday", "the envoy is set to travel Sunday") looks
 * forward.
 */
import type { Segmented } from '../segment/segment.js';

export type Tense = 'past' | 'future' | 'unknown';

/** Auxiliaries that mark the future. Source: English grammar ("wo" is wink-nlp's token for "won't"). */
const FUTURE_AUX = new Set(['will', "'ll", 'shall', 'wo']);
/** Auxiliaries of the present, which make a participle after them no past ("is scheduled for"). Source: English grammar. */
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", "'re", "'m", 'be', 'has', 'have', "'ve", 'do', 'does']);
/** Words before "to" that schedule what follows ("set to travel", "due to arrive"). Source: team list from news usage. */
const SCHEDULING = new Set(['set', 'scheduled', 'expected', 'due', 'going', 'slated', 'poised', 'plans', 'plan', 'planning', 'planned']);
const VERB_GROUP = new Set(['AUX', 'PART', 'ADV']);
/** How far from the time expression the governing verb may be, in tokens. */
const REACH = 8;

/** The tense of the verb group that governs the tokens [first, last). */
export function clauseTense(seg: Segmented, first: number, last: number): Tense {
  const { tokens } = seg;
  const sentence = seg.sentences[tokens[first].sentence];
  for (let i = first - 1; i >= Math.max(sentence.first, first - REACH); i--) {
    if (tokens[i].pos === 'VERB') return tenseOfVerb(seg, i, sentence.first);
    if (tokens[i].pos === 'PUNCT' && tokens[i].text !== ',') break;
  }
  // "On Friday, Trump will meet Kim": the expression opens the clause and its verb follows.
  for (let i = last; i < Math.min(sentence.last, last + REACH); i++) {
    if (tokens[i].pos === 'VERB') return tenseOfVerb(seg, i, sentence.first);
  }
  return 'unknown';
}

function tenseOfVerb(seg: Segmented, verb: number, floor: number): Tense {
  const { tokens } = seg;
  const head = tokens[verb];
  if (SCHEDULING.has(head.lower) && tokens[verb + 1]?.lower === 'to') return 'future';
  let present = false;
  for (let i = verb - 1; i >= Math.max(floor, verb - 4) && VERB_GROUP.has(tokens[i].pos); i--) {
    const word = tokens[i].lower;
    if (FUTURE_AUX.has(word)) return 'future';
    if (word === 'to' && i > floor && SCHEDULING.has(tokens[i - 1].lower)) return 'future';
    if (PRESENT_AUX.has(word)) present = true;
  }
  // "took", "closed", "said": an inflected form that is neither the lemma, -ing nor third person -s.
  const inflected = head.lower !== head.lemma.toLowerCase() && !head.lower.endsWith('ing') && !head.lower.endsWith('s');
  return inflected && !present ? 'past' : 'unknown';
}
