/**
 * One speaker's two reported clauses joined by "and" and a second verb of saying are one statement:
 *
 *   "Petra Vos said her team had “left a few points out there,” and added that the ice had been fair."
 *     → one statement, its words running from "her team" through "fair" (`content/and-added`); the
 *       second verb's own statement is dropped (`fragment/coordinated-statement`).
 *
 * Only where the first verb is "said" or "told", the second "added that" or "noted that" with no subject
 * of its own, and the first statement's words end right before it, in the same sentence; a second speaker
 * ("…, and the mayor added that …") keeps a statement of its own, and so does a naming verb's ("called the
 * plan “a fraction of what was promised” and noted that …").
 */
import { tokenAtOrAfter, tokensWithin } from '../segment/lookup.js';
import type { ProposedAttribution } from './direct-quotes.js';
import type { Refiner } from './refine.js';

export const joinCoordinatedStatements: Refiner = (seg, proposals) => {
  // first statement → the second that continues it, and the reverse
  const second = new Map<number, number>();
  const first = new Map<number, number>();
  const afterContent = new Map<number, number>();
  proposals.forEach((p, k) => {
    if (!isStatement(p) || !p.cue || p.content.length === 0) return;
    // "said …, and added that": the first verb reports words; "called the plan “…” and noted that" names
    // something first, and the two stay two statements
    const [cue] = tokensWithin(seg, p.cue.start, p.cue.end);
    if (!FIRST_VERBS.has(seg.tokens[cue]?.lemma ?? '')) return;
    const last = p.content[p.content.length - 1];
    if (last.start < p.cue.end) return;
    afterContent.set(tokenAtOrAfter(seg, last.end), k);
  });
  proposals.forEach((p, j) => {
    if (!isStatement(p) || !p.cue || p.quotes.length > 0 || p.content.length === 0) return;
    const [cue] = tokensWithin(seg, p.cue.start, p.cue.end);
    const verb = seg.tokens[cue];
    if (!verb || verb.pos !== 'VERB' || !SECOND_VERBS.has(verb.lemma) || seg.tokens[cue + 1]?.lower !== 'that' || p.content[0].start < p.cue.end) return;
    // ", and added that" / "and added that": nothing between "and" and the verb
    let i = cue - 1;
    if (seg.tokens[i]?.lower !== 'and') return;
    if (seg.tokens[i - 1]?.text === ',') i--;
    const k = afterContent.get(i);
    if (k === undefined || k === j || second.has(k) || seg.tokens[i].sentence !== verb.sentence) return;
    const a = proposals[k];
    // a speaker of its own before the second verb, other than the first statement's, is someone else
    if (p.source && a.source && !(p.source.start === a.source.start && p.source.end === a.source.end) && p.source.start > a.content[0].start) return;
    second.set(k, j);
    first.set(j, k);
  });
  return (k) => {
    if (first.has(k)) return 'fragment/coordinated-statement';
    const j = second.get(k);
    if (j === undefined) return undefined;
    const p = proposals[k];
    const b = proposals[j];
    const last = p.content[p.content.length - 1];
    const end = b.content[b.content.length - 1].end;
    return { ...p, content: [...p.content.slice(0, -1), { start: last.start, end }], reasons: [...p.reasons, 'content/and-added'] };
  };
};

/** Verbs that report words, before the second (the team's list). */
const FIRST_VERBS = new Set(['say', 'tell']);
/** Verbs that add a second clause to what the speaker said (the team's list). */
const SECOND_VERBS = new Set(['add', 'note']);

function isStatement(p: ProposedAttribution): boolean {
  return p.type === undefined || p.type === 'statement';
}
