/**
 * fast-check arbitraries for fuzzing the engine: articles built from the team's sentences (or from
 * given texts), then mutated the ways real and hostile input goes wrong: quotation marks, dots and line
 * breaks inserted, deleted or duplicated; unicode inserted (combining marks, emoji, lone surrogates,
 * zero-width and byte-order characters); long runs of one character or word. Every mutation is data,
 * so fast-check shrinks a failing case to the fewest, smallest mutations of the shortest article.
 */
import fc from 'fast-check';
import { SENTENCES } from './sentences.js';

export type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'run'; readonly at: number; readonly text: string; readonly times: number };

export interface FuzzCase {
  /** The article before mutation. */
  readonly base: string;
  readonly mutations: readonly Mutation[];
}

export const QUOTE_MARKS = ['"', '“', '”', "'", '‘', '’', '«', '»', '„', '‹', '›', '``', "''"] as const;
export const DOTS = ['.', '..', '...', '…', '. .', '?', '!', '?!', ';', ':', ','] as const;
export const BREAKS = ['\n', '\n\n', '\r\n', '\r', '\u2028', '\t'] as const;
export const UNICODE = ['é', 'e\u0301', '😀', '\uD83D', '\uDE00', '\uFEFF', '\u200B', '\u00A0', 'İ', 'ß', 'ﬁ', 'Ω', '中文', 'العربية', '\u202E', '\u0000', '\uFFFD', '—', '–'] as const;
export const RUN_UNITS = ['“', '"', '.', ' ', '\n', 'a', 'said ', 'Mr. ', '“Yes,” ', 'word ', '—', 'A', '\'s '] as const;

const pick = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items);

/** What an insertion puts in: a mark, dots, a break, unicode, or a sentence of the team's. */
const insertion = fc.oneof(pick(QUOTE_MARKS), pick(DOTS), pick(BREAKS), pick(UNICODE), pick(SENTENCES));

/** One mutation; `at` is a position taken modulo the text's length when applied. */
export function mutationArbitrary(maxRun: number): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: 1_000_000 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: insertion }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 80 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('run' as const), at, text: pick(RUN_UNITS), times: fc.integer({ min: 2, max: maxRun }) }) },
  );
}

/** An article of 1–`maxParagraphs` paragraphs of the team's sentences. */
export function articleArbitrary(maxParagraphs = 5): fc.Arbitrary<string> {
  const paragraph = fc.array(pick(SENTENCES), { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
  return fc.array(paragraph, { minLength: 1, maxLength: maxParagraphs }).map((p) => p.join('\n'));
}

export interface CaseOptions {
  /** Texts to mutate besides the generated articles (the team's example articles, a JSON-lines file). */
  readonly bases?: readonly string[];
  readonly maxMutations?: number;
  /** The longest run a `run` mutation makes. */
  readonly maxRun?: number;
}

/** A base text and the mutations to apply to it. */
export function caseArbitrary(options: CaseOptions = {}): fc.Arbitrary<FuzzCase> {
  const bases = options.bases ?? [];
  const base = bases.length > 0
    ? fc.oneof(articleArbitrary(), fc.nat({ max: bases.length - 1 }).map((i) => bases[i]))
    : articleArbitrary();
  return fc.record({ base, mutations: fc.array(mutationArbitrary(options.maxRun ?? 300), { maxLength: options.maxMutations ?? 6 }) });
}

/** Applies a mutation; positions wrap around the text's length, so any mutation applies to any text. */
export function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'insert': return text.slice(0, at) + m.text + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate': return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'run': return text.slice(0, at) + m.text.repeat(m.times) + text.slice(at);
  }
}

/** The text a case analyses. */
export function caseText(c: FuzzCase): string {
  return c.mutations.reduce(mutate, c.base);
}
