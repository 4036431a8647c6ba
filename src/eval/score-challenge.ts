/**
 * Scores predicted analyses against the challenge set's gold (challenge/README.md says the same in
 * prose). Statements only, in runs: each quoted run of a direct quote is a run of its own, an indirect
 * or mixed statement one run, each carrying its attribution's speaker mention, name and cue. A predicted run matches a gold
 * run when their characters overlap by at least 30% (intersection over union); runs pair one to one,
 * highest overlap first. Matched pairs then check the speaker mention (the spans share a character),
 * the speaker's name (equal after normalizing) and the cue. Pure: offsets are UTF-16, as both the
 * analysis and the gold give them.
 */
import type { GoldArticle, NegativePattern, PositivePattern } from './challenge-gold.js';
import { precisionRecall, type PrecisionRecall } from './precision-recall.js';
import { attributionsOf, field, type JsonObject } from './predictions.js';

export const MIN_OVERLAP = 0.3;

/** One article of the set: its id, its text and its gold (offsets resolved). */
export interface ChallengeArticle {
  id: string;
  text: string;
  gold: GoldArticle;
}

type Range = readonly [number, number];

interface Run {
  article: string;
  range: Range;
  mention: Range | null;
  mentionText: string | null;
  name: string | null;
  cue: Range | null;
  patterns: readonly PositivePattern[];
}

/** A predicted run that matched no gold run, with the sentence it sits in and what it looks like. */
export interface FalsePositive {
  article: string;
  content: string;
  mention: string | null;
  name: string | null;
  cue: string | null;
  /**
   * The gold negative it falls on; else `overlaps-gold` (a duplicate or a badly cut run), `other-type`
   * (on a gold belief, decree, … that is not a statement) or `other`.
   */
  pattern: NegativePattern | 'overlaps-gold' | 'other-type' | 'other';
  sentence: string;
}

/** A gold run no prediction matched. */
export interface Miss {
  article: string;
  content: string;
  name: string | null;
  patterns: readonly PositivePattern[];
}

/** A matched run whose speaker mention or name is wrong. */
export interface WrongSpeaker {
  article: string;
  content: string;
  goldMention: string | null;
  goldName: string | null;
  mention: string | null;
  name: string | null;
  mentionRight: boolean | null;
  nameRight: boolean;
}

export interface Ratio {
  right: number;
  of: number;
  value: number;
}

export interface ChallengeScore {
  articles: number;
  statements: PrecisionRecall & { tp: number; fp: number; fn: number };
  /** Matched runs whose gold has a mention: the predicted mention shares a character with it. */
  mentionRight: Ratio;
  /** Matched runs: the predicted name equals the gold name after normalizing (null gold: no invented name). */
  nameRight: Ratio;
  /** Matched runs whose gold has a cue: the predicted cue shares a character with it. */
  cueRight: Ratio;
  falsePositivesByPattern: Record<string, number>;
  missesByPattern: Record<string, number>;
  falsePositives: FalsePositive[];
  misses: Miss[];
  wrongSpeakers: WrongSpeaker[];
}

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'sir', 'dame']);
const DETERMINERS = new Set(['the', 'a', 'an']);

/**
 * A name for comparison: accents and case folded, punctuation dropped, spaces collapsed, and a leading
 * honorific ("Dr. Ines Varga" → "ines varga") or determiner ("the police" → "police") left out.
 */
