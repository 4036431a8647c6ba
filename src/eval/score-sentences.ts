/**
 * `score.py sentences-input` and `sentences`: CofeNet's exact-match protocol over PolNeAR's dev
 * sentences. Per sentence and role (source, cue, content), a gold token span counts when the prediction
 * holds the identical token span; F1 over all sentences, and again after trimming edge tokens that are
 * punctuation or quote marks on both sides.
 */
import { detokenize, tokenText } from './detokenize.js';
import { isAllEdge } from './edge.js';
import { precisionRecall, type Counts, type PrecisionRecall } from './precision-recall.js';
import { attributionsOf, cueOf, mentionOf, spansOf, utf16ToCodePoints, type JsonObject, type Range } from './predictions.js';
import { formatPythonJson, pyFloat, type PythonJsonValue } from './python-compat.js';

/** One line of dev-sentences.jsonl, as far as the scorer reads it. */
export interface GoldSentence {
  tokens: string[];
  labels: string[];
}

const ROLES = ['source', 'cue', 'content'] as const;
type Role = (typeof ROLES)[number];

/** The object `score.py sentences` prints, in its key order. */
export type SentencesScore = Record<Role, PrecisionRecall> & { trimmedF1: Record<Role, number> };

export interface SentencesOptions {
  /** `--min-f1`: the content F1 the command's exit status requires (0). */
  minF1?: number;
}

export interface SentencesResult {
  score: SentencesScore;
  pass: boolean;
}

/** `sentences-input`: the articles the engine analyses, one per sentence, ids "0", "1", … */
export function sentenceInputs(gold: Iterable<GoldSentence>): { id: string; text: string }[] {
  return Array.from(gold, (d, i) => ({ id: String(i), text: detokenize(d.tokens).text }));
}

/** The JSON lines `score.py sentences-input` writes. */
export function formatSentenceInputs(inputs: readonly { id: string; text: string }[]): string {
  return inputs.map((x) => formatPythonJson({ id: x.id, text: x.text }, false) + '\n').join('');
}

/** `bio_spans`: BIO labels to token spans per role; an I- without a B- starts a span. */
export function bioSpans(labels: readonly string[]): Map<string, Range[]> {
  const spans = new Map<string, Range[]>();
  let cur: [string, number] | undefined;
  [...labels, 'O'].forEach((l, i) => {
    if (cur && (l === 'O' || l.startsWith('B-') || l.slice(2) !== cur[0])) {
      const list = spans.get(cur[0]) ?? [];
      list.push([cur[1], i]);
      spans.set(cur[0], list);
      cur = undefined;
    }
    if (l.startsWith('B-') || (l.startsWith('I-') && cur === undefined)) cur = [l.slice(2), i];
  });
  return spans;
}

/** `to_tokens`: the tokens a character span touches, as [first, last + 1), or null if none. */
export function toTokens([a, b]: Range, offsets: readonly (readonly [number, number])[]): Range | null {
  let first = -1;
  let last = -1;
  offsets.forEach(([s, e], i) => {
    if (s < b && a < e) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : [first, last + 1];
}

/** `trim_tokens`: a token span without edge tokens made only of punctuation or quote marks, or null. */
export function trimTokens([a, b]: Range, tokens: readonly string[]): Range | null {
  while (a < b && isAllEdge(tokenText(tokens[a]))) a += 1;
  while (b > a && isAllEdge(tokenText(tokens[b - 1]))) b -= 1;
  return b > a ? [a, b] : null;
}

const key = ([a, b]: Range): string => `${a},${b}`;

function count(gold: ReadonlySet<string>, pred: ReadonlySet<string>, c: Counts): void {
  for (const k of gold) if (pred.has(k)) c.tp += 1; else c.fn += 1;
  for (const k of pred) if (!gold.has(k)) c.fp += 1;
}

function trimmedSet(spans: Iterable<string>, tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const k of spans) {
    const [a, b] = k.split(',').map(Number);
    const t = trimTokens([a, b], tokens);
    if (t) out.add(key(t));
  }
  return out;
}

/** Scores predicted analyses (ids "0", "1", … in gold order) against the gold sentences. */
export function scoreSentences(gold: Iterable<GoldSentence>, predictions: ReadonlyMap<string, JsonObject>, options: SentencesOptions = {}): SentencesResult {
  const ex: Record<Role, Counts> = { source: { tp: 0, fp: 0, fn: 0 }, cue: { tp: 0, fp: 0, fn: 0 }, content: { tp: 0, fp: 0, fn: 0 } };
  const lx: Record<Role, Counts> = { source: { tp: 0, fp: 0, fn: 0 }, cue: { tp: 0, fp: 0, fn: 0 }, content: { tp: 0, fp: 0, fn: 0 } };
  let i = 0;
  for (const d of gold) {
    const { text, offsets } = detokenize(d.tokens);
    const map = utf16ToCodePoints(text);
    const g = bioSpans(d.labels);
    const p: Record<Role, Set<string>> = { source: new Set(), cue: new Set(), content: new Set() };
    for (const q of attributionsOf(predictions.get(String(i)) ?? {})) {
      for (const sp of spansOf(q, map)) {
        const t = toTokens(sp, offsets);
        if (t) p.content.add(key(t));
      }
      for (const [r, m] of [['source', mentionOf(q, map)], ['cue', cueOf(q, map)]] as const) {
        const t = m ? toTokens(m, offsets) : null;
        if (t) p[r].add(key(t));
      }
    }
    for (const r of ROLES) {
      const gs = new Set((g.get(r) ?? []).map(key));
      count(gs, p[r], ex[r]);
      count(trimmedSet(gs, d.tokens), trimmedSet(p[r], d.tokens), lx[r]);
    }
    i += 1;
  }
  const score: SentencesScore = {
    source: precisionRecall(ex.source), cue: precisionRecall(ex.cue), content: precisionRecall(ex.content),
    trimmedF1: { source: precisionRecall(lx.source).f1, cue: precisionRecall(lx.cue).f1, content: precisionRecall(lx.content).f1 },
  };
  return { score, pass: score.content.f1 >= (options.minF1 ?? 0) };
}

/** The line `score.py sentences` prints for a score. */
export function formatSentencesScore(s: SentencesScore): string {
  const pr = (x: PrecisionRecall): PythonJsonValue => ({ precision: pyFloat(x.precision), recall: pyFloat(x.recall), f1: pyFloat(x.f1) });
  const value: PythonJsonValue = {
    source: pr(s.source), cue: pr(s.cue), content: pr(s.content),
    trimmedF1: { source: pyFloat(s.trimmedF1.source), cue: pyFloat(s.trimmedF1.cue), content: pyFloat(s.trimmedF1.content) },
  };
  return formatPythonJson(value, true);
}
