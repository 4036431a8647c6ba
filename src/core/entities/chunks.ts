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
import { knownVocabId, memoByVocab, vocabGeneration } from '../segment/vocab-memo.js';

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

/** Facts of a token's text that the chunker asks about, as bits of `wordFacts`. */
const CAPITALIZED = 1;
/** "#Trump", "#NorthKorea"; not "#nuclear". */
const NAME_HASHTAG = 2;
const FUNCTION_WORD = 4;
/** A mark after which a capitalized word opens a sentence of its own: “Moon … */
const OPENING_MARK = 8;
/** "Engineers", "Protesters": a plural of people. */
const PEOPLE_PLURAL = 16;
/** The text is its own lower case: "moon", not "Moon". */
const LOWER_CASE = 32;
/** A month or weekday. */
const DATE_WORD = 64;

const wordFacts = memoByVocab((t) => {
  const { text, lower } = t;
  let facts = 0;
  if (isCapitalized(text)) facts |= CAPITALIZED;
  if (text.length > 1 && text.charCodeAt(0) === 35 && isCapitalized(text.slice(1))) facts |= NAME_HASHTAG;
  if (FUNCTION_WORDS.has(lower)) facts |= FUNCTION_WORD;
  if (text.length === 1 && '“"‘(—–-'.includes(text)) facts |= OPENING_MARK;
  if (/(?:ers|ists|ians|ants|ents|ors)$/.test(lower)) facts |= PEOPLE_PLURAL;
  if (MONTHS.has(lower) || WEEKDAYS.has(lower)) facts |= DATE_WORD;
  if (text === lower) facts |= LOWER_CASE;
  return facts;
});

/** One run of `findNameChunks` over a text. */
interface Scan {
  readonly seg: Segmented;
  /** The stamp under which `markLowerCaseWords` marked the text's lower-case words (0: not yet). */
  lowerCaseStamp: number;
}

/** A token that can be part of a name where it stands. */
function isNameToken(scan: Scan, i: number): boolean {
  const { seg } = scan;
  const t = seg.tokens[i];
  if ((wordFacts(t) & (CAPITALIZED | FUNCTION_WORD)) !== CAPITALIZED || CLOSED_CLASS.has(t.pos)) return isSurnameSaid(seg, i);
  // A capitalized common word opens many sentences ("Protesters gathered", "Engineers had suggested");
  // it counts there only before another name word, or when it is no plural the text writes in lower case.
  const sentenceStart = seg.sentences[t.sentence].first === i || isOpeningMark(seg.tokens[i - 1]);
  if (!sentenceStart) return true;
  const next = seg.tokens[i + 1];
  if (next !== undefined && next.sentence === t.sentence && next.pos === 'PROPN' && (wordFacts(next) & CAPITALIZED) !== 0) return true;
  // "Engineers had suggested": a plural of people is a group, not a name.
  if ((wordFacts(t) & PEOPLE_PLURAL) !== 0) return false;
  // "Moon said the talks went well": a word the text never writes in lower case, and no plural, is a name.
  return t.lemma.toLowerCase() === t.lower && !writesInLowerCase(scan, t.lower);
}

/**
 * "Her counterpart, Karim Said, said …", "“…,” Said told reporters": the surname Said, which segmenting
 * tagged a proper noun, after a given name and before no capitalized word, or before a verb in the past.
 * "Trump Said He Would Sign" (a headline's capitals) stays no name.
 */
function isSurnameSaid(seg: Segmented, i: number): boolean {
  const t = seg.tokens[i];
  if (t.text !== 'Said' || t.pos !== 'PROPN') return false;
  const next = seg.tokens[i + 1];
  const previous = seg.tokens[i - 1];
  const sameSentence = next !== undefined && next.sentence === t.sentence;
  if (sameSentence && next.pos === 'VERB' && next.lemma !== next.lower) return true;
  return previous !== undefined && previous.sentence === t.sentence && previous.pos === 'PROPN' && (wordFacts(previous) & CAPITALIZED) !== 0
    && (!sameSentence || (wordFacts(next) & CAPITALIZED) === 0 && next.pos !== 'VERB');
}

/** Per vocabulary id, the stamp of the text that `markLowerCaseWords` last found it in. */
let lowerCaseSeen = new Int32Array(1 << 16);
let lastStamp = 0;
let stampGeneration = vocabGeneration();

/** True where the text writes `word` (lower case) as a token of its own. */
function writesInLowerCase(scan: Scan, word: string): boolean {
  if (scan.lowerCaseStamp === 0) scan.lowerCaseStamp = markLowerCaseWords(scan.seg.tokens);
  const id = knownVocabId(word);
  return id !== undefined && lowerCaseSeen[id] === scan.lowerCaseStamp;
}