export function normalizeName(name: string): string {
  const words = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[’']/g, '').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  while (words.length > 1 && (HONORIFICS.has(words[0]) || DETERMINERS.has(words[0]))) words.shift();
  return words.join(' ');
}

function ratio(right: number, of: number): Ratio {
  return { right, of, value: of ? Math.round((right / of) * 10000) / 10000 : 0 };
}

function overlapRatio(a: Range, b: Range): number {
  const inter = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  return inter / (a[1] - a[0] + (b[1] - b[0]) - inter);
}

function shares(a: Range | null, b: Range | null): boolean {
  return a !== null && b !== null && a[0] < b[1] && b[0] < a[1];
}

function rangeOf(v: unknown): Range | null {
  const s = field(v, 'start');
  const e = field(v, 'end');
  return typeof s === 'number' && typeof e === 'number' && e > s ? [s, e] : null;
}

/**
 * The runs of one attribution's content: each span its own run for a direct quote; for an indirect or
 * mixed one, a single run from its first span's start to its last span's end (the reported clause with
 * its quoted words, "said Petrakis had made “a choice, not a mistake,” when…", is one statement however
 * it is cut).
 */
export function runsOf(kind: unknown, spans: readonly Range[]): Range[] {
  if (kind === 'direct' || spans.length < 2) return [...spans];
  return [[Math.min(...spans.map((r) => r[0])), Math.max(...spans.map((r) => r[1]))]];
}

function goldRuns(a: ChallengeArticle): Run[] {
  const runs: Run[] = [];
  for (const g of a.gold.attributions) {
    if (g.type !== 'statement') continue;
    const m = g.speaker.mention;
    for (const range of runsOf(g.kind, g.content.map((c): Range => [c.start!, c.end!]))) {
      runs.push({
        article: a.id, range, mention: m ? [m.start!, m.end!] : null, mentionText: m?.text ?? null,
        name: g.speaker.name, cue: g.cue ? [g.cue.start!, g.cue.end!] : null, patterns: g.patterns ?? [],
      });
    }
  }
  return runs;
}

function predictedRuns(id: string, text: string, analysis: unknown): Run[] {
  const runs: Run[] = [];
  for (const p of attributionsOf(analysis, true)) {
    const speaker = field(p, 'speaker');
    const mention = rangeOf(field(speaker, 'mention'));
    const name = field(speaker, 'name');
    const content = field(p, 'content');
    const spans = (Array.isArray(content) ? content : [content]).map(rangeOf).filter((r): r is Range => r !== null);
    for (const r of runsOf(field(p, 'kind'), spans)) {
      runs.push({
        article: id, range: r, mention, mentionText: mention ? text.slice(mention[0], mention[1]) : null,
        name: typeof name === 'string' && name.trim() ? name : null, cue: rangeOf(field(p, 'cue')), patterns: [],
      });
    }
  }
  return runs;
}

/**
 * Whether a predicted name is right: equal to the gold name after normalizing; for an unnamed source
 * (a null gold name), no invented name: none, or one made only of words of the mention ("officials"
 * for "City officials").
 */
export function nameIsRight(gold: Pick<Run, 'name' | 'mentionText'>, pred: Pick<Run, 'name' | 'mentionText'>): boolean {
  if (gold.name !== null) return pred.name !== null && normalizeName(pred.name) === normalizeName(gold.name);
  if (pred.name === null) return true;
  const words = normalizeName(pred.name).split(' ');
  return [pred.mentionText, gold.mentionText].some((m) => {
    if (m === null) return false;
    const mention = new Set(normalizeName(m).split(' '));
    return words.every((w) => mention.has(w));
  });
}

/** The sentence (or line) around an offset, for listing a false positive. */
export function sentenceAround(text: string, [start, end]: Range): string {
  let a = start;
  while (a > 0 && text[a - 1] !== '\n' && !(/[.!?]/.test(text[a - 2] ?? '') && text[a - 1] === ' ')) a--;
  let b = end;
  while (b < text.length && text[b] !== '\n' && !(/[.!?]/.test(text[b - 1] ?? '') && text[b] === ' ' && b > end)) b++;
  return text.slice(a, b).trim();
}

/** Pairs predicted runs with gold runs one to one, highest overlap first (ties in document order). */
function match(gold: readonly Run[], pred: readonly Run[]): Map<number, number> {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => pred.forEach((p, j) => {
    const o = overlapRatio(g.range, p.range);
    if (o >= MIN_OVERLAP) pairs.push([o, i, j]);
  }));
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const byGold = new Map<number, number>();
  const usedPred = new Set<number>();
  for (const [, i, j] of pairs) {
    if (byGold.has(i) || usedPred.has(j)) continue;
    byGold.set(i, j);
    usedPred.add(j);
  }
  return byGold;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Scores the predicted analyses (keyed by article id) against the articles' gold. */
export function scoreChallenge(articles: readonly ChallengeArticle[], predictions: ReadonlyMap<string, JsonObject>): ChallengeScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const mention = [0, 0];
  const name = [0, 0];
  const cue = [0, 0];
  const falsePositives: FalsePositive[] = [];
  const misses: Miss[] = [];
  const wrongSpeakers: WrongSpeaker[] = [];
  const falsePositivesByPattern: Record<string, number> = {};
  const missesByPattern: Record<string, number> = {};
  for (const a of articles) {
    const gold = goldRuns(a);
    const pred = predictedRuns(a.id, a.text, predictions.get(a.id) ?? {});
    const byGold = match(gold, pred);
    const slice = (r: Range | null): string | null => (r ? a.text.slice(r[0], r[1]) : null);
    gold.forEach((g, i) => {
      const j = byGold.get(i);
      if (j === undefined) {
        fn += 1;
        misses.push({ article: a.id, content: slice(g.range)!, name: g.name, patterns: g.patterns });
        for (const p of g.patterns.length ? g.patterns : ['(untagged)']) bump(missesByPattern, p);
        return;
      }
      tp += 1;
      const p = pred[j];
      let mentionRight: boolean | null = null;
      if (g.mention) {
        mentionRight = shares(g.mention, p.mention);
        mention[1] += 1;
        if (mentionRight) mention[0] += 1;
      }
      const nameRight = nameIsRight(g, p);
      name[1] += 1;
      if (nameRight) name[0] += 1;
      if (g.cue) {
        cue[1] += 1;
        if (shares(g.cue, p.cue)) cue[0] += 1;
      }
      if (mentionRight === false || !nameRight) {
        wrongSpeakers.push({
          article: a.id, content: slice(g.range)!, goldMention: g.mentionText, goldName: g.name,
          mention: p.mentionText, name: p.name, mentionRight, nameRight,
        });
      }
    });
    const matched = new Set(byGold.values());
    pred.forEach((p, j) => {
      if (matched.has(j)) return;
      fp += 1;
      const negative = a.gold.negatives.find((n) => shares([n.start!, n.end!], p.range) || shares([n.start!, n.end!], p.cue));
      const otherType = a.gold.attributions.some((g) => g.type !== 'statement' && g.content.some((c) => shares([c.start!, c.end!], p.range)));
      const pattern = negative ? negative.pattern : gold.some((g) => shares(g.range, p.range)) ? 'overlaps-gold' : otherType ? 'other-type' : 'other';
      bump(falsePositivesByPattern, pattern);
      falsePositives.push({
        article: a.id, content: slice(p.range)!, mention: p.mentionText, name: p.name, cue: slice(p.cue), pattern,
        sentence: sentenceAround(a.text, p.range),
      });
    });
  }
  return {
    articles: articles.length,
    statements: { ...precisionRecall({ tp, fp, fn }), tp, fp, fn },
    mentionRight: ratio(mention[0], mention[1]),
    nameRight: ratio(name[0], name[1]),
    cueRight: ratio(cue[0], cue[1]),
    falsePositivesByPattern, missesByPattern, falsePositives, misses, wrongSpeakers,
  };
}

