/**
 * Groups as speakers: common nouns that news lets speak as one ("reporters asked", "U.S. officials
 * said", "Analysts have warned"). Such a noun is a group entity only as the subject of a speech verb;
 * "told reporters" names an addressee, not a speaker.
 */
import type { Segmented } from '../segment/segment.js';
import { memoByVocab } from '../segment/vocab-memo.js';

/** Plural nouns for people who speak as a body. Source: team list of the collective speakers common in news. */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'officials', 'reporters', 'sources', 'aides', 'analysts', 'experts', 'diplomats', 'lawmakers', 'legislators',
  'investigators', 'prosecutors', 'authorities', 'police', 'protesters', 'critics', 'residents', 'witnesses',
  'scientists', 'researchers', 'economists', 'observers', 'activists', 'advocates', 'supporters', 'opponents',
  'voters', 'members', 'leaders', 'lawyers', 'attorneys', 'doctors', 'experts', 'spokesmen', 'negotiators',
  'regulators', 'executives', 'employees', 'workers', 'students', 'parents', 'teachers', 'organizers',
  'officers', 'troops', 'soldiers', 'rebels', 'militants', 'insiders', 'people', 'democrats', 'republicans',
  'senators', 'governors', 'ministers', 'administrators', 'strategists', 'pollsters', 'unions', 'families',
]);

/**
 * Lemmas of verbs of saying and thinking that make their subject a speaker. Source: the speech and belief
 * verbs of PolNeAR's annotation guidelines, the most common ones only.
 */
export const SPEECH_LEMMAS: ReadonlySet<string> = new Set([
  'say', 'tell', 'ask', 'add', 'note', 'report', 'write', 'warn', 'claim', 'argue', 'insist', 'believe', 'think',
  'expect', 'estimate', 'fear', 'predict', 'announce', 'confirm', 'deny', 'explain', 'describe', 'suggest',
  'acknowledge', 'agree', 'caution', 'contend', 'question', 'urge', 'accuse', 'allege', 'testify', 'reply',
  'respond', 'state', 'declare', 'assert', 'maintain', 'complain', 'worry', 'tweet', 'speak', 'conclude', 'find',
]);

const MODIFIERS = new Set(['ADJ', 'NUM', 'PROPN']);

/** 1 for a word of `GROUP_NOUNS`, by vocabulary id: the scan over every token reads no text. */
const isGroupNoun = memoByVocab((t) => (GROUP_NOUNS.has(t.lower) ? 1 : 0));

export interface GroupMention {
  /** Token range [first, last): modifiers and the group noun ("North Korean officials"). */
  readonly first: number;
  readonly last: number;
  /** Lower-cased words, the key that tells one group from another. */
  readonly key: string;
}

/** True where a speech verb, after adverbs and auxiliaries, follows token `i`'s noun phrase. */
export function speaksAfter(seg: Segmented, i: number): boolean {
  const { tokens } = seg;
  for (let k = i + 1; k < Math.min(tokens.length, i + 4) && tokens[k].sentence === tokens[i].sentence; k++) {
    const t = tokens[k];
    if (t.pos === 'VERB') return SPEECH_LEMMAS.has(t.lemma.toLowerCase());
    if (t.pos !== 'ADV' && t.pos !== 'AUX' && t.pos !== 'PART') return false;
  }
  return false;
}

/** The group nouns that are subjects of a speech verb, with their modifiers. */
export function findGroupSpeakers(seg: Segmented): GroupMention[] {
  const out: GroupMention[] = [];
  const { tokens } = seg;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (isGroupNoun(t) === 0 || (t.pos !== 'NOUN' && t.pos !== 'PROPN') || !speaksAfter(seg, i)) continue;
    let first = i;
    while (first > seg.sentences[t.sentence].first && MODIFIERS.has(tokens[first - 1].pos)) first--;
    let key = tokens[first].lower;
    for (let k = first + 1; k <= i; k++) key += ` ${tokens[k].lower}`;
    out.push({ first, last: i + 1, key });
  }
  return out;
}
