/**
 * The analysis: whosaid's output contract. Other tools and the project's scorer read it, so every
 * field here is part of the public format; `ANALYSIS_VERSION` changes when it does. The JSON Schema in
 * `schema/analysis.schema.json` is generated from these definitions (`npm run schema`).
 *
 * Offsets are half-open [start, end) in UTF-16 code units (JavaScript string indices) into the analysed
 * text: the input text, or `text` where the analysed text differs from the input.
 */
import { z } from 'zod';

/** The analysis format's version (semver); it changes when a field of the format does. */
export { ANALYSIS_VERSION } from './analysis-version.js';

/** A half-open range `[start, end)` in UTF-16 code units (JavaScript string indices) of the analysed text. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
/** The plain data the `Span` schema describes. */
export type Span = z.infer<typeof Span>;

/** A span with the text it covers. */
export const TextSpan = Span.extend({ text: z.string() });
/** The plain data the `TextSpan` schema describes. */
export type TextSpan = z.infer<typeof TextSpan>;

/** What is attributed: a statement, or a belief, intention, attitude, decree, perception or evidence. */
export const AttributionType = z.enum(['statement', 'belief', 'intention', 'attitude', 'decree', 'perception', 'evidence']);
/** The plain data the `AttributionType` schema describes. */
export type AttributionType = z.infer<typeof AttributionType>;

/** How the words are reported: `direct` (in quotation marks), `indirect` (paraphrased) or `mixed`. */
export const QuoteKind = z.enum(['direct', 'indirect', 'mixed']);
/** The plain data the `QuoteKind` schema describes. */
export type QuoteKind = z.infer<typeof QuoteKind>;

/** Who the words are attributed to; empty when the text names no one (an unknown speaker is an answer). */
export const Speaker = z.object({
  /** The words that name the speaker at this attribution. */
  mention: TextSpan.optional(),
  /** The entity the mention refers to (an id in `entities`). */
  entity: z.string().optional(),
  /** The entity's fullest name in the article. */
  name: z.string().optional(),
});
/** The plain data the `Speaker` schema describes. */
export type Speaker = z.infer<typeof Speaker>;

/** Whom the words were said to ("told reporters"). */
export const Addressee = TextSpan.extend({ entity: z.string().optional() });
/** The plain data the `Addressee` schema describes. */
export type Addressee = z.infer<typeof Addressee>;

/** Who carried the words to this text: an outlet, an embedded social post, or a speaker quoting another. */
export const Relay = z.object({
  /** `outlet`: a publication that carried the words; `social-post`: an embedded post; `quote`: a speaker quoting another. */
  kind: z.enum(['outlet', 'social-post', 'quote']),
  name: z.string(),
  mention: TextSpan.optional(),
  entity: z.string().optional(),
  handle: z.string().optional(),
  /** ISO date (YYYY-MM-DD) the relay published the words, where the text says it. */
  on: z.string().optional(),
  url: z.string().optional(),
  cue: TextSpan.optional(),
});
/** The plain data the `Relay` schema describes. */
export type Relay = z.infer<typeof Relay>;

/** One attributed statement (or belief, intention…): its content, speaker, cue, addressee, relays, date, confidence and reasons. */
export const Attribution = z.object({
  id: z.string(),
  type: AttributionType,
  kind: QuoteKind,
  content: z.array(Span).min(1),
  /** The attributed words, segments joined by a space, without enclosing quotation marks or a leading "that". */
  text: z.string(),
  speaker: Speaker,
  cue: TextSpan.optional(),
  addressee: Addressee.optional(),
  /** Who carried the words to this text, innermost first, outermost last. */
  relays: z.array(Relay).optional(),
  /** The attribution this one is quoted inside of (a quote inside a quote). */
  within: z.string().optional(),
  /** ISO date the words were said, where the text states it. */
  saidOn: z.string().optional(),
  confidence: z.number().min(0).max(1),
  /** The rules and models that decided this attribution, in the order they acted. */
  reasons: z.array(z.string()),
});
/** The plain data the `Attribution` schema describes. */
export type Attribution = z.infer<typeof Attribution>;

/**
 * A candidate attribution whosaid found and decided not to report, with the reason (a stable code such as
 * `speech-sense/no-content-clause`). Listed only where the caller asks (`explainDropped`).
 */
export const DroppedAttribution = z.object({
  type: AttributionType,
  content: z.array(Span).min(1),
  /** The candidate's words, segments joined by a space. */
  text: z.string(),
  speaker: TextSpan.optional(),
  cue: TextSpan.optional(),
  /** Why it was dropped: a stable code. */
  dropped: z.string(),
  /** The rules and models that had proposed it. */
  reasons: z.array(z.string()),
});
export type DroppedAttribution = z.infer<typeof DroppedAttribution>;

/** What an entity is: a person, an organization, a place, a group or other. */
export const EntityType = z.enum(['person', 'organization', 'place', 'group', 'other']);
/** The plain data the `EntityType` schema describes. */
export type EntityType = z.infer<typeof EntityType>;

/** A person, organization or other entity the article names, with every mention and the roles it gives. */
export const Entity = z.object({
  id: z.string(),
  type: EntityType,
  /** The fullest name the article gives. */
  name: z.string(),
  mentions: z.array(TextSpan),
  /** Roles the article gives, e.g. "U.S. Secretary of State", each with where it says so. */
  roles: z.array(TextSpan).optional(),
});
/** The plain data the `Entity` schema describes. */
export type Entity = z.infer<typeof Entity>;

/** A date the text states or implies, resolved to an ISO value against the publication date. */
export const TimeExpression = TextSpan.extend({
  /** ISO date (YYYY-MM-DD) or date-time the expression refers to. */
  value: z.string(),
  /** Whether the text states the value in full or it was implied by the reference date. */
  certainty: z.enum(['stated', 'implied']),
});
/** The plain data the `TimeExpression` schema describes. */
export type TimeExpression = z.infer<typeof TimeExpression>;

/** How serious a diagnostic is. */
export const Severity = z.enum(['error', 'warning', 'info']);
/** A problem in the content (e.g. `quotes/unbalanced-mark`, `time/no-reference-date`), with a stable code. */
export const Diagnostic = z.object({
  /** A stable code such as `quotes/unbalanced-mark`. */
  code: z.string(),
  severity: Severity,
  message: z.string(),
  span: Span.optional(),
  actual: z.string().optional(),
  expected: z.string().optional(),
});
/** The plain data the `Diagnostic` schema describes. */
export type Diagnostic = z.infer<typeof Diagnostic>;

/**
 * One article's analysis: attributions, entities, times and diagnostics. Each of these names is both a
 * zod schema (`Analysis.parse(json)` validates) and the TypeScript type of the plain data it describes.
 */
export const Analysis = z.object({
  version: z.string(),
  id: z.string().optional(),
  publishedAt: z.string().optional(),
  /** Present where the analysed text differs from the input (e.g. after HTML extraction). */
  text: z.string().optional(),
  language: z.string().optional(),
  attributions: z.array(Attribution),
  /** Candidates dropped by the refiners, where the caller asked for them (`explainDropped`). */
  dropped: z.array(DroppedAttribution).optional(),
  entities: z.array(Entity),
  times: z.array(TimeExpression),
  diagnostics: z.array(Diagnostic),
  /** What the input said about itself (HTML metadata), where known. */
  metadata: z.record(z.string(), z.unknown()).optional(),
});
/** The plain data the `Analysis` schema describes. */
export type Analysis = z.infer<typeof Analysis>;
