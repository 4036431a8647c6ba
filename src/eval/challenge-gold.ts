/**
 * The challenge set's gold format (see challenge/README.md): one JSON file per article beside its .txt.
 * Every span is written by hand as text plus an anchor (`occurrence`, `after`) and carries the offsets
 * `scripts/challenge-resolve.ts` computed from them, so the gold is plain data that any reader can use
 * and a test can check that text, anchor and offsets agree. Pure: callers pass file contents in.
 */
import { z } from 'zod';

/**
 * A span of the article: `text` as it stands in the .txt, found as its `occurrence`-th appearance
 * (1-based, default 1) counted from the end of the first appearance of `after` (or from the start of
 * the text). `start`/`end` are half-open UTF-16 offsets, filled in by the resolve script.
 */
export const GoldSpan = z.object({
  text: z.string().min(1),
  occurrence: z.number().int().positive().optional(),
  after: z.string().min(1).optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
}).strict();
export type GoldSpan = z.infer<typeof GoldSpan>;

export const GOLD_TYPES = ['statement', 'belief', 'intention', 'attitude', 'decree', 'perception', 'evidence'] as const;
export const GOLD_KINDS = ['direct', 'indirect', 'mixed'] as const;

/**
 * The patterns of issue 10 a gold negative stands for: a look-alike the engine must not report as a
 * statement.
 */
export const NEGATIVE_PATTERNS = [
  'cue-sense', // "added two goals", "the index added 0.6 per cent", "called off the game"
  'fragment', // a verb inside content already attributed
  'furniture', // link lines, captions, credits, boilerplate
  'no-content', // "declined to comment", "urged a review", "has denied wrongdoing"
  'title-or-scare', // titles of works, scare quotes
] as const;
export type NegativePattern = (typeof NEGATIVE_PATTERNS)[number];

/** The positive patterns of issue 10 a gold attribution may be tagged with, to count misses by pattern. */
export const POSITIVE_PATTERNS = [
  'headline', // a headline that reports speech
  'coordinated', // content running through "…, but …" / "… and …"
  'continuation', // an untagged quote paragraph continuing the previous speaker
  'split-quote', // "“X,” he says, “Y”"
  'pull-quote', // a quote with the name on the next line
  'appositive', // "Alvarez, a policy researcher with …, said"
  'pronoun', // "she said"
  'role-noun', // "the mayor said"
  'surname', // "Okafor said", after the full name
  'unnamed', // "officials said"
  'relative-clause', // "Ortega, who proposed the change, said"
  'according-to', // "according to police", in either position
  'speech-verb', // "indicated", "ordered", "warned" reporting words
] as const;
export type PositivePattern = (typeof POSITIVE_PATTERNS)[number];

export const GoldAttribution = z.object({
  type: z.enum(GOLD_TYPES),
  kind: z.enum(GOLD_KINDS),
  /** Each quoted run its own span; an indirect or mixed clause one span. */
  content: z.array(GoldSpan).min(1),
  speaker: z.object({
    /** The words naming the speaker at this attribution; null for an untagged continuation paragraph. */
    mention: GoldSpan.nullable(),
    /** The speaker's full name as the article gives it; null for an unnamed source ("officials"). */
    name: z.string().min(1).nullable(),
  }).strict(),
  cue: GoldSpan.nullable(),
  patterns: z.array(z.enum(POSITIVE_PATTERNS)).optional(),
  note: z.string().optional(),
}).strict();
export type GoldAttribution = z.infer<typeof GoldAttribution>;

export const GoldNegative = GoldSpan.extend({ pattern: z.enum(NEGATIVE_PATTERNS), note: z.string().optional() }).strict();
export type GoldNegative = z.infer<typeof GoldNegative>;

export const STYLES = ['sports', 'business', 'health', 'courts', 'local', 'culture', 'international'] as const;
export type Style = (typeof STYLES)[number];

export const GoldArticle = z.object({
  id: z.string().regex(/^[a-z]+-\d{2}$/),
  style: z.enum(STYLES),
  /** The reference date the article is analysed with (YYYY-MM-DD). */
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  attributions: z.array(GoldAttribution),
  negatives: z.array(GoldNegative),
}).strict();
export type GoldArticle = z.infer<typeof GoldArticle>;

