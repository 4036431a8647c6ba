/**
 * The date of a saying: the time expression in the cue's own clause. It follows the cue and its
 * object ("Pompeo told reporters Tuesday, according to …", "Bloomberg reported Tuesday") or opens
 * the clause before the speaker ("On Monday, Pompeo told reporters, …"). A date inside the quoted
 * words, in the reported clause ("said he will meet Kim on Friday") or in another sentence is not it.
 */
import type { Span, TimeExpression } from '../analysis.js';
import type { Segmented } from '../segment/segment.js';
import { tokenAtOrAfter } from '../segment/lookup.js';
import { quoteOfTokens } from './quoted-tokens.js';

/** Parts of speech that may stand between a cue and its date: objects, prepositional phrases, commas. */
const BETWEEN = new Set(['DET', 'NOUN', 'PROPN', 'ADP', 'PRON', 'ADJ', 'NUM', 'ADV', 'PUNCT']);
/** Words that open the reported clause: a date after them is in the reported words. */
const CLAUSE_OPENERS = new Set(['that', 'who', 'which', 'whether', 'if', 'when', 'because']);
/** Prepositions that open a gerund clause ("After meeting the envoy on Sunday, …"). Source: English grammar. */
const GERUND_OPENERS = new Set(['after', 'before', 'while', 'since', 'upon', 'when', 'by', 'on']);
/** Tokens from the cue to a date after it ("told reporters in a briefing on Tuesday"). */
const AFTER_REACH = 7;
/** Tokens from a date before the cue to the cue ("On Monday, Secretary of State Mike Pompeo told"). */
const BEFORE_REACH = 9;

/** The time expression that dates the clause of the speech (or relay) verb at `cue`. */
export function findSaidOn(seg: Segmented, times: readonly TimeExpression[], cue: Span): TimeExpression | undefined {
  const { tokens } = seg;
  const cueFirst = tokenAtOrAfter(seg, cue.start);
  const cueLast = Math.max(cueFirst + 1, tokenAtOrAfter(seg, cue.end));
  if (cueFirst >= tokens.length) return undefined;
  const sentence = seg.sentences[tokens[cueFirst].sentence];
  const quoteOf = quoteOfTokens(seg);
  const cueQuote = quoteOf[cueFirst];

  let after: TimeExpression | undefined;
  let before: TimeExpression | undefined;
  for (const time of times) {
    if (time.end <= sentence.start) continue;
    if (time.start >= sentence.end) break;
    const first = tokenAtOrAfter(seg, time.start);
    const last = tokenAtOrAfter(seg, time.end);
    if (quoteOf[first] !== cueQuote) continue;
    if (first >= cueLast && !after && isPlainGap(seg, quoteOf, cueQuote, cueLast, first, AFTER_REACH)) after = time;
    if (last <= cueFirst && isPlainGap(seg, quoteOf, cueQuote, last, cueFirst, BEFORE_REACH) && opensClause(seg, quoteOf, cueQuote, sentence.first, first)) before = time;
  }
  return after ?? before;
}

/** The tokens [a, b) hold no verb, no clause opener, no quoted words and no sentence punctuation. */
function isPlainGap(seg: Segmented, quoteOf: Int32Array, quote: number, a: number, b: number, reach: number): boolean {
  if (b - a > reach) return false;
  for (let i = a; i < b; i++) {
    const t = seg.tokens[i];
    if (quoteOf[i] !== quote || !BETWEEN.has(t.pos) || CLAUSE_OPENERS.has(t.lower)) return false;
    if (t.pos === 'PUNCT' && t.text !== ',') return false;
  }
  return true;
}

/**
 * No verb stands before the date in its clause: "On Monday, Pompeo told" dates the telling, while in
 * "After meeting Kim on Sunday, Pompeo said" Sunday dates the meeting.
 */
function opensClause(seg: Segmented, quoteOf: Int32Array, quote: number, floor: number, first: number): boolean {
  for (let i = first - 1; i >= floor && quoteOf[i] === quote; i--) {
    const { pos, lower } = seg.tokens[i];
    if (pos === 'VERB' || pos === 'AUX') return false;
    // wink-nlp tags the gerund of "After meeting the envoy" as a noun.
    if (lower.endsWith('ing') && i > floor && GERUND_OPENERS.has(seg.tokens[i - 1].lower)) return false;
  }
  return true;
}
