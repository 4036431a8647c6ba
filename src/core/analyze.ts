/**
 * The pure core's entry point: an article's text in, its analysis out. No file, network, clock or
 * environment access happens here, so the same code runs in Node and in a browser.
 *
 * The stage order is written down once, here:
 *   segment → quotes → times → entities → relays → attribution (rules, learned model) → assembly
 */
import type { Analysis, Diagnostic, DroppedAttribution, TextSpan, TimeExpression } from './analysis.js';
import { ANALYSIS_VERSION } from './analysis-version.js';
import { segment } from './segment/segment.js';
import { findQuotes } from './quotes/find-quotes.js';
import { quoteOfTokens } from './time/quoted-tokens.js';
import { attributeDirectQuotes, type ProposedAttribution } from './attribution/direct-quotes.js';
import { attributeNamingQuotes } from './attribution/naming-quotes.js';
import { attributeReportedSpeech } from './attribution/reported-speech.js';
import { attributeTrailingSources } from './attribution/trailing-source.js';
import { assembleAttributions, dropUnsupported, mergeProposals } from './attribution/assemble.js';
import { refineProposals } from './attribution/refine.js';
import { findSocialPosts } from './relays/social-post.js';
import { findOutletRelays } from './relays/outlet.js';
import { readTimes } from './time/find-times.js';
import { findSaidOn } from './time/said-on.js';
import { findEntities } from './entities/find-entities.js';
import { longSentenceDiagnostics, resolvePronoun } from './entities/pronouns.js';
import { predictAttributions, type AttributionModel, type LearnedAttribution } from './learned/index.js';

/** One article to analyse. */
export interface ArticleInput {
  /** Carried through to the analysis unchanged. */
  readonly id?: string;
  /** The article's text, one paragraph a line. */
  readonly text: string;
  /**
   * Publication date or date-time (ISO 8601, e.g. `2025-11-13`): the reference for relative dates
   * ("Tuesday"). Without it such dates are left out and the analysis carries a
   * `time/no-reference-date` diagnostic.
   */
  readonly publishedAt?: string;
}

/** How the pure core analyses: the model is always given, so a rules-only run is a choice, never an accident. */
export interface AnalyzeOptions {
  /**
   * The learned attribution model (parse its JSON with `parseModel`), or `null` to run the rules only,
   * which finds fewer attributions. In Node, `analyze` from `whosaid` passes the bundled model for you.
   */
  readonly model: AttributionModel | null;
  /** List the candidates the refiners dropped, each with its reason, as `dropped` (off by default). */
  readonly explainDropped?: boolean;
}

/**
 * Analyses one article: who said what, to whom, when, and according to whom. Pure: no I/O, no clock,
 * runs in Node and in a browser. Never throws on content: problems in the text become diagnostics.
 *
 * @example
 * ```ts
 * import { analyze } from 'whosaid/core';
 * const rulesOnly = analyze({ text: '“We are ready,” the mayor said.' }, { model: null });
 * ```
 */
export function analyze(input: ArticleInput, options: AnalyzeOptions): Analysis {
  if (options === undefined || options.model === undefined) {
    throw new TypeError('analyze(input, { model }): pass the attribution model, or { model: null } to run the rules only (in Node, import analyze from "whosaid", which loads the bundled model)');
  }
  const seg = segment(input.text);
  const quoteLayer = findQuotes(seg.text, seg.paragraphs);
  quoteOfTokens(seg, quoteLayer.quotes); // the per-token view later stages read, from the same quotes
  const timeLayer = readTimes(seg, input.publishedAt);
  const times: TimeExpression[] = timeLayer.times;
  const entities = findEntities(seg);
  const posts = findSocialPosts(seg, times);
  const outlets = findOutletRelays(seg);

  const direct = attributeDirectQuotes(seg, quoteLayer.quotes);
  const taken = new Set<number>();
  for (const a of direct) for (const q of a.quotes) taken.add(q);
  const naming = attributeNamingQuotes(seg, quoteLayer.quotes, taken);
  const learned = options.model ? predictAttributions(seg, options.model).map((l) => proposalOf(seg.text, l)) : [];
  const reported = attributeReportedSpeech(seg, quoteLayer.quotes);
  const trailing = attributeTrailingSources(seg, quoteLayer.quotes, [...direct, ...reported]);
  const dropped: DroppedAttribution[] = [];
  const onDrop = options.explainDropped ? (p: ProposedAttribution, reason: string) => dropped.push(droppedOf(seg.text, p, reason)) : undefined;
  const merged = dropUnsupported(mergeProposals([...direct, ...naming, ...reported, ...trailing], learned, outlets.map((o) => o.mention)), quoteLayer.quotes, onDrop);
  const refined = refineProposals(seg, merged);
  const proposals = refined.kept;
  if (onDrop) for (const d of refined.dropped) onDrop(d.proposal, d.reason);
  const attributions = assembleAttributions(proposals, {
    seg, quotes: quoteLayer.quotes, times, entities, posts, outlets,
    saidOn: (cue) => findSaidOn(seg, times, cue),
    resolvePronoun: (tokenIndex) => resolvePronoun(seg, entities, tokenIndex),
  });
  const diagnostics: Diagnostic[] = [...quoteLayer.diagnostics, ...timeLayer.diagnostics, ...longSentenceDiagnostics(seg)];
  return {
    version: ANALYSIS_VERSION,
    ...(input.id !== undefined && { id: input.id }),
    ...(input.publishedAt !== undefined && { publishedAt: input.publishedAt }),
    attributions,
    ...(options.explainDropped && { dropped: dropped.sort((a, b) => a.content[0].start - b.content[0].start) }),
    entities: [...entities.entities],
    times,
    diagnostics,
  };
}

/** A learned attribution as a proposal, its spans carrying their text. */
function proposalOf(text: string, l: LearnedAttribution): ProposedAttribution {
  const proposal: ProposedAttribution = { type: l.type, kind: l.kind, content: l.content, quotes: [], confidence: l.confidence, reasons: l.reasons };
  if (l.source) proposal.source = withText(text, l.source);
  if (l.cue) proposal.cue = withText(text, l.cue);
  return proposal;
}

/** A dropped proposal as the analysis lists it. */
function droppedOf(text: string, p: ProposedAttribution, reason: string): DroppedAttribution {
  const d: DroppedAttribution = {
    type: p.type, content: p.content.map(({ start, end }) => ({ start, end })),
    text: p.content.map((s) => text.slice(s.start, s.end).trim()).join(' '),
  } as DroppedAttribution;
  if (p.source) d.speaker = p.source;
  if (p.cue) d.cue = p.cue;
  d.dropped = reason;
  d.reasons = [...p.reasons];
  return d;
}

function withText(text: string, s: { start: number; end: number }): TextSpan {
  return { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
}
