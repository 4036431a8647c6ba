/**
 * Fragments and duplicates inside content already attributed:
 *
 *   "“We are not walking away,” Okafor said. “We are making sure we can pay for it.”"
 *     the rules build one statement of both runs; the learned tagger's own statement of the first run
 *     repeats part of it (`fragment/inside-quote`).
 *   "“I’m not certain the league would agree,” Ruiz said."
 *     "would agree" inside Ruiz's quote starts no attribution of its own (`fragment/cue-inside-content`).
 *
 *   "According to a report by the Ledger, insiders are trying to reach voters."
 *     "trying to", inside the content of a statement with a speaker, with no speaker of its own and no
 *     quotation marks, is part of those words, no attribution (`fragment/inside-reported`).
 *
 * A proposal the learned tagger found alone is dropped where its content lies mostly (half or more of it)
 * inside a direct quote the rules attributed, or where its cue lies inside that quote and it names no
 * third person as speaker (a quote inside a quote, "…Kim said he’s ready…," is kept).
 */
import type { Span } from '../analysis.js';
import { partitionPoint } from '../sorted.js';
import type { Refiner } from './refine.js';
import type { ProposedAttribution } from './direct-quotes.js';
import { isLearnedAlone } from './speech-sense.js';

const FIRST_AND_SECOND_PERSON = /^(i|we|you|us|me)$/i;

export const dropFragments: Refiner = (seg, proposals) => {
  // The content segments of direct quotes the rules attributed, in text order; they never overlap.
  const quoted: Span[] = [];
  for (const p of proposals) if (p.quotes.length > 0 && p.kind === 'direct') for (const s of p.content) quoted.push(s);
  quoted.sort((a, b) => a.start - b.start);
  const insideReported = reportedContents(proposals);
  const holding = (offset: number): Span | undefined => {
    const k = partitionPoint(quoted, (s) => s.start <= offset) - 1;
    return k >= 0 && quoted[k].end > offset ? quoted[k] : undefined;
  };
  const insideShare = (content: readonly Span[]) => {
    let inside = 0;
    let all = 0;
    for (const s of content) {
      all += s.end - s.start;
      for (let k = Math.max(0, partitionPoint(quoted, (q) => q.end <= s.start)); k < quoted.length && quoted[k].start < s.end; k++) {
        inside += Math.max(0, Math.min(s.end, quoted[k].end) - Math.max(s.start, quoted[k].start));
      }
    }
    return all > 0 ? inside / all : 0;
  };
  return (k) => {
    const p = proposals[k];
    if (!p.source && p.cue && p.quotes.length === 0 && insideReported(Math.min(p.cue.start, p.content[0].start), Math.max(p.cue.end, p.content[p.content.length - 1].end))) return 'fragment/inside-reported';
    if (!isLearnedAlone(p)) return undefined;
    if (insideShare(p.content) >= 0.5) return 'fragment/inside-quote';
    if (p.cue && holding(p.cue.start) && (!p.source || FIRST_AND_SECOND_PERSON.test(p.source.text.trim()) || holding(p.source.start) === undefined)) return 'fragment/cue-inside-content';
    return undefined;
  };
};

/**
 * Tells whether a stretch lies inside the content of a statement whose speaker is named (not a direct
 * quote): the contents sorted by start with the furthest end so far, so each question is a binary search.
 */
function reportedContents(proposals: readonly ProposedAttribution[]): (from: number, to: number) => boolean {
  const spans: Span[] = [];
  for (const o of proposals) {
    if (o.source && o.type === 'statement' && o.kind !== 'direct') spans.push({ start: o.content[0].start, end: o.content[o.content.length - 1].end });
  }
  spans.sort((a, b) => a.start - b.start);
  const maxEnd = new Float64Array(spans.length);
  for (let k = 0; k < spans.length; k++) maxEnd[k] = Math.max(spans[k].end, k > 0 ? maxEnd[k - 1] : -1);
  return (from, to) => {
    const k = partitionPoint(spans, (x) => x.start <= from) - 1;
    return k >= 0 && maxEnd[k] >= to;
  };
}
