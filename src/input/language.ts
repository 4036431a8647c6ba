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
/** Only the first words are counted. */
const MAX_WORDS = 2000;

export interface LanguageGuess {
  readonly words: number;
  /** The share of the words that are English function words. */
  readonly share: number;
  /** Undefined where the text is too short to judge. */
  readonly english?: boolean;
}

/** Judges whether `text` reads as English from its function words. */
export function guessEnglish(text: string): LanguageGuess {
  const sample = text.slice(0, MAX_WORDS * 12);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters >= MIN_LETTERS && latin / letters < 0.5) return { words: 0, share: 0, english: false };
  const words = sample.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const counted = words.slice(0, MAX_WORDS);
  const hits = counted.filter((w) => STOP_WORDS.has(w)).length;
  const share = counted.length ? hits / counted.length : 0;
  return { words: counted.length, share, ...(counted.length >= MIN_WORDS && { english: share >= MIN_SHARE }) };
}