/** Marks the vocabulary ids of the text's lower-case words with a new stamp, and returns it. */
function markLowerCaseWords(tokens: readonly Token[]): number {
  if (lastStamp === 0x7fffffff || stampGeneration !== vocabGeneration()) {
    stampGeneration = vocabGeneration();
    lowerCaseSeen.fill(0);
    lastStamp = 0;
  }
  const stamp = ++lastStamp;
  for (const t of tokens) {
    if ((wordFacts(t) & LOWER_CASE) === 0) continue;
    if (t.vocab >= lowerCaseSeen.length) {
      const grown = new Int32Array(Math.max(t.vocab + 1, lowerCaseSeen.length * 2));
      grown.set(lowerCaseSeen);
      lowerCaseSeen = grown;
    }
    lowerCaseSeen[t.vocab] = stamp;
  }
  return stamp;
}

function isOpeningMark(t: Token | undefined): boolean {
  return t !== undefined && (wordFacts(t) & OPENING_MARK) !== 0;
}

/** Lower-case particles inside a personal name (Spanish, Portuguese, French, Dutch, German, Italian, Arabic). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'la', 'del', 'della', 'dos', 'das', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'ten', 'ter', 'le', 'bin', 'ibn', 'al', 'el']);

/** How many tokens after `i` join the chunk as an inner connector: "of", "of the", "&", "[", "-in". */
function connectorWidth(scan: Scan, i: number, previous: Token): number {
  const { tokens } = scan.seg;
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!next || next.sentence !== t.sentence) return 0;
  if (t.lower === 'of' && (isRoleWord(previous.lower) || ORG_HEADS.has(previous.lower))) {
    if (isNameToken(scan, i + 1)) return 1;
    const after = tokens[i + 2];
    if (next.lower === 'the' && after && after.sentence === t.sentence && isNameToken(scan, i + 2)) return 2;
    return 0;
  }
  if (t.text === '&' && isNameToken(scan, i + 1)) return 1;
  // "Ines de la Vega", "Piet van der Berg": lower-case particles between a given name and a surname
  if (NAME_PARTICLES.has(t.text) && previous.pos === 'PROPN') {
    let k = i;
    while (k < i + 3 && NAME_PARTICLES.has(tokens[k]?.text ?? '') && tokens[k].sentence === t.sentence) k++;
    if (k > i && tokens[k]?.sentence === t.sentence && isNameToken(scan, k) && tokens[k].pos === 'PROPN') return k - i;
    // "Ahmed al-Rashidi", "Omar el-Sayed": a particle glued by a hyphen to the surname
    const hyphen = tokens[k];
    if (k > i && hyphen?.text === '-' && !hyphen.spaceBefore && tokens[k + 1] && !tokens[k + 1].spaceBefore && tokens[k + 1].sentence === t.sentence && isNameToken(scan, k + 1)) return k + 1 - i;
    return 0;
  }
  // "the Provincial Nurses’ Union": a plural possessive's apostrophe glued inside a name
  if ((t.text === '’' || t.text === "'") && !t.spaceBefore && /s$/.test(previous.text) && isNameToken(scan, i + 1)) return 1;
  // "Mike [Pompeo]": the bracket and its closing partner stay inside the name.
  if (t.text === '[' && isNameToken(scan, i + 1) && tokens[i + 2]?.text === ']') return 1;
  if (t.text === ']' && previous.end === t.start) return isNameToken(scan, i + 1) ? 1 : -1;
  // "Moon Jae-in": a hyphen glued to a lower-case part; "Trump-Kim" is two names.
  if (t.text === '-' && !t.spaceBefore && !next.spaceBefore && /^[a-z]+$/.test(next.text)) return 2;
  return 0;
}

/** A hyphen glued between a surname and one more capitalized name word that ends the name ("Crane-Olsen,"). */
function isDoubleBarrel(scan: Scan, i: number): boolean {
  const { tokens } = scan.seg;
  const t = tokens[i];
  const next = tokens[i + 1];
  if (t.text !== '-' || t.spaceBefore || !next || next.spaceBefore || next.sentence !== t.sentence || tokens[i - 1].pos !== 'PROPN') return false;
  if (!isNameToken(scan, i + 1) || next.pos !== 'PROPN') return false;
  const after = tokens[i + 2];
  return after === undefined || after.sentence !== t.sentence || !isNameToken(scan, i + 2) && after.text !== '-';
}

/**
 * A hyphen glued inside a word of a name that goes on after the next word: "Mei-Ling Cho", "Hart-Lowell
 * Logistics" (one name). "Trump-Kim summit", where nothing capitalized follows, stays two names.
 */