function counts(c: Record<string, number>): string {
  const entries = Object.entries(c).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  return entries.length ? entries.map(([k, n]) => `${k} ${n}`).join(', ') : 'none';
}

/** The score as lines of text; with `verbose`, every false positive, miss and wrong speaker. */
export function formatChallengeScore(s: ChallengeScore, verbose = false): string[] {
  const st = s.statements;
  const lines = [
    `${s.articles} articles; statements: ${st.tp} matched, ${st.fp} false positive(s), ${st.fn} missed; ` +
      `precision ${st.precision.toFixed(4)}, recall ${st.recall.toFixed(4)}, F1 ${st.f1.toFixed(4)}`,
    `speaker mention right ${s.mentionRight.right}/${s.mentionRight.of}, name right ${s.nameRight.right}/${s.nameRight.of}, cue right ${s.cueRight.right}/${s.cueRight.of}`,
    `false positives by pattern: ${counts(s.falsePositivesByPattern)}`,
    `misses by pattern: ${counts(s.missesByPattern)}`,
  ];
  if (!verbose) return lines;
  const cut = (t: string | null, n = 90): string => (t === null ? '-' : t.length > n ? t.slice(0, n - 1) + '…' : t).replace(/\n/g, ' ');
  lines.push('false positives:');
  for (const f of s.falsePositives) {
    lines.push(`  ${f.article} [${f.pattern}] "${cut(f.content, 60)}" (cue ${cut(f.cue)}, mention ${cut(f.mention)}, name ${cut(f.name)})`, `      in: ${cut(f.sentence, 160)}`);
  }
  lines.push('misses:');
  for (const m of s.misses) lines.push(`  ${m.article} [${m.patterns.join(',') || '-'}] "${cut(m.content, 80)}" (${m.name ?? 'unnamed'})`);
  lines.push('wrong speakers:');
  for (const w of s.wrongSpeakers) {
    lines.push(`  ${w.article} "${cut(w.content, 50)}": mention ${cut(w.mention)} (gold ${cut(w.goldMention)})${w.mentionRight === false ? ' WRONG' : ''}, name ${cut(w.name)} (gold ${w.goldName ?? 'none'})${w.nameRight ? '' : ' WRONG'}`);
  }
  return lines;
}
