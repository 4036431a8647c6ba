/**
 * Reported content runs through its coordinated clauses and lists to the sentence's end:
 *
 *   "Clinton says she hopes to be elected president, but she knows that “LeBron will always be the king.”"
 *   "Earnest said Obama has long called for tax fairness, the closure of loopholes and relief for families."
 *
 * The learned tagger (and the reported-speech rule's comma stop) end such content at the first comma.
 * Where a content that follows its cue stops at a comma or a coordinator, and nothing else in the rest
 * of the sentence belongs to another attribution (no cue, speaker or content of its own, no trailing
 * "…, officials said" or "according to"), the content runs on to the sentence's end. So does a content
 * cut before its own verb ("said this year’s show | had drawn the largest audience"): a reported clause
 * is whole, not its subject alone.
 */
import type { Segmented } from '../segment/segment.js';
import { isPunct, tokenAtOrAfter } from '../segment/lookup.js';
import { partitionPoint } from '../sorted.js';
import type { ProposedAttribution } from './direct-quotes.js';
import type { Refiner } from './refine.js';
import { typeOfCueLemma } from './cue-lexicon.js';

const CONTINUES = new Set([',', 'and', 'but', 'or', 'so', 'yet', '—', '–', ';']);
/** After the comma, words that open a new attribution or an aside rather than continuing the content. */
const STOPS_AT = new Set(['according', 'said', 'says', 'say', 'told', 'added', 'adding', 'noting', 'saying', 'who', 'which', 'where', 'he', 'she', 'they', 'we', 'i']);

export const extendThroughCoordination: Refiner = (seg, proposals) => {
  // Every span of every proposal, sorted by start: "does another attribution start in this stretch?"
  const starts: number[] = [];
  for (const p of proposals) {
    for (const s of p.content) starts.push(s.start);
    if (p.cue) starts.push(p.cue.start);
    if (p.source) starts.push(p.source.start);
  }
  starts.sort((a, b) => a - b);
  const anyStartIn = (from: number, to: number) => {
    const k = partitionPoint(starts, (x) => x < from);
    return k < starts.length && starts[k] < to;
  };
  return (k) => {
    const p = proposals[k];
    if (!p.cue || p.quotes.length > 0 || p.kind === 'direct' || p.continues !== undefined) return undefined;
    const last = p.content[p.content.length - 1];
    if (last.start < p.cue.end) return undefined;
    const next = tokenAtOrAfter(seg, last.end);
    const t = seg.tokens[next];
    // "said this year’s show | had drawn …": a content cut before its own verb runs on through it too
    // (or a "that" whose clause was cut off: "pointed out that | three bridges had been closed")
    const cutBeforeVerb = t !== undefined && !holdsVerb(seg, last.start, last.end) &&
      ((t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.lower) ||
        // "said talks | with the agent began last week": a subject cut before its modifier
        (seg.tokens[tokenAtOrAfter(seg, last.start)]?.lower === 'that' || t.pos === 'ADP' && t.lower !== 'that') && holdsVerb(seg, t.start, seg.sentences[t.sentence].end));
    if (!t || !CONTINUES.has(t.lower) && !cutBeforeVerb) return undefined;
    const sentence = seg.sentences[t.sentence];
    if (seg.tokens[next - 1]?.sentence !== t.sentence) return undefined;
    let end = sentence.last;
    while (end > next && isPunct(seg.tokens[end - 1], '.!?')) end--;
    if (end - next < (cutBeforeVerb ? 1 : 2)) return undefined;
    for (let i = next; i < end; i++) {
      const x = seg.tokens[i];
      if (STOPS_AT.has(x.lower) && i <= next + 2 && !(cutBeforeVerb && i === next && x.pos === 'AUX')) return undefined;
      // ", officials said." at the end: a trailing source of its own
      if (x.pos === 'VERB' && typeOfCueLemma(x.lemma) === 'statement' && i >= end - 3 && !(cutBeforeVerb && !holdsVerb(seg, t.start, x.start))) return undefined;
    }
    if (!cutBeforeVerb && opensNewSubject(seg, next, end)) return undefined;
    const to = seg.tokens[end - 1].end;
    if (anyStartIn(last.end, to)) return undefined;
    // a content of "that" alone starts at its clause
    const from = last.end - last.start <= 4 && /^that$/i.test(seg.text.slice(last.start, last.end).trim()) ? t.start : last.start;
    const content = [...p.content.slice(0, -1), { start: from, end: to }];
    return { ...p, content, reasons: [...p.reasons, 'content/through-coordination'] };
  };
};

/** Whether [start, end) holds a verb or an auxiliary. */
function holdsVerb(seg: Segmented, start: number, end: number): boolean {
  for (let i = tokenAtOrAfter(seg, start); i < seg.tokens.length && seg.tokens[i].start < end; i++) if (seg.tokens[i].pos === 'VERB' || seg.tokens[i].pos === 'AUX') return true;
  return false;
}

/**
 * Whether the words after the comma open a clause with a subject of its own that is a name or a noun:
 * "…, but instant polls are no measure of votes" is the writer's, not the speaker's. A pronoun subject
 * ("…, but she knows that …") goes on with the speaker's words.
 */
function opensNewSubject(seg: Segmented, next: number, end: number): boolean {
  let i = next;
  while (i < end && CONTINUES.has(seg.tokens[i].lower)) i++;
  const first = seg.tokens[i];
  if (!first || !(first.pos === 'DET' || first.pos === 'NOUN' || first.pos === 'PROPN' || first.pos === 'ADJ' || first.pos === 'NUM')) return false;
  for (let k = i + 1; k < Math.min(end, i + 6); k++) {
    const x = seg.tokens[k];
    if (x.pos === 'VERB' || x.pos === 'AUX') return !/ing$|ed$/.test(x.lower) || x.pos === 'AUX' || k > i + 1;
    if (!(x.pos === 'NOUN' || x.pos === 'PROPN' || x.pos === 'ADJ' || x.pos === 'DET' || x.pos === 'NUM' || x.pos === 'PART')) return false;
  }
  return false;
}
