/**
 * `score.py polnear`: document-level PolNeAR figures. A gold attribution is found by the unused
 * predicted attribution whose content characters have the highest Jaccard overlap (>= 0.5, the last of
 * equals winning) with its content; for found ones, source and cue are right where the predicted
 * speaker mention / cue overlaps a gold source / cue span. Exact F1: per role, the sets of spans trimmed
 * of edge punctuation and quote marks, matched exactly.
 */
import { trimSpan } from './edge.js';
import { precisionRecall, type Counts } from './precision-recall.js';
import {
  attributionsOf, charset, cueOf, field, jaccard, mentionOf, overlaps, rangeKey, spansOf, utf16ToCodePoints,
  type JsonObject, type Range,
} from './predictions.js';
import { codePoints, formatPythonJson, pyFloat, pyRound, pyStr, type PythonJsonValue } from './python-compat.js';

interface GoldSpan {
  start: number;
  end: number;
  text?: string;
}

/** One line of PolNeAR's dev.jsonl / train.jsonl, as far as the scorer reads it. */
export interface PolnearDocument {
  id: string | number;
  text: string;
  date?: string;
  attributions: { id?: string; source?: GoldSpan[] | null; cue?: GoldSpan[] | null; content?: GoldSpan[] | null }[];
}

const ROLES = ['source', 'cue', 'content'] as const;
type Role = (typeof ROLES)[number];

/** The object `score.py polnear` prints, in its key order. */
export interface PolnearScore {
  attribution: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
  sourceGivenFound: number;
  cueGivenFound: number;
  exactF1: Record<Role, number>;
}

export interface PolnearOptions {
  /** `--min-f1`: the attribution F1 the command's exit status requires (0). */
  minF1?: number;
}

export interface PolnearResult {
  score: PolnearScore;
  pass: boolean;
}

function addTrimmed(set: Set<string>, text: readonly string[], [a, b]: Range): void {
  const t = trimSpan(text, a, b);
  if (t[1] > t[0]) set.add(rangeKey(t));
}

/** Scores predicted analyses against PolNeAR gold documents. */
export function scorePolnear(gold: Iterable<PolnearDocument>, predictions: ReadonlyMap<string, JsonObject>, options: PolnearOptions = {}): PolnearResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let src = 0;
  let cue = 0;
  let withSrc = 0;
  const ex: Record<Role, Counts> = { source: { tp: 0, fp: 0, fn: 0 }, cue: { tp: 0, fp: 0, fn: 0 }, content: { tp: 0, fp: 0, fn: 0 } };
  for (const d of gold) {
    const text = codePoints(d.text);
    const map = utf16ToCodePoints(d.text);
    const p = predictions.get(pyStr(d.id)) ?? {};
    const pq: [Range[], JsonObject][] = attributionsOf(p).map((q) => [spansOf(q, map), q]);
    const rem = pq.filter(([sp]) => sp.length > 0).map(([sp, q]) => ({ set: charset(sp), q }));
    const goldSets: Record<Role, Set<string>> = { source: new Set(), cue: new Set(), content: new Set() };
    const predSets: Record<Role, Set<string>> = { source: new Set(), cue: new Set(), content: new Set() };
    for (const a of d.attributions) {
      for (const r of ROLES) for (const s of a[r] ?? []) addTrimmed(goldSets[r], text, [s.start, s.end]);
      const gs = charset((a.content ?? []).map((s): Range => [s.start, s.end]));
      if (gs.length === 0) continue;
      let best = 0.5;
      let bi: number | undefined;
      rem.forEach(({ set }, i) => {
        const j = jaccard(gs, set);
        if (j >= best) {
          best = j;
          bi = i;
        }
      });
      if (bi === undefined) {
        fn += 1;
        continue;
      }
      tp += 1;
      const q = rem.splice(bi, 1)[0].q;
      const pm = mentionOf(q, map);
      if (a.source && a.source.length > 0) withSrc += 1;
      if ((a.source ?? []).some((s) => overlaps(pm, [s.start, s.end]))) src += 1;
      const pc = cueOf(q, map);
      if ((a.cue ?? []).some((s) => overlaps(pc, [s.start, s.end]))) cue += 1;
    }
    fp += rem.length;
    for (const [sp, q] of pq) {
      for (const s of sp) addTrimmed(predSets.content, text, s);
      const m = mentionOf(q, map);
      if (m) addTrimmed(predSets.source, text, m);
      const c = cueOf(q, map);
      if (c) addTrimmed(predSets.cue, text, c);
    }
    for (const r of ROLES) {
      for (const k of goldSets[r]) if (predSets[r].has(k)) ex[r].tp += 1; else ex[r].fn += 1;
      for (const k of predSets[r]) if (!goldSets[r].has(k)) ex[r].fp += 1;
    }
  }
  const prf = precisionRecall({ tp, fp, fn });
  const score: PolnearScore = {
    attribution: { ...prf, tp, fp, fn },
    sourceGivenFound: withSrc ? pyRound(src / withSrc, 4) : 0,
    cueGivenFound: tp ? pyRound(cue / tp, 4) : 0,
    exactF1: { source: precisionRecall(ex.source).f1, cue: precisionRecall(ex.cue).f1, content: precisionRecall(ex.content).f1 },
  };
  return { score, pass: prf.f1 >= (options.minF1 ?? 0) };
}

/** The line `score.py polnear` prints for a score. */
export function formatPolnearScore(s: PolnearScore): string {
  const value: PythonJsonValue = {
    attribution: {
      precision: pyFloat(s.attribution.precision), recall: pyFloat(s.attribution.recall), f1: pyFloat(s.attribution.f1),
      tp: s.attribution.tp, fp: s.attribution.fp, fn: s.attribution.fn,
    },
    sourceGivenFound: pyFloat(s.sourceGivenFound),
    cueGivenFound: pyFloat(s.cueGivenFound),
    exactF1: { source: pyFloat(s.exactF1.source), cue: pyFloat(s.exactF1.cue), content: pyFloat(s.exactF1.content) },
  };
  return formatPythonJson(value, true);
}
