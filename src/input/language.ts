/**
 * A cheap check that a text is English: the share of its words that are common English function
 * words. Running English prose ("The mayor said that the bridge would be ready by the end of the
 * year.") has well over a quarter of them; other languages, even with English names and loanwords
 * in them, have few.
 */

/** The commonest English function words (from the top of word-frequency lists such as the Brown corpus). */
const STOP_WORDS = new Set([
  'the', 'of', 'and', 'to', 'a', 'in', 'that', 'is', 'was', 'he', 'for', 'it', 'with', 'as', 'his', 'on',
  'be', 'at', 'by', 'i', 'this', 'had', 'not', 'are', 'but', 'from', 'or', 'have', 'an', 'they', 'which',
  'you', 'were', 'her', 'she', 'there', 'would', 'their', 'we', 'him', 'been', 'has', 'when', 'who',
  'will', 'more', 'no', 'if', 'out', 'so', 'said', 'what', 'up', 'its', 'about', 'than', 'into', 'them',
  'can', 'only', 'other', 'new', 'some', 'could', 'time', 'these', 'two', 'may', 'then', 'do', 'first',
  'any', 'my', 'now', 'such', 'like', 'our', 'over', 'also', 'did', 'after', 'should', 'says',
]);

/** Texts shorter than this many words are not judged. */
const MIN_WORDS = 25;
/** Below this share of function words a text is not English. */
const MIN_SHARE = 0.12;
/** A text of at least this many letters, most of them not Latin (e.g. "市长说桥梁将在年底前修好"), is not English. */
const MIN_LETTERS = 40;
/** Only the first words are counted: a few hundred tell a language as well as a whole article does. */
const MAX_WORDS = 500;

export interface LanguageGuess {
  readonly words: number;
  /** The share of the words that are English function words. */
  readonly share: number;
  /** Undefined where the text is too short to judge. */
  readonly english?: boolean;
}

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const WORDS = /[\p{L}']+/gu;

/** How many of `text`'s characters are letters, and how many Latin ones (surrogate pairs, rare in news, are skipped). ASCII costs no regex. */
function countLetters(text: string): { letters: number; latin: number } {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c | 32) >= 97 && (c | 32) <= 122) { letters++; latin++; }
    } else if (c < 0xd800 || c > 0xdfff) {
      const ch = text[i];
      if (LETTER.test(ch)) { letters++; if (LATIN.test(ch)) latin++; }
    }
  }
  return { letters, latin };
}

/** Judges whether `text` reads as English from its function words. */
export function guessEnglish(text: string): LanguageGuess {
  const sample = text.slice(0, MAX_WORDS * 12);
  const { letters, latin } = countLetters(sample);
  if (letters >= MIN_LETTERS && latin / letters < 0.5) return { words: 0, share: 0, english: false };
  const words = sample.toLowerCase().match(WORDS) ?? [];
  const counted = Math.min(words.length, MAX_WORDS);
  let hits = 0;
  for (let i = 0; i < counted; i++) if (STOP_WORDS.has(words[i])) hits++;
  const share = counted ? hits / counted : 0;
  return { words: counted, share, ...(counted >= MIN_WORDS && { english: share >= MIN_SHARE }) };
}
