/**
 * Proper-noun chunks: runs of capitalized tokens that may name someone or something. wink-nlp's lite
 * model tags parts of speech but finds no persons or organizations, so names are read from the tags and
 * the capitals: "Secretary of State Mike Pompeo" (inner "of"), "Dr. J. R. Smith Jr." (initials, suffix),
 * "Mike [Pompeo]" (an editor's bracketed insertion), "Moon Jae-in" (a hyphenated given name), "#Trump"
 * (a hashtag). "Trump-Kim summit" is two chunks: a hyphen before a capital joins two names.
 */
import type { Segmented, Token } from '../segment/segment.js';
import { MONTHS, WEEKDAYS } from '../time/date-words.js';
import { speaksAfter } from './groups.js';
import { ORG_HEADS } from './organizations.js';
import { isRoleWord } from './roles.js';

export interface Chunk {
  /** Token range [first, last). */
  readonly first: number;
  readonly last: number;
  readonly hashtag: boolean;
}

/** Capitalized function words that wink-nlp tags as proper nouns in headlines. Source: English closed-class words. */
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'is',
  'are', 'was', 'were', 'be', 'been', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'its',
  'our', 'this', 'that', 'these', 'those', 'not', 'no', 'would', 'can', 'could', 'should', 'might',
  'says', 'said', 'after', 'before', 'over', 'if', 'when', 'while', 'why', 'how', 'what', 'who', 'where', 'yes',
  'there', 'here', 'then', 'so', 'just', 'also', 'all', 'some', 'more', 'most',
]);
const CLOSED_CLASS = new Set(['DET', 'PRON', 'ADP', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'INTJ']);

function isCapitalized(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = text[0];
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** "#Trump", "#NorthKorea"; not "#nuclear". */
export function isNameHashtag(token: Token): boolean {
  return token.text.length > 1 && token.text.charCodeAt(0) === 35 && isCapitalized(token.text.slice(1));
}

/** A token that can be part of a name where it stands. */
function isNameToken(seg: Segmented, i: number): boolean {
  const t = seg.tokens[i];
  if (!isCapitalized(t.text) || CLOSED_CLASS.has(t.pos)) return false;
  if (FUNCTION_WORDS.has(t.lower)) return false;
  // A capitalized common word opens many sentences ("Protesters gathered", "Engineers had suggested");
  // it counts there only before another name word, or when it is no plural the text writes in lower case.
  const sentenceStart = seg.sentences[t.sentence].first === i || isOpeningMark(seg.tokens[i - 1]);
  if (!sentenceStart) return true;
  const next = seg.tokens[i + 1];
  if (next !== undefined && next.sentence === t.sentence && next.pos === 'PROPN' && isCapitalized(next.text)) return true;
  // "Engineers had suggested": a plural of people is a group, not a name.
  if (/(?:ers|ists|ians|ants|ents|ors)$/.test(t.lower)) return false;
  // "Moon said the talks went well": a word the text never writes in lower case, and no plural, is a name.
  return t.lemma.toLowerCase() === t.lower && !lowerCaseWords(seg).has(t.lower);
}

const lowerCaseCache = new WeakMap<Segmented, Set<string>>();

/**
 * Of the capitalized words that open a sentence (the only ones `isNameToken` asks about), those the text
 * also writes in lower case somewhere.
 */
function lowerCaseWords(seg: Segmented): Set<string> {
  let words = lowerCaseCache.get(seg);
  if (!words) {
    const { tokens } = seg;
    const openers = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (isCapitalized(t.text) && (seg.sentences[t.sentence].first === i || isOpeningMark(tokens[i - 1]))) openers.add(t.lower);
    }
    words = new Set();
    for (const t of tokens) if (openers.has(t.text) && t.text === t.lower) words.add(t.text);
    lowerCaseCache.set(seg, words);
  }
  return words;
}

function isOpeningMark(t: Token | undefined): boolean {
  return t !== undefined && t.text.length === 1 && '“"‘(—–-'.includes(t.text);
}

/** How many tokens after `i` join the chunk as an inner connector: "of", "of the", "&", "[", "-in". */
function connectorWidth(seg: Segmented, i: number, previous: Token): number {
  const t = seg.tokens[i];
  const next = seg.tokens[i + 1];
  if (!next || next.sentence !== t.sentence) return 0;
  if (t.lower === 'of' && (isRoleWord(previous.lower) || ORG_HEADS.has(previous.lower))) {
    if (isNameToken(seg, i + 1)) return 1;
    const after = seg.tokens[i + 2];
    if (next.lower === 'the' && after && after.sentence === t.sentence && isNameToken(seg, i + 2)) return 2;
    return 0;
  }
  if (t.text === '&' && isNameToken(seg, i + 1)) return 1;
  // "Mike [Pompeo]": the bracket and its closing partner stay inside the name.
  if (t.text === '[' && isNameToken(seg, i + 1) && seg.tokens[i + 2]?.text === ']') return 1;
  if (t.text === ']' && previous.end === t.start) return isNameToken(seg, i + 1) ? 1 : -1;
  // "Moon Jae-in": a hyphen glued to a lower-case part; "Trump-Kim" is two names.
  if (t.text === '-' && !t.spaceBefore && !next.spaceBefore && /^[a-z]+$/.test(next.text)) return 2;
  return 0;
}

/** The proper-noun chunks of the text, in document order. */
export function findNameChunks(seg: Segmented): Chunk[] {
  const chunks: Chunk[] = [];
  const { tokens } = seg;
  let i = 0;
  while (i < tokens.length) {
    if (isNameHashtag(tokens[i])) {
      chunks.push({ first: i, last: i + 1, hashtag: true });
      i++;
      continue;
    }
    if (!isNameToken(seg, i)) {
      i++;
      continue;
    }
    const first = i;
    let last = i + 1;
    while (last < tokens.length && tokens[last].sentence === tokens[first].sentence) {
      if (isNameToken(seg, last)) {
        last++;
        continue;
      }
      const width = connectorWidth(seg, last, tokens[last - 1]);
      if (width === -1) {
        last++;
        break;
      }
      if (width === 0) break;
      last += width;
    }
    const trimmed = trimDates(seg, first, last);
    if (trimmed) chunks.push({ first: trimmed[0], last: trimmed[1], hashtag: false });
    i = last;
  }
  return chunks;
}

/** "Nov. 6", "Tuesday", "in May": a month or weekday alone or before a number is a date, not a name. */
function trimDates(seg: Segmented, first: number, last: number): [number, number] | undefined {
  const { tokens } = seg;
  const isDateWord = (t: Token) => MONTHS.has(t.lower) || WEEKDAYS.has(t.lower);
  // "After the vote, May said she will stay": a month word that speaks is a name.
  if (last - first === 1 && isDateWord(tokens[first])) return speaksAfter(seg, first) ? [first, last] : undefined;
  if (isDateWord(tokens[last - 1]) && tokens[last]?.pos === 'NUM') last--;
  if (last - first === 1 && isDateWord(tokens[first])) return undefined;
  return last > first ? [first, last] : undefined;
}
