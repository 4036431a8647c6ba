/**
 * Assembly: the proposals of the rules and of the learned model become the analysis's attributions.
 * Rules win where they hold (a direct quote's exact marks and its speaker pattern); the model adds what
 * the rules do not see (indirect and mixed speech, beliefs, intentions…). Then every attribution gets
 * its speaker resolved to an entity, its addressee, the relays that carried it (outlet, social post, or
 * a speaker quoting another) and the date it was said.
 */
import type { Attribution, Entity, Relay, Span, TextSpan, TimeExpression, QuoteKind } from '../analysis.js';
import type { Quote } from '../quotes/find-quotes.js';
import type { OutletRelay } from '../relays/outlet.js';
import type { SocialPost } from '../relays/social-post.js';
import type { Segmented } from '../segment/segment.js';
import { tokenAtOrAfter, tokensWithin } from '../segment/lookup.js';
import { addresseeOfCue, type ProposedAttribution } from './direct-quotes.js';
import { firstTopQuoteEndingAfter, topQuoteBefore, topQuotes } from './top-quotes.js';
import { partitionPoint } from '../sorted.js';
import { speakerEntity } from './speaker-entity.js';
import { nameLaterSpeakers } from './named-later.js';
import { SUBJECT_PAST_ASIDE } from './reported-speech.js';
import { HEADLINE_SOURCE_AFTER } from './trailing-source.js';

export interface EntityLookup {
  readonly entities: readonly Entity[];
  entityAt(start: number, end: number): string | undefined;
}

