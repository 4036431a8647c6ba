/**
 * Just enough noun-phrase chunking to find who speaks next to a quote: a run of determiners, adjectives,
 * nouns, proper nouns, numbers, pronouns, possessives, hashtags and bracketed insertions.
 * "U.S. Secretary of State Mike Pompeo" keeps its inner "of"; "#Trump" and "Mike [Pompeo]" stay whole.
 */
import type { Segmented, Token } from '../segment/segment.js';
import { typeOfCueLemma } from './cue-lexicon.js';

const NP_POS = new Set(['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who']);

export function isNounPhraseToken(t: Token): boolean {
  if (NP_POS.has(t.pos)) return !(t.pos === 'PRON' && !SUBJECT_PRONOUNS.has(t.lower) && t.lower !== 'one');
  if (t.text[0] === '#' || t.text[0] === '@') return t.text.length > 1;
  if (t.pos === 'PART' && (t.lower === "'s" || t.lower === "'")) return true;
  return t.text === '[' || t.text === ']';
}

/**
 * A preposition inside a name or a description of a source: "Secretary of State", "Commission on
 * Presidential Debates", "a spokeswoman for the mayor".
 */
function isInnerOf(seg: Segmented, i: number): boolean {
  const t = seg.tokens[i];
  if (!INNER_PREPOSITIONS.has(t.lower)) return false;
  const prev = seg.tokens[i - 1];
  const next = seg.tokens[i + 1];
  if (!prev || !next || prev.sentence !== t.sentence || next.sentence !== t.sentence) return false;
  if (t.lower === 'of' && prev.pos === 'PROPN' && next.pos === 'PROPN') return true;
  return (prev.pos === 'NOUN' || prev.pos === 'PROPN') && (next.pos === 'PROPN' || next.pos === 'DET' && /^[A-Z]/.test(seg.tokens[i + 2]?.text ?? ''));
}

const INNER_PREPOSITIONS = new Set(['of', 'for', 'on', 'at']);

/**
 * A capitalized word the tagger read as a verb or adjective inside a name: "Grant" in "Paul Grant",
 * "Hope" in "Rick Hope", never a verb of saying ("Doctor Says" in a headline). It follows a capitalized
 * noun of the same sentence, so it is never the sentence's first word.
 */
function isNameWord(seg: Segmented, i: number): boolean {
  const t = seg.tokens[i];
  const prev = seg.tokens[i - 1];
  return t !== undefined && prev !== undefined && typeOfCueLemma(t.lemma) !== 'statement' && (t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'ADV') && /^[A-Z][a-z]/.test(t.text)
    && (prev.pos === 'PROPN' || prev.pos === 'NOUN') && prev.sentence === t.sentence && /^[A-Z]/.test(prev.text);
}

/**
 * "the teachers’ union", "nurses' union": the apostrophe of a plural possessive, which wink-nlp tags as
 * punctuation. Not the closing mark of a single-quoted run ("‘We lost our homes’ residents say").
 */
function isPluralPossessive(seg: Segmented, i: number): boolean {
  const t = seg.tokens[i];
  const prev = seg.tokens[i - 1];
  const next = seg.tokens[i + 1];
  if (!t || t.lower !== "'" || t.spaceBefore || !prev || !next || !/s$/.test(prev.lower) || prev.sentence !== t.sentence) return false;
  if (!/^(NOUN|PROPN|ADJ)$/.test(prev.pos) || !/^(NOUN|PROPN|ADJ)$/.test(next.pos)) return false;
  // an opening single quote earlier in the sentence: this mark closes it
  const first = seg.sentences[t.sentence].first;
  for (let k = first; k < i - 1; k++) if (seg.tokens[k].text === '‘' || seg.tokens[k].text === "'" && (k === first || seg.tokens[k].spaceBefore)) return false;
  return true;
}

const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** The noun phrase that ends at token `last - 1` (exclusive `last`), within [floor, last). Returns its first token or -1. */
export function nounPhraseEndingAt(seg: Segmented, last: number, floor: number): number {
  let i = last - 1;
  while (i >= floor && (isNounPhraseToken(seg.tokens[i]) || isInnerOf(seg, i) || isNameWord(seg, i) || isPluralPossessive(seg, i))) i--;
  const first = i + 1;
  return first < last && hasHead(seg, first, last) ? first : -1;
}

/** The noun phrase that starts at token `first`, within [first, ceiling). Returns one past its last token or -1. */
export function nounPhraseStartingAt(seg: Segmented, first: number, ceiling: number): number {
  let i = first;
  // "said her brother, …": a possessive determiner opens the phrase when a noun or adjective follows.
  if (POSSESSIVE_DETERMINERS.has(seg.tokens[i]?.lower ?? '') && i + 1 < ceiling && /^(NOUN|ADJ|PROPN)$/.test(seg.tokens[i + 1].pos)) i++;
  while (i < ceiling && (isNounPhraseToken(seg.tokens[i]) || isInnerOf(seg, i) || isNameWord(seg, i) || isPluralPossessive(seg, i))) {
    // A pronoun ends its phrase: "he" in "he said", not "he the".
    if (seg.tokens[i].pos === 'PRON') { i++; break; }
    i++;
  }
  return i > first && hasHead(seg, first, i) ? i : -1;
}

/** A phrase needs a noun, proper noun, pronoun or hashtag name, not only determiners and adjectives. */
function hasHead(seg: Segmented, first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    const t = seg.tokens[i];
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.text[0] === '#' || t.text[0] === '@') return true;
  }
  return false;
}
