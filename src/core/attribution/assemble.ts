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
import { cueAndAddressee, type ProposedAttribution } from './direct-quotes.js';

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
  const merged: ProposedAttribution[] = learned.map((l) => ({ ...l, reasons: [...l.reasons] }));
  const taken = new Set<number>();
  const bounds = merged.map((l) => boundsOf(l.content));
  const out: ProposedAttribution[] = [];
  for (const r of rules) {
    let best = -1;
    let bestShare = 0.5;
    const [from, to] = boundsOf(r.content);
    for (let k = 0; k < merged.length; k++) {
      if (taken.has(k) || bounds[k][0] >= to || bounds[k][1] <= from) continue;
      const share = overlapShare(r.content, merged[k].content);
      if (share >= bestShare) [best, bestShare] = [k, share];
    }
    if (best < 0) {
      out.push({ ...r, reasons: [...r.reasons] });
      continue;
    }
    taken.add(best);
    const l = merged[best];
    // Quotation marks are exact: a rule built on them keeps its spans; elsewhere the model's spans, which
    // follow PolNeAR's conventions more closely, stay.
    const ruleWins = r.kind === 'direct' || r.quotes.length > 0 || r.continues !== undefined;
    const [winner, other] = ruleWins ? [{ ...r, reasons: [...r.reasons] }, l] : [l, r];
    const unstated = winner.reasons.includes('speaker/unstated-passive');
    // "Trump told reporters that …, Bloomberg reported": an outlet that carried the words is not their speaker.
    const relayedBy = (span: Span | undefined) => span !== undefined && outlets.some((o) => o.start < span.end && span.start < o.end);
    if (!ruleWins && r.source && relayedBy(winner.source) && !relayedBy(r.source)) {
      winner.source = r.source;
      winner.cue = r.cue;
      winner.reasons.push('relays/outlet-is-no-speaker', 'rules/speaker');
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
  merged.forEach((l, k) => { if (!taken.has(k)) out.push(l); });
  return out;
}

function boundsOf(content: readonly Span[]): [number, number] {
  let from = Infinity;
  let to = -Infinity;
  for (const s of content) {
    if (s.start < from) from = s.start;
    if (s.end > to) to = s.end;
  }
  return [from, to];
}

/** The share of the smaller side's characters that the two contents have in common. */
function overlapShare(a: readonly Span[], b: readonly Span[]): number {
  let common = 0;
  for (const x of a) for (const y of b) common += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  const size = (s: readonly Span[]) => s.reduce((n, x) => n + x.end - x.start, 0);
  const smaller = Math.min(size(a), size(b));
  return smaller > 0 ? common / smaller : 0;
}

/**
 * Drops proposals the text does not support. Attributions inside someone's quote are kept only where the
 * quote reports another speaker's words:
 * "“…Kim said he’s ready…,” Ruiz said" keeps Kim; "“I think we’ll win,” she said" has no second speaker.
 */
export function dropUnsupported(proposals: readonly ProposedAttribution[], quotes: readonly Quote[]): ProposedAttribution[] {
  return proposals.filter((p) => {
    // Unquoted words with neither a cue nor a speaker: nothing in the text attributes them.
    if (!p.cue && !p.source && p.quotes.length === 0 && kindOf(p.content, quotes) === 'indirect') return false;
    if (!p.cue || p.quotes.length > 0) return true;
    const cue = p.cue;
    const inside = quotes.some((q) => q.depth === 0 && q.start < cue.start && cue.end < q.end);
    if (!inside) return true;
    return p.type === 'statement' && p.source !== undefined && !FIRST_AND_SECOND_PERSON.test(p.source.text);
  });
}

const FIRST_AND_SECOND_PERSON = /^(i|we|you|us|me)$/i;

export function assembleAttributions(proposals: readonly ProposedAttribution[], layers: AssemblyLayers): Attribution[] {
  const { seg } = layers;
  const order = proposals.map((p, i) => i).sort((a, b) => proposals[a].content[0].start - proposals[b].content[0].start || a - b);
  const idOf = new Map<number, string>(order.map((p, k) => [p, `a${k + 1}`]));
  const entityById = new Map(layers.entities.entities.map((e) => [e.id, e]));
  const speakers = new Map<number, Attribution['speaker']>();

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

  const out: Attribution[] = [];
  for (const p of order) {
    const proposal = proposals[p];
    const speaker = speakerOf(p);
    const relays: Relay[] = [];
    const within = containingQuote(proposal, p, proposals);
    if (within !== undefined) {
      const outer = speakerOf(within);
      relays.push({ kind: 'quote', name: outer.name ?? outer.mention?.text ?? 'unknown', ...(outer.entity && { entity: outer.entity }) });
    }
    for (const post of layers.posts) {
      if (proposal.content.every((s) => s.start >= post.body.start && s.end <= post.body.end)) {
        relays.push({ kind: 'social-post', name: post.author, handle: post.handle, ...(post.date && { on: post.date }), ...(post.url && { url: post.url }) });
      }
    }
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
    const addressee = proposal.addressee ?? (proposal.cue ? addresseeAfter(seg, proposal.cue) : undefined);
    const saidOn = proposal.cue ? dateOfCue(proposal.cue, layers, proposal.content) : undefined;
    // Rules that worked from the quotation marks know the kind; otherwise the marks inside the content decide.
    const kind = proposal.quotes.length > 0 ? proposal.kind : kindOf(proposal.content, layers.quotes);
    out.push({
      id: idOf.get(p)!,
      type: proposal.type,
      kind,
      content: kind === 'mixed' && mostlyQuoted(proposal.content, layers.quotes) ? splitAtQuotes(proposal.content, layers.quotes) : proposal.content.map(({ start, end }) => ({ start, end })),
      text: textOf(seg.text, proposal.content),
      speaker,
      ...(proposal.cue && { cue: proposal.cue }),
      ...(addressee && { addressee: withEntity(addressee, layers) }),
      ...(relays.length > 0 && { relays }),
      ...(within !== undefined && { within: idOf.get(within)! }),
      ...(saidOn && { saidOn }),
      confidence: round(proposal.confidence),
      reasons: proposal.reasons,
    });
  }
  return out;
}

function resolveSpeaker(mention: TextSpan, layers: AssemblyLayers, entityById: ReadonlyMap<string, Entity>): Attribution['speaker'] {
  const { seg } = layers;
  const [first, last] = tokensWithin(seg, mention.start, mention.end);
  let entity: string | undefined;
  if (last - first === 1 && PRONOUNS.has(seg.tokens[first].lower)) entity = layers.resolvePronoun(first);
  else entity = layers.entities.entityAt(mention.start, mention.end);
  const found = entity !== undefined ? entityById.get(entity) : undefined;
  return { mention, ...(found && { entity: found.id, name: found.name }) };
}

/** The proposal whose direct quote holds this one's cue: a quote inside a quote. */
function containingQuote(proposal: ProposedAttribution, self: number, proposals: readonly ProposedAttribution[]): number | undefined {
  const cue = proposal.cue;
  if (!cue) return undefined;
  for (let k = 0; k < proposals.length; k++) {
    if (k === self || proposals[k].quotes.length === 0 || proposals[k].kind !== 'direct') continue;
    if (proposals[k].content.some((s) => s.start < cue.start && cue.end <= s.end)) return k;
  }
  return undefined;
}

function addresseeAfter(seg: Segmented, cue: TextSpan): TextSpan | undefined {
  const c = tokenAtOrAfter(seg, cue.start);
  const token = seg.tokens[c];
  if (!token) return undefined;
  return cueAndAddressee(seg, c, seg.sentences[token.sentence].last).addressee;
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
  let quoted = false;
  let whole = true;
  for (const s of content) {
    const inner = quotes.filter((q) => q.depth === 0 && q.start >= s.start - 1 && q.end <= s.end + 1);
    if (inner.length) quoted = true;
    if (!inner.some((q) => q.start <= s.start + 1 && q.end >= s.end - 1)) whole = false;
  }
  return whole && quoted ? 'direct' : quoted ? 'mixed' : 'indirect';
}

/** Whether quoted words make up at least 40% of a content: "noted that the plan “needs much more work.”" */
function mostlyQuoted(content: readonly Span[], quotes: readonly Quote[]): boolean {
  let quoted = 0;
  let all = 0;
  for (const s of content) {
    all += s.end - s.start;
    for (const q of quotes) if (q.depth === 0) quoted += Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start));
  }
  return all > 0 && quoted / all >= 0.4;
}

/**
 * A mixed quote's content in segments that tell the quoted words from the paraphrase:
 * "that the plan “needs work” before May" → "that the plan ", "“needs work”", " before May".
 */
export function splitAtQuotes(content: readonly Span[], quotes: readonly Quote[]): Span[] {
  const out: Span[] = [];
  for (const s of content) {
    let at = s.start;
    for (const q of quotes) {
      if (q.depth > 0 || q.end <= at || q.start >= s.end) continue;
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
  return content.map((s) => unquote(text.slice(s.start, s.end).trim().replace(/^that\s+/i, ''))).join(' ');
}

/** Drops a segment's enclosing quotation marks, and only enclosing ones: "“We won,”" → "We won,". */
function unquote(segment: string): string {
  const m = /^(?:[“"«]|'')([\s\S]*?)(?:[”"»]|'')$/.exec(segment);
  return m && !/[“”"«»]/.test(m[1]) ? m[1] : segment;
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