export interface AssemblyLayers {
  readonly seg: Segmented;
  readonly quotes: readonly Quote[];
  readonly times: readonly TimeExpression[];
  readonly entities: EntityLookup;
  readonly posts: readonly SocialPost[];
  readonly outlets: readonly OutletRelay[];
  /** The time expression that dates a cue's clause. */
  saidOn(cue: Span): TimeExpression | undefined;
  /** The entity a pronoun token refers to. */
  resolvePronoun(tokenIndex: number): string | undefined;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them', 'who']);

/**
 * Merges rule and learned proposals. Where both found the same words, one proposal stays: it keeps its
 * spans and takes a missing speaker, cue or addressee from the other. What only one side found stays too.
 */
export function mergeProposals(rules: readonly ProposedAttribution[], learned: readonly ProposedAttribution[], outlets: readonly Span[] = []): ProposedAttribution[] {
  const merged: ProposedAttribution[] = learned.map(editableCopy);
  // The learned proposals' bounds and taken flags sit in flat arrays, and an index over their bounds
  // finds the ones a rule's words overlap without looking at every one.
  const taken = new Uint8Array(merged.length);
  const froms = new Float64Array(merged.length);
  const tos = new Float64Array(merged.length);
  for (let k = 0; k < merged.length; k++) {
    froms[k] = startOf(merged[k].content);
    tos[k] = endOf(merged[k].content);
  }
  const byStart = overlapIndex(froms, tos);
  const candidates: number[] = [];
  const out: ProposedAttribution[] = [];
  for (const r of rules) {
    let best = -1;
    let bestShare = 0.5;
    const from = startOf(r.content);
    const to = endOf(r.content);
    const words = measured(r.content);
    overlapping(byStart, froms, tos, from, to, candidates);
    for (const k of candidates) {
      if (taken[k] === 1 || nestedIn(merged[k], r)) continue;
      const share = overlapShare(words, merged[k].content);
      if (share >= bestShare) {
        best = k;
        bestShare = share;
      }
    }
    if (best < 0) {
      out.push(editableCopy(r));
      continue;
    }
    taken[best] = 1;
    const l = merged[best];
    // Quotation marks are exact: a rule built on them keeps its spans; elsewhere the model's spans, which
    // follow PolNeAR's conventions more closely, stay.
    const ruleWins = r.kind === 'direct' || r.quotes.length > 0 || r.continues !== undefined;
    const winner = ruleWins ? editableCopy(r) : l;
    const other = ruleWins ? l : r;
    const unstated = winner.reasons.includes('speaker/unstated-passive');
    // "Trump told reporters that …, Bloomberg reported": an outlet that carried the words is not their speaker.
    if (!ruleWins && r.source && relayedBy(winner.source, outlets) && !relayedBy(r.source, outlets)) {
      winner.source = r.source;
      winner.cue = r.cue;
      winner.reasons.push('relays/outlet-is-no-speaker', 'rules/speaker');
    } else if (!ruleWins && r.source && r.cue && r.reasons.includes(SUBJECT_PAST_ASIDE) && winner.source && winner.source.start > r.source.start && winner.source.end <= r.cue.start) {
      // "Dube, speaking on a call with analysts, said …", "A nurse injured in the collision testified …": the
      // model's source lies after the start of the subject the rule read and before the cue, inside an aside
      // or a modifier of that subject, so it cannot be the cue's subject.
      winner.source = r.source;
      winner.reasons.push('rules/agree', 'rules/speaker');
      winner.confidence = Math.min(1, Math.max(winner.confidence, other.confidence) + 0.05);
    } else if (!winner.source && other.source && winner.continues === undefined && !unstated) {
      winner.source = other.source;
      winner.cue ??= other.cue;
      winner.reasons.push(ruleWins ? 'learned/speaker' : 'rules/speaker');
    } else {
      winner.reasons.push(ruleWins ? 'learned/agrees' : 'rules/agree');
      winner.confidence = Math.min(1, Math.max(winner.confidence, other.confidence) + 0.05);
    }
    winner.addressee ??= other.addressee;
    out.push(winner);
  }
  for (let k = 0; k < merged.length; k++) if (taken[k] === 0) out.push(merged[k]);
  return out;
}

/**
 * "Residents want more time, councillor says": in a headline's words before its trailing speaker, a
 * learned belief or intention whose cue lies inside them ("want") is an attribution nested in them, not
 * the same one, however much of the words they share.
 */
function nestedIn(learned: ProposedAttribution, rule: ProposedAttribution): boolean {
  const cue = learned.cue;
  if (cue === undefined || rule.cue === undefined || learned.type === 'statement' || !rule.reasons.includes(HEADLINE_SOURCE_AFTER)) return false;
  return rule.content.some((s) => s.start <= cue.start && cue.end <= s.end);
}

/**
 * A copy of a proposal that the merge may edit. Every field is present, set or undefined, so all merged
 * proposals share one object shape and the reads of assembly stay fast.
 */
function editableCopy(p: ProposedAttribution): ProposedAttribution {
  return {
    type: p.type, kind: p.kind, content: p.content, source: p.source, cue: p.cue, addressee: p.addressee,
    quotes: p.quotes, continues: p.continues, confidence: p.confidence, reasons: [...p.reasons],
  };
}

/** Whether a span overlaps an outlet that carried the words. */
function relayedBy(span: Span | undefined, outlets: readonly Span[]): boolean {
  if (span === undefined) return false;
  for (const o of outlets) if (o.start < span.end && span.start < o.end) return true;
  return false;
}

function startOf(content: readonly Span[]): number {
  let from = Infinity;
  for (const s of content) if (s.start < from) from = s.start;
  return from;
}

function endOf(content: readonly Span[]): number {
  let to = -Infinity;
  for (const s of content) if (s.end > to) to = s.end;
  return to;
}

function sizeOf(content: readonly Span[]): number {
  let n = 0;
  for (const x of content) n += x.end - x.start;
  return n;
}

/** A content with what the overlap share asks of it worked out once: its size, and its spans by start if they do not overlap. */
interface Measured {
  readonly spans: readonly Span[];
  readonly size: number;
  /** The spans in order of start, or undefined where two of them overlap. */
  readonly sorted?: readonly Span[];
}

function measured(content: readonly Span[]): Measured {
  const sorted = [...content].sort((x, y) => x.start - y.start);
  let disjoint = true;
  for (let k = 1; k < sorted.length && disjoint; k++) if (sorted[k].start < sorted[k - 1].end) disjoint = false;
  return { spans: content, size: sizeOf(content), ...(disjoint && { sorted }) };
}

/**
 * The share of the smaller side's characters that the two contents have in common. A quote over many
 * paragraphs has a span per paragraph: each span of `b` meets only the spans of `a` its bounds reach,
 * found by binary search.
 */
function overlapShare(a: Measured, b: readonly Span[]): number {
  let common = 0;
  if (a.sorted) {
    const spans = a.sorted;
    for (const y of b) {
      for (let k = Math.max(0, partitionPoint(spans, (x) => x.end <= y.start)); k < spans.length && spans[k].start < y.end; k++) {
        const x = spans[k];
        common += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
      }
    }
  } else {
    for (const x of a.spans) for (const y of b) common += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  }
  const smaller = Math.min(a.size, sizeOf(b));
  return smaller > 0 ? common / smaller : 0;
}

/** Interval look-up over [froms[k], tos[k]): the indices by start, and the furthest end so far in that order. */
interface OverlapIndex {
  readonly order: Int32Array;
  readonly reach: Float64Array;
}

function overlapIndex(froms: Float64Array, tos: Float64Array): OverlapIndex {
  const order = Int32Array.from(froms.keys()).sort((x, y) => froms[x] - froms[y] || x - y);
  const reach = new Float64Array(order.length);
  let furthest = -Infinity;
  for (let j = 0; j < order.length; j++) reach[j] = furthest = Math.max(furthest, tos[order[j]]);
  return { order, reach };
}

/**
 * Writes into `out`, in increasing index order, every k whose [froms[k], tos[k]) overlaps [from, to).
 * It walks back from the last interval starting before `to` and stops where no earlier one reaches `from`.
 */
function overlapping(index: OverlapIndex, froms: Float64Array, tos: Float64Array, from: number, to: number, out: number[]): void {
  out.length = 0;
  const { order, reach } = index;
  for (let j = partitionPoint(order, (k) => froms[k] < to) - 1; j >= 0 && reach[j] > from; j--) {
    const k = order[j];
    if (tos[k] > from) out.push(k);
  }
  out.sort((x, y) => x - y);
}

/**
 * Drops proposals the text does not support. Attributions inside someone's quote are kept only where the
 * quote reports another speaker's words:
 * "“…Kim said he’s ready…,” Ruiz said" keeps Kim; "“I think we’ll win,” she said" has no second speaker.
 */
export function dropUnsupported(proposals: readonly ProposedAttribution[], quotes: readonly Quote[], onDrop?: (p: ProposedAttribution, reason: string) => void): ProposedAttribution[] {
  const top = topQuotes(quotes);
  return proposals.filter((p) => {
    const reason = unsupported(p);
    if (reason && onDrop) onDrop(p, reason);
    return reason === undefined;
  });

  function unsupported(p: ProposedAttribution): string | undefined {
    // Unquoted words with neither a cue nor a speaker: nothing in the text attributes them.
    if (!p.cue && !p.source && p.quotes.length === 0 && kindOf(p.content, quotes) === 'indirect') return 'unsupported/no-cue-no-speaker';
    if (!p.cue || p.quotes.length > 0) return undefined;
    const around = topQuoteBefore(top, p.cue.start);
    if (!around || p.cue.end >= around.end) return undefined;
    return p.type === 'statement' && p.source !== undefined && !FIRST_AND_SECOND_PERSON.test(p.source.text) ? undefined : 'unsupported/speakers-own-thought';
  }
}

const FIRST_AND_SECOND_PERSON = /^(i|we|you|us|me)$/i;

export function assembleAttributions(proposals: readonly ProposedAttribution[], layers: AssemblyLayers): Attribution[] {
  const { seg } = layers;
  const starts = proposals.map((p) => p.content[0].start);
  const order = proposals.map((p, i) => i).sort((a, b) => starts[a] - starts[b] || a - b);
  const idOf: string[] = new Array(proposals.length);
  for (let k = 0; k < order.length; k++) idOf[order[k]] = `a${k + 1}`;
  const entityById = new Map<string, Entity>();
  for (const e of layers.entities.entities) entityById.set(e.id, e);
  const speakers = new Map<number, Attribution['speaker']>();
  // Only direct proposals built on quotation marks can hold another proposal's cue.
  const quoting: number[] = [];
  for (let k = 0; k < proposals.length; k++) if (proposals[k].quotes.length > 0 && proposals[k].kind === 'direct') quoting.push(k);
  const holders = quoteHolders(proposals, quoting);

  const speakerOf = (p: number): Attribution['speaker'] => {
    const known = speakers.get(p);
    if (known) return known;
    const proposal = proposals[p];
    let speaker: Attribution['speaker'] = {};
    if (proposal.continues !== undefined) {
      // A follow-on quote's speaker is named by the mention of the quote it follows, as PolNeAR marks it.
      speaker = speakerOf(proposal.continues);
    } else if (proposal.source) {
      speaker = resolveSpeaker(proposal.source, layers, entityById);
    }
    speakers.set(p, speaker);
    return speaker;
  };

  // Descriptions the article names later ("A construction foreman told …" then "Reggie Castillo, 52,
  // said"; a headline's "host says"): their speaker is the person named there.
  for (const p of order) speakerOf(p);
  const later = nameLaterSpeakers(seg, proposals.map((p, k) => ({ content: p.content, cue: p.cue, mention: proposals[k].continues === undefined ? speakers.get(k)?.mention : undefined, entity: speakers.get(k)?.entity })), layers.entities.entities);
  if (later.some((e) => e !== undefined)) {
    for (let k = 0; k < proposals.length; k++) {
      const entity = later[k] !== undefined ? entityById.get(later[k]!) : undefined;
      const mention = speakers.get(k)?.mention;
      if (entity && mention) speakers.set(k, { mention, entity: entity.id, name: entity.name });
    }
    for (let k = 0; k < proposals.length; k++) if (proposals[k].continues !== undefined) speakers.delete(k);
    for (const p of order) speakerOf(p);
  }

  const out: Attribution[] = [];
  for (const p of order) {
    const proposal = proposals[p];
    const speaker = speakerOf(p);
    const relays: Relay[] = [];
    const within = containingQuote(proposal, p, proposals, quoting, holders);
    if (within !== undefined) {
      const outer = speakerOf(within);
      const relay: Relay = { kind: 'quote', name: outer.name ?? outer.mention?.text ?? 'unknown' };
      if (outer.entity) relay.entity = outer.entity;
      relays.push(relay);
    }
    for (const post of layers.posts) {
      if (proposal.content.every((s) => s.start >= post.body.start && s.end <= post.body.end)) {
        relays.push({ kind: 'social-post', name: post.author, handle: post.handle, ...(post.date && { on: post.date }), ...(post.url && { url: post.url }) });
      }
    }
    if (layers.outlets.length > 0) for (const r of outletRelays(proposal, layers)) relays.push(r);
    const addressee = proposal.addressee ?? (proposal.cue ? addresseeAfter(seg, proposal.cue) : undefined);
    const saidOn = proposal.cue ? dateOfCue(proposal.cue, layers, proposal.content) : undefined;
    // Rules that worked from the quotation marks know the kind; otherwise the marks inside the content decide.
    const kind = proposal.quotes.length > 0 ? proposal.kind : kindOf(proposal.content, layers.quotes);
    // Optional fields are set in the order the analysis lists them, so the JSON keeps its key order.
    const attribution: Attribution = {
      id: idOf[p],
      type: proposal.type,
      kind,
      content: kind === 'mixed' && mostlyQuoted(proposal.content, layers.quotes) ? splitAtQuotes(proposal.content, layers.quotes) : proposal.content.map(({ start, end }) => ({ start, end })),
      text: textOf(seg.text, proposal.content),
      speaker,
    } as Attribution;
    if (proposal.cue) attribution.cue = proposal.cue;
    if (addressee) attribution.addressee = withEntity(addressee, layers);
    if (relays.length > 0) attribution.relays = relays;
    if (within !== undefined) attribution.within = idOf[within];
    if (saidOn) attribution.saidOn = saidOn;
    attribution.confidence = round(proposal.confidence);
    attribution.reasons = proposal.reasons;
    out.push(attribution);
  }
  return out;
}

/** The outlets that carried a proposal's words: named in its cue's sentence, after its cue, and not its speaker. */
function outletRelays(proposal: ProposedAttribution, layers: AssemblyLayers): Relay[] {
  const { seg } = layers;
  const relays: Relay[] = [];
  const cueSentence = proposal.cue ? seg.tokens[tokenAtOrAfter(seg, proposal.cue.start)]?.sentence : undefined;
  for (const outlet of layers.outlets) {
    if (outlet.sentence !== cueSentence || !proposal.source || !proposal.cue || proposal.cue.start >= outlet.clause.start) continue;
    if (proposal.source.start >= outlet.mention.start && proposal.source.end <= outlet.mention.end) continue;
    const on = layers.saidOn(outlet.cue);
    relays.push({
      kind: 'outlet', name: outlet.mention.text.replace(/^the\s+/i, ''), mention: outlet.mention, cue: outlet.cue,
      ...(layers.entities.entityAt(outlet.mention.start, outlet.mention.end) && { entity: layers.entities.entityAt(outlet.mention.start, outlet.mention.end) }),
      ...(on && { on: on.value.slice(0, 10) }),
    });
  }
  return relays;
}

function resolveSpeaker(mention: TextSpan, layers: AssemblyLayers, entityById: ReadonlyMap<string, Entity>): Attribution['speaker'] {
  const { seg } = layers;
  const [first, last] = tokensWithin(seg, mention.start, mention.end);
  let entity: string | undefined;
  if (last - first === 1 && PRONOUNS.has(seg.tokens[first].lower)) entity = layers.resolvePronoun(first);
  else entity = speakerEntity(seg, mention, layers.entities, entityById);
  const found = entity !== undefined ? entityById.get(entity) : undefined;
  return found ? { mention, entity: found.id, name: found.name } : { mention };
}

/**
 * The segments of the quoting proposals, by start (the longer first on a tie), each with the segment
 * it lies in. Quote segments nest or stay apart, so the segments holding a point are one chain of
 * parents, as deep as quotes nest; where two segments cross, `nested` is false and look-ups scan.
 */
interface QuoteHolders {
  readonly segments: readonly { readonly start: number; readonly end: number; readonly k: number }[];
  readonly parent: Int32Array;
  readonly nested: boolean;
}

function quoteHolders(proposals: readonly ProposedAttribution[], quoting: readonly number[]): QuoteHolders {
  const segments = quoting.flatMap((k) => proposals[k].content.map((s) => ({ start: s.start, end: s.end, k })));
  segments.sort((x, y) => x.start - y.start || y.end - x.end || x.k - y.k);
  const parent = new Int32Array(segments.length).fill(-1);
  const open: number[] = [];
  let nested = true;
  for (let j = 0; j < segments.length; j++) {
    const s = segments[j];
    while (open.length > 0 && segments[open[open.length - 1]].end <= s.start) open.pop();
    if (open.length > 0) {
      if (s.end > segments[open[open.length - 1]].end) nested = false;
      parent[j] = open[open.length - 1];
    }
    open.push(j);
  }
  return { segments, parent, nested };
}

/** The proposal whose direct quote holds this one's cue: a quote inside a quote; the first in `quoting` order. */
function containingQuote(proposal: ProposedAttribution, self: number, proposals: readonly ProposedAttribution[], quoting: readonly number[], holders: QuoteHolders): number | undefined {
  const cue = proposal.cue;
  if (!cue) return undefined;
  if (!holders.nested) {
    for (const k of quoting) {
      if (k === self) continue;
      for (const s of proposals[k].content) if (s.start < cue.start && cue.end <= s.end) return k;
    }
    return undefined;
  }
  // every segment that holds the cue holds the last one starting before it, or is that one
  const { segments, parent } = holders;
  let j = partitionPoint(segments, (s) => s.start < cue.start) - 1;
  while (j >= 0 && segments[j].end < cue.end) j = parent[j];
  let first: number | undefined;
  for (; j >= 0; j = parent[j]) {
    const k = segments[j].k;
    if (k !== self && (first === undefined || k < first)) first = k;
  }
  return first;
}

function addresseeAfter(seg: Segmented, cue: TextSpan): TextSpan | undefined {
  const c = tokenAtOrAfter(seg, cue.start);
  const token = seg.tokens[c];
  if (!token) return undefined;
  return addresseeOfCue(seg, c, seg.sentences[token.sentence].last);
}

function withEntity(addressee: TextSpan, layers: AssemblyLayers) {
  const entity = layers.entities.entityAt(addressee.start, addressee.end);
  return entity ? { ...addressee, entity } : addressee;
}

/** The date said: a time expression in the cue's clause, not one inside the words themselves. */
function dateOfCue(cue: Span, layers: AssemblyLayers, content: readonly Span[]): string | undefined {
  const t = layers.saidOn(cue);
  if (!t || content.some((s) => t.start >= s.start && t.end <= s.end)) return undefined;
  return t.value.slice(0, 10);
}

/**
 * Direct when the content is wholly quoted, mixed when it holds a quote, else indirect. A quote that
 * holds the content (reported speech inside someone's quote) does not make it direct.
 */
export function kindOf(content: readonly Span[], quotes: readonly Quote[]): QuoteKind {
  const top = topQuotes(quotes);
  let quoted = false;
  let whole = true;
  for (const s of content) {
    let inner = false;
    let holds = false;
    // A quote that ends by s.start - 1 starts before it too; one that starts past s.end + 1 ends past it too.
    for (let k = firstTopQuoteEndingAfter(top, s.start - 1); k < top.length && top[k].start <= s.end + 1; k++) {
      const q = top[k];
      if (q.start < s.start - 1 || q.end > s.end + 1) continue;
      inner = true;
      if (q.start <= s.start + 1 && q.end >= s.end - 1) holds = true;
    }
    if (inner) quoted = true;
    if (!holds) whole = false;
  }
  return whole && quoted ? 'direct' : quoted ? 'mixed' : 'indirect';
}

/** Whether quoted words make up at least 40% of a content: "noted that the plan “needs much more work.”" */
function mostlyQuoted(content: readonly Span[], quotes: readonly Quote[]): boolean {
  const top = topQuotes(quotes);
  let quoted = 0;
  let all = 0;
  for (const s of content) {
    all += s.end - s.start;
    for (let k = firstTopQuoteEndingAfter(top, s.start); k < top.length && top[k].start < s.end; k++) {
      quoted += Math.min(top[k].end, s.end) - Math.max(top[k].start, s.start);
    }
  }
  return all > 0 && quoted / all >= 0.4;
}

/**
 * A mixed quote's content in segments that tell the quoted words from the paraphrase:
 * "that the plan “needs work” before May" → "that the plan ", "“needs work”", " before May".
 */
export function splitAtQuotes(content: readonly Span[], quotes: readonly Quote[]): Span[] {
  const out: Span[] = [];
  const top = topQuotes(quotes);
  for (const s of content) {
    let at = s.start;
    for (let k = firstTopQuoteEndingAfter(top, at); k < top.length && top[k].start < s.end; k++) {
      const q = top[k];
      if (q.end <= at) continue;
      const qs = Math.max(q.start, at);
      const qe = Math.min(q.end, s.end);
      if (qs > at) pushTrimmed(out, at, qs);
      pushTrimmed(out, qs, qe);
      at = qe;
    }
    if (at < s.end) pushTrimmed(out, at, s.end);
  }
  return out;

  function pushTrimmed(list: Span[], start: number, end: number) {
    if (end > start) list.push({ start, end });
  }
}

function textOf(text: string, content: readonly Span[]): string {
  let out = '';
  for (let k = 0; k < content.length; k++) {
    if (k > 0) out += ' ';
    out += unquote(text.slice(content[k].start, content[k].end).trim().replace(/^that\s+/i, ''));
  }
  return out;
}

/** Drops a segment's enclosing quotation marks, and only enclosing ones: "“We won,”" → "We won,". */
function unquote(segment: string): string {
  const m = /^(?:[“"«]|'')([\s\S]*?)(?:[”"»]|'')$/.exec(segment);
  return m && !/[“”"«»]/.test(m[1]) ? m[1] : segment;
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