/** A span with its offsets resolved. */
export interface ResolvedSpan {
  start: number;
  end: number;
  text: string;
}

/** Where the anchor of a span points in `text`, or a message saying why it points nowhere. */
export function resolveSpan(text: string, span: GoldSpan): ResolvedSpan | string {
  let from = 0;
  if (span.after !== undefined) {
    const a = text.indexOf(span.after);
    if (a < 0) return `anchor "${span.after}" not found`;
    from = a + span.after.length;
  }
  const n = span.occurrence ?? 1;
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(span.text, at < 0 ? from : at + 1);
    if (at < 0) return `"${span.text}" occurs fewer than ${n} time(s)${span.after !== undefined ? ` after "${span.after}"` : ''}`;
  }
  return { start: at, end: at + span.text.length, text: span.text };
}

/** Every span of a gold article, with a label saying where it sits, in file order. */
export function spansOf(gold: GoldArticle): [string, GoldSpan][] {
  const out: [string, GoldSpan][] = [];
  gold.attributions.forEach((a, i) => {
    a.content.forEach((c, j) => out.push([`attributions[${i}].content[${j}]`, c]));
    if (a.speaker.mention) out.push([`attributions[${i}].speaker.mention`, a.speaker.mention]);
    if (a.cue) out.push([`attributions[${i}].cue`, a.cue]);
  });
  gold.negatives.forEach((n, i) => out.push([`negatives[${i}]`, n]));
  return out;
}

/**
 * The problems of one gold article: a span whose anchor points nowhere, whose stored offsets are absent
 * or disagree with its anchor, or whose text is not the slice of the article at its offsets.
 */
export function checkGoldArticle(text: string, gold: GoldArticle): string[] {
  const problems: string[] = [];
  for (const [where, span] of spansOf(gold)) {
    const r = resolveSpan(text, span);
    if (typeof r === 'string') problems.push(`${where}: ${r}`);
    else if (span.start !== r.start || span.end !== r.end) problems.push(`${where}: offsets ${span.start}-${span.end} but the anchor points at ${r.start}-${r.end} (run scripts/challenge-resolve.ts)`);
    if (span.start !== undefined && span.end !== undefined && text.slice(span.start, span.end) !== span.text) {
      problems.push(`${where}: text "${span.text}" is not the slice ${span.start}-${span.end} ("${text.slice(span.start, span.end)}")`);
    }
  }
  gold.attributions.forEach((a, i) => {
    if (a.kind === 'direct' && a.content.some((c) => /^[“”"]|[“”"]$/.test(c.text))) problems.push(`attributions[${i}]: a direct run includes its quotation marks`);
    if (a.speaker.mention === null && a.speaker.name === null) problems.push(`attributions[${i}]: neither a mention nor a name`);
  });
  return problems;
}

/** The article's gold with every span's offsets filled in from its anchor (what the resolve script writes). */
export function resolveGoldArticle(text: string, gold: GoldArticle): { gold: GoldArticle; problems: string[] } {
  const problems: string[] = [];
  const fill = <S extends GoldSpan>(where: string, span: S): S => {
    const r = resolveSpan(text, span);
    if (typeof r === 'string') {
      problems.push(`${where}: ${r}`);
      return span;
    }
    return { ...span, start: r.start, end: r.end };
  };
  const out: GoldArticle = {
    ...gold,
    attributions: gold.attributions.map((a, i) => ({
      ...a,
      content: a.content.map((c, j) => fill(`attributions[${i}].content[${j}]`, c)),
      speaker: { mention: a.speaker.mention && fill(`attributions[${i}].speaker.mention`, a.speaker.mention), name: a.speaker.name },
      cue: a.cue && fill(`attributions[${i}].cue`, a.cue),
    })),
    negatives: gold.negatives.map((n, i) => fill(`negatives[${i}]`, n)),
  };
  // parsed again so that every object's keys come in the schema's order, whether or not it had offsets
  return { gold: GoldArticle.parse(out), problems };
}

/** Reads a gold article from parsed JSON, or throws naming the file and the first problems zod found. */
export function parseGoldArticle(json: unknown, file: string): GoldArticle {
  const r = GoldArticle.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file}: not a challenge gold article (${issues})`);
  }
  return r.data;
}
