/**
 * Reported speech whose source comes after the words, or opens the sentence with "according to":
 *
 *   "The bridge will open in May, officials said."          content: The bridge will open in May
 *   "The vote was delayed, said Ana Ruiz, the clerk."       source: Ana Ruiz
 *   "Costs doubled last year, according to the audit."      cue: according to
 *   "According to the audit, costs doubled last year."
 *
 * When the words before the comma already carry their own speaker ("Ruiz said …, the Ledger reported"),
 * the trailing name is a relay, not a source, and the relay stage handles it.
 */
import { partitionPoint } from '../sorted.js';
import type { Span } from '../analysis.js';
import type { Quote } from '../quotes/find-quotes.js';
import type { Segmented, Token } from '../segment/segment.js';
import { isPunct, spanOfTokens } from '../segment/lookup.js';
import { typeOfCueLemma } from './cue-lexicon.js';
import type { ProposedAttribution } from './direct-quotes.js';
import { nounPhraseStartingAt } from './noun-phrase.js';
import { cueSpan } from './cue-span.js';
import { insideTopQuote, topQuotes } from './top-quotes.js';
import { commaTokens, firstCommaFrom } from './commas.js';

/** Words that may follow a trailing cue to the sentence's end: ", officials said in a statement Tuesday". */
const TRAILING_WORDS = new Set(['on', 'early', 'late', 'last', 'this', 'today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'in', 'a', 'an', 'the', 'statement', 'interview', 'week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'recently', 'earlier', 'later', 'privately', 'publicly']);
/** Words that may stand between a trailing source and its cue: "officials also said". */
const BEFORE_CUE = new Set(['also', 'later', 'have', 'has', 'had', 'then', 'previously', 'reportedly']);

export function attributeTrailingSources(seg: Segmented, quotes: readonly Quote[], existing: readonly ProposedAttribution[]): ProposedAttribution[] {
  const out: ProposedAttribution[] = [];
  const top = topQuotes(quotes);
  const found = indexFound(existing);
  for (const s of seg.sentences) {
    let end = s.last;
    while (end > s.first && isPunct(seg.tokens[end - 1], '.!?')) end--;
    const leading = leadingAccordingTo(seg, s.first, end);
    if (leading) {
      const content = { start: seg.tokens[leading.contentFirst].start, end: seg.tokens[end - 1].end };
      if (!covered(content, found)) out.push(proposal(content, leading.source, leading.cue, 'indirect/according-to-leading'));
      continue;
    }
    const aside = parentheticalSource(seg, s.first, end, top);
    // "…, the company said Tuesday, blaming a slowdown": a participle after the source opens no second part
    // of the words; the source trails the words before it (below)
    if (aside && !isParticiple(seg.tokens[aside.close + 1])) {
      const content = [
        { start: seg.tokens[afterDateline(seg, s.first, aside.open)].start, end: seg.tokens[aside.open - 1].end },
        { start: seg.tokens[aside.close + 1].start, end: seg.tokens[end - 1].end },
      ];
      if (!content.some((c) => covered(c, found) || hasCueInside(c, found))) {
        out.push({ type: 'statement', kind: 'indirect', content, source: aside.source, cue: aside.cue, quotes: [], confidence: 0.7, reasons: ['indirect/source-parenthetical'] });
        continue;
      }
    }
    let comma = lastCommaOutsideQuotes(seg, s.first, end, top);
    if (comma <= s.first + 2) continue;
    let tail = trailingSource(seg, comma + 1, end);
    // "…, the company said Tuesday, blaming a slowdown in shipping.": a participle's clause after the source
    if (!tail && isParticiple(seg.tokens[comma + 1])) {
      const before = lastCommaOutsideQuotes(seg, s.first, comma, top);
      if (before > s.first + 2) {
        tail = trailingSource(seg, before + 1, comma);
        if (tail) comma = before;
      }
    }
    if (!tail) continue;
    const content = { start: seg.tokens[afterDateline(seg, s.first, comma)].start, end: seg.tokens[comma - 1].end };
    // "Residents want more time, councillor says": in a headline, a belief's or intention's verb inside the
    // words is part of what the trailing source said, not a speaker of its own; another statement's cue is
    const headline = end === s.last && isHeadline(seg, s);
    if (covered(content, found) || hasCueInside(content, found, headline)) continue;
    out.push(proposal(content, tail.source, tail.cue, headline ? HEADLINE_SOURCE_AFTER : 'indirect/source-after'));
  }
  return out;
}

