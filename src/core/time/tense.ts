/**
 * Which way a bare weekday points. News reports what happened, so "Pompeo told reporters Tuesday" and
 * "On Monday, Pompeo said" look back from the publication date; only a verb group marked for the future
 * ("Trump will meet Kim on Friday", "Pompeo is set to travel Sunday") looks forward.
 */
import type { Segmented } from '../segment/segment.js';

/** Auxiliaries that mark the future. Source: English grammar ("wo" is wink-nlp's token for "won't"). */
const FUTURE_AUX = new Set(['will', "'ll", 'shall', 'wo']);
/** Words before "to" that schedule what follows ("set to travel", "due to arrive"). Source: team list from news usage. */
const SCHEDULING = new Set(['set', 'scheduled', 'expected', 'due', 'going', 'slated', 'poised', 'plans', 'plan', 'planning', 'planned']);
const VERB_GROUP = new Set(['AUX', 'PART', 'ADV']);
/** How far from the time expression the governing verb may be, in tokens. */
const REACH = 8;

/** True when the verb group that governs the tokens [first, last) is marked for the future. */
export function isFutureClause(seg: Segmented, first: number, last: number): boolean {
  const { tokens } = seg;
  const sentence = seg.sentences[tokens[first].sentence];
  for (let i = first - 1; i >= Math.max(sentence.first, first - REACH); i--) {
    if (tokens[i].pos === 'VERB') return isFutureVerb(seg, i, sentence.first);
    if (tokens[i].pos === 'PUNCT' && tokens[i].text !== ',') break;
  }
  // "On Friday, Trump will meet Kim": the expression opens the clause and its verb follows.
  for (let i = last; i < Math.min(sentence.last, last + REACH); i++) {
    if (tokens[i].pos === 'VERB') return isFutureVerb(seg, i, sentence.first);
  }
  return false;
}

function isFutureVerb(seg: Segmented, verb: number, floor: number): boolean {
  const { tokens } = seg;
  for (let i = verb - 1; i >= Math.max(floor, verb - 4) && VERB_GROUP.has(tokens[i].pos); i--) {
    const word = tokens[i].lower;
    if (FUTURE_AUX.has(word)) return true;
    if (word === 'to' && i > floor && SCHEDULING.has(tokens[i - 1].lower)) return true;
  }
  return false;
}