function isHyphenatedNameWord(scan: Scan, i: number): boolean {
  const { tokens } = scan.seg;
  const t = tokens[i];
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  if (t.text !== '-' || t.spaceBefore || !next || next.spaceBefore || next.sentence !== t.sentence || tokens[i - 1].pos !== 'PROPN') return false;
  if (!isNameToken(scan, i + 1) || next.pos !== 'PROPN') return false;
  return after !== undefined && after.sentence === t.sentence && after.spaceBefore && isNameToken(scan, i + 2) && after.pos === 'PROPN';
}

/** The proper-noun chunks of the text, in document order. */
export function findNameChunks(seg: Segmented): Chunk[] {
  const chunks: Chunk[] = [];
  const { tokens } = seg;
  const scan: Scan = { seg, lowerCaseStamp: 0 };
  let i = 0;
  while (i < tokens.length) {
    if ((wordFacts(tokens[i]) & NAME_HASHTAG) !== 0) {
      chunks.push({ first: i, last: i + 1, hashtag: true });
      i++;
      continue;
    }
    if (!isNameToken(scan, i)) {
      i++;
      continue;
    }
    const first = i;
    let last = i + 1;
    while (last < tokens.length && tokens[last].sentence === tokens[first].sentence) {
      if (isNameToken(scan, last)) {
        last++;
        continue;
      }
      let width = connectorWidth(scan, last, tokens[last - 1]);
      // "Margaret Crane-Olsen": a double-barrelled surname after a given name; "Trump-Kim summit" stays two
      if (width === 0 && last - first >= 2 && isDoubleBarrel(scan, last)) width = 2;
      if (width === 0 && isHyphenatedNameWord(scan, last)) width = 2;
      if (width === -1) {
        last++;
        break;
      }
      if (width === 0) break;
      last += width;
    }
    const end = endWithoutDates(seg, first, last);
    if (end > first) chunks.push({ first, last: end, hashtag: false });
    i = last;
  }
  return joinKnownHyphenatedNames(seg, chunks);
}

/**
 * "Coach Elena Vasquez-Moore said … Vasquez-Moore would not say": two one-word chunks joined by a glued
 * hyphen are one name where the article writes that hyphenated name inside a longer one; elsewhere
 * ("Trump-Kim summit") they stay two.
 */
function joinKnownHyphenatedNames(seg: Segmented, chunks: Chunk[]): Chunk[] {
  const { tokens } = seg;
  let known: Set<string> | undefined;
  const out: Chunk[] = [];
  for (let k = 0; k < chunks.length; k++) {
    const a = chunks[k];
    const b = chunks[k + 1];
    const hyphen = tokens[a.last];
    if (b && !a.hashtag && !b.hashtag && a.last - a.first === 1 && b.last - b.first === 1 && b.first === a.last + 1
      && hyphen.text === '-' && !hyphen.spaceBefore && !tokens[b.first].spaceBefore) {
      known ??= hyphenatedInLongerNames(seg, chunks);
      if (known.has(`${tokens[a.first].text}-${tokens[b.first].text}`)) {
        out.push({ first: a.first, last: b.last, hashtag: false });
        k++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** The hyphenated words ("Vasquez-Moore") inside chunks of more than one word. */
function hyphenatedInLongerNames(seg: Segmented, chunks: readonly Chunk[]): Set<string> {
  const { tokens } = seg;
  const out = new Set<string>();
  for (const c of chunks) {
    if (c.last - c.first < 3) continue;
    for (let i = c.first + 1; i < c.last - 1; i++) {
      if (tokens[i].text === '-' && !tokens[i].spaceBefore && !tokens[i + 1].spaceBefore) out.add(`${tokens[i - 1].text}-${tokens[i + 1].text}`);
    }
  }
  return out;
}

/**
 * "Nov. 6", "Tuesday", "in May": a month or weekday alone or before a number is a date, not a name. The end
 * of the chunk [first, last) without it; `first` when nothing is left.
 */
function endWithoutDates(seg: Segmented, first: number, last: number): number {
  const { tokens } = seg;
  // "After the vote, May said she will stay": a month word that speaks is a name.
  if (last - first === 1 && isDateWord(tokens[first])) return speaksAfter(seg, first) ? last : first;
  if (isDateWord(tokens[last - 1]) && tokens[last]?.pos === 'NUM') last--;
  if (last - first === 1 && isDateWord(tokens[first])) return first;
  return last;
}

function isDateWord(t: Token): boolean {
  return (wordFacts(t) & DATE_WORD) !== 0;
}
