/**
 * Outlets that carried someone's words, named in the same sentence as the attribution:
 *
 *   …, Bloomberg reported Tuesday.       …, according to the Daily Ledger.       …, the Ledger said.
 *
 * The outlet must be a proper name (not "officials") and must not be the speaker itself.
 */
import type { Span, TextSpan } from '../analysis.js';
import type { Segmented } from '../segment/segment.js';
import { isPunct, spanOfTokens } from '../segment/lookup.js';
import { nounPhraseStartingAt, nounPhraseEndingAt } from '../attribution/noun-phrase.js';
import { commaTokens, lastCommaBetween } from '../attribution/commas.js';

export interface OutletRelay {
  readonly sentence: number;
  readonly mention: TextSpan;
  readonly cue: TextSpan;
  /** The whole relay clause, from its comma to the sentence's end. */
  readonly clause: Span;
}

/** Verbs by which an outlet carries words; "according to" is handled on its own. */
const RELAY_VERBS = new Set(['report', 'say', 'write', 'publish', 'reveal', 'first report', 'learn']);

export function findOutletRelays(seg: Segmented): OutletRelay[] {
  const out: OutletRelay[] = [];
  const commas = commaTokens(seg);
  for (const s of seg.sentences) {
    // Look for the last comma-led clause of the sentence.
    const comma = lastCommaBetween(commas, s.first, s.last);
    if (comma < 0) continue;
    const end = endOfClause(seg, s.last);
    const a = comma + 1;
    if (seg.tokens[a]?.lower === 'according' && seg.tokens[a + 1]?.lower === 'to') {
      const np = nounPhraseStartingAt(seg, a + 2, end);
      if (np === end && isProperName(seg, a + 2, np)) {
        out.push({ sentence: s.i, mention: spanOfTokens(seg, a + 2, np), cue: spanOfTokens(seg, a, a + 2), clause: { start: seg.tokens[comma].start, end: seg.tokens[end - 1].end } });
      }
      continue;
    }
    const np = nounPhraseStartingAt(seg, a, end);
    if (np < 0 || !isProperName(seg, a, np)) continue;
    const verb = seg.tokens[np];
    if (!verb || !RELAY_VERBS.has(verb.lemma)) continue;
    // Only a time word may follow: "Bloomberg reported Tuesday."
    let k = np + 1;
    while (k < end && /^(on|early|late|last|this)$/.test(seg.tokens[k].lower)) k++;
    if (k < end && k + 1 < end) continue;
    out.push({ sentence: s.i, mention: spanOfTokens(seg, a, np), cue: spanOfTokens(seg, np, np + 1), clause: { start: seg.tokens[comma].start, end: seg.tokens[end - 1].end } });
  }
  return out;
}

/** The sentence's last token index + 1, leaving out closing punctuation. */
function endOfClause(seg: Segmented, last: number): number {
  let end = last;
  while (end > 0 && isPunct(seg.tokens[end - 1], '.!?')) end--;
  return end;
}

/** A name, not a description: its last word is capitalised and no pronoun stands in it. */
function isProperName(seg: Segmented, first: number, last: number): boolean {
  const head = seg.tokens[last - 1];
  if (head.pos !== 'PROPN' && !/^[A-Z]/.test(head.text)) return false;
  for (let i = first; i < last; i++) if (seg.tokens[i].pos === 'PRON') return false;
  return nounPhraseEndingAt(seg, last, first) === first;
}