/** "blaming", "citing", "adding": a verb's participle in -ing. */
function isParticiple(t: Token | undefined): boolean {
  return t !== undefined && t.pos === 'VERB' && t.lower.endsWith('ing');
}

/** The reason of a headline's trailing source, "Residents want more time, councillor says". */
export const HEADLINE_SOURCE_AFTER = 'indirect/source-after-headline';

/** A line of its own, one sentence with no closing stop: a headline or subhead. */
function isHeadline(seg: Segmented, s: Segmented['sentences'][number]): boolean {
  const p = seg.paragraphs[s.paragraph];
  return seg.tokens[s.first].start === p.start && seg.tokens[s.last - 1].end === p.end;
}

/**
 * "ELMSTEAD — Emergency room waits fell …, according to …": the first token after a dateline (words in
 * capitals and a dash) that opens the sentence, or `first` when there is none. The dateline is no part
 * of the words attributed.
 */
function afterDateline(seg: Segmented, first: number, end: number): number {
  for (let k = first; k < Math.min(end, first + 6); k++) {
    const t = seg.tokens[k];
    if (isPunct(t, '—–')) return k > first && k + 1 < end ? k + 1 : first;
    if (t.text !== ',' && !/^[A-Z][A-Z.'’-]*$/.test(t.text)) return first;
  }
  return first;
}

function relativeClauseStart(seg: Segmented, from: number, end: number): number {
  for (let k = from; k < end - 1; k++) {
    if (isPunct(seg.tokens[k], ',') && /^(who|whose|which|where|more|and|but)$/.test(seg.tokens[k + 1].lower)) return k;
  }
  return end;
}

function proposal(content: Span, source: ProposedAttribution['source'], cue: ProposedAttribution['cue'], reason: string): ProposedAttribution {
  return { type: 'statement', kind: 'indirect', content: [content], source, cue, quotes: [], confidence: 0.7, reasons: [reason] };
}

/** `top`: the top-level quotes. */
function lastCommaOutsideQuotes(seg: Segmented, first: number, end: number, top: readonly Quote[]): number {
  const commas = commaTokens(seg);
  for (let k = firstCommaFrom(commas, end) - 1; k >= 0 && commas[k] > first; k--) {
    if (!insideTopQuote(top, seg.tokens[commas[k]].start, seg.tokens[commas[k]].end)) return commas[k];
  }
  return -1;
}

/** ", officials said" / ", said Ana Ruiz, the clerk" / ", according to the audit" up to the sentence's end. */
function trailingSource(seg: Segmented, a: number, end: number): { source: ProposedAttribution['source']; cue: ProposedAttribution['cue'] } | undefined {
  if (seg.tokens[a]?.lower === 'according' && seg.tokens[a + 1]?.lower === 'to') {
    // "according to an analysis by the city's auditor, a former banker" — the source runs on to the
    // sentence's end, short of a relative clause ("…, whose report …").
    const np = accordingToSourceEnd(seg, a + 2, end);
    if (np < 0) return undefined;
    const stop = relativeClauseStart(seg, np, end);
    return { source: spanOfTokens(seg, a + 2, stop), cue: spanOfTokens(seg, a, a + 2) };
  }
  const t = seg.tokens[a];
  if (t && t.pos === 'VERB' && typeOfCueLemma(t.lemma) === 'statement') {
    const np = nounPhraseStartingAt(seg, a + 1, end);
    if (np > 0 && np === end) return { source: spanOfTokens(seg, a + 1, np), cue: spanOfTokens(seg, a, a + 1) };
    // "says Ana Ruiz, founder of the Harbor Fund." — the description is part of the source.
    if (np > 0 && isPunct(seg.tokens[np], ',')) return { source: spanOfTokens(seg, a + 1, end), cue: spanOfTokens(seg, a, a + 1) };
    return undefined;
  }
  const np = nounPhraseStartingAt(seg, a, end);
  if (np < 0) return undefined;
  let c = np;
  while (c < end && BEFORE_CUE.has(seg.tokens[c].lower)) c++;
  const cue = seg.tokens[c];
  if (!cue || c >= end || cue.pos !== 'VERB' || typeOfCueLemma(cue.lemma) !== 'statement') return undefined;
  for (let k = c + 1; k < end; k++) if (!TRAILING_WORDS.has(seg.tokens[k].lower)) return undefined;
  return { source: spanOfTokens(seg, a, np), cue: cueSpan(seg, c, np) };
}

/** "The plan, Ruiz said, would cost less": a source between two commas inside the words. `top`: the top-level quotes. */
function parentheticalSource(seg: Segmented, first: number, end: number, top: readonly Quote[]) {
  const commas = commaTokens(seg);
  for (let k = firstCommaFrom(commas, first + 1); k < commas.length && commas[k] < end - 3; k++) {
    const open = commas[k];
    if (insideTopQuote(top, seg.tokens[open].start, seg.tokens[open].end)) continue;
    // The closing comma is the next one, at most 12 tokens on and before the sentence's last word.
    const close = k + 1 < commas.length ? commas[k + 1] : end;
    if (close > open + 12 || close >= end - 1) continue;
    const tail = trailingSource(seg, open + 1, close);
    if (tail) return { ...tail, open, close };
  }
  return undefined;
}

/** The most tokens a leading "according to" source runs past its noun phrase to reach its comma. */
const MAX_LEADING_SOURCE = 14;

/**
 * "According to the audit, …": returns the source, the cue and where the content starts. The source
 * runs to the first comma, past its noun phrase's modifiers: "According to data from Statistics
 * Canada, …", "According to a report entered as evidence, …", "According to figures the ministry
 * released, …".
 */
function leadingAccordingTo(seg: Segmented, first: number, end: number) {
  if (seg.tokens[first]?.lower !== 'according' || seg.tokens[first + 1]?.lower !== 'to') return undefined;
  let np = accordingToSourceEnd(seg, first + 2, end);
  if (np < 0) return undefined;
  while (np < end && np < first + 2 + MAX_LEADING_SOURCE && !isPunct(seg.tokens[np], ',;:“"')) np++;
  if (!isPunct(seg.tokens[np], ',') || np + 1 >= end) return undefined;
  return { source: spanOfTokens(seg, first + 2, np), cue: spanOfTokens(seg, first, first + 2), contentFirst: np + 1 };
}

/**
 * One past the source after "according to", which is always a noun phrase: the chunker's, or where the
 * tagger mistakes a noun for a verb ("according to police", police/VERB), the words up to the next comma
 * or the sentence's end, at most eight.
 */
function accordingToSourceEnd(seg: Segmented, from: number, end: number): number {
  const np = nounPhraseStartingAt(seg, from, end);
  if (np >= 0) return np;
  let k = from;
  while (k < end && k < from + 8 && seg.tokens[k].pos !== 'PUNCT') k++;
  return k > from && (k === end || isPunct(seg.tokens[k], ',')) ? k : -1;
}

/** What other rules found, indexed once a text so each sentence's checks are binary searches. */
interface Found {
  /** Every content segment, by start. */
  readonly spans: readonly Span[];
  /** The furthest end among `spans[0..k]`. */
  readonly maxEnd: Int32Array;
  /** Every cue, by start. */
  readonly cues: readonly Span[];
  /** Per cue in `cues`: its attribution is a statement (or has no type). */
  readonly speech: readonly boolean[];
}

function indexFound(existing: readonly ProposedAttribution[]): Found {
  const spans: Span[] = [];
  const typed: [Span, boolean][] = [];
  for (const p of existing) {
    for (const c of p.content) spans.push(c);
    if (p.cue !== undefined) typed.push([p.cue, p.type === undefined || p.type === 'statement']);
  }
  spans.sort((a, b) => a.start - b.start);
  typed.sort((a, b) => a[0].start - b[0].start);
  const cues = typed.map(([c]) => c);
  const speech = typed.map(([, s]) => s);
  const maxEnd = new Int32Array(spans.length);
  for (let k = 0; k < spans.length; k++) maxEnd[k] = Math.max(spans[k].end, k > 0 ? maxEnd[k - 1] : -1);
  return { spans, maxEnd, cues, speech };
}

/** Some span found already holds the content, give or take two characters at each end. */
function covered(content: Span, found: Found): boolean {
  const k = partitionPoint(found.spans, (s) => s.start <= content.start + 2);
  return k > 0 && found.maxEnd[k - 1] >= content.end - 2;
}

/** Some cue found already lies inside the content (with `speechOnly`, the cue of a statement). */
function hasCueInside(content: Span, found: Found, speechOnly = false): boolean {
  for (let k = partitionPoint(found.cues, (c) => c.start < content.start); k < found.cues.length && found.cues[k].start < content.end; k++) {
    if (found.cues[k].end <= content.end && (!speechOnly || found.speech[k])) return true;
  }
  return false;
}
