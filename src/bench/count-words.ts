/**
 * The word count behind every words/s figure: whitespace-separated tokens, as Python's `str.split()`
 * counts them. PolNeAR's train.jsonl holds 624,643 such words over 840 articles (the "625k words" of the
 * issue); wink-nlp's word tokens would count punctuation and clitics too.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}
