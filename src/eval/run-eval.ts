/**
 * `whosaid eval`: analyses the shared evaluation data with the engine, writes the predictions as JSON
 * lines, scores them with the TypeScript port of score.py, and checks each figure against its target.
 * Reading and writing happen here; scoring is pure (score-*.ts). Where the shared folder is absent the
 * report says so and skips, which is not a failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Analysis } from '../core/analysis.js';
import type { ArticleInput } from '../core/analyze.js';
import { analyzeArticle } from '../node/analyzer.js';
import { countWords } from '../bench/count-words.js';
import { readJson, readJsonLines, readPredictions, readPythonText } from './read-data.js';
import { missingPaths, PACKAGE_ROOT, resolveSharedFolder, sharedPaths } from './shared-folder.js';
import { formatSeedScore, scoreSeed, type SeedGold, type SeedScore } from './score-seed.js';
import { formatPolnearScore, scorePolnear, type PolnearDocument, type PolnearScore } from './score-polnear.js';
import { formatSentenceInputs, formatSentencesScore, scoreSentences, sentenceInputs, type GoldSentence, type SentencesScore } from './score-sentences.js';
import { challengeFolder, challengeIds, readChallengeHalf, type ChallengeHalf } from './challenge-folder.js';
import { formatChallengeScore, scoreChallenge, type ChallengeScore } from './score-challenge.js';

export type EvalPart = 'seed' | 'polnear' | 'sentences' | 'challenge' | 'challenge-train';
/** The parts run by default. */
export const EVAL_PARTS: readonly EvalPart[] = ['seed', 'polnear', 'sentences'];
/** Every part `--only` accepts: the challenge set's measuring half (`challenge`) and training half too. */
export const ALL_EVAL_PARTS: readonly EvalPart[] = [...EVAL_PARTS, 'challenge', 'challenge-train'];

export interface EvalOptions {
  /** The shared folder (default: WHOSAID_SHARED, else `<package root>/../shared`). */
  shared?: string;
  /** Where prediction files are written (default `<package root>/.eval`). */
  out?: string;
  /** The parts to run (default all). */
  only?: readonly EvalPart[];
  /** Prediction files to score as they are, instead of analysing the part's texts. */
  predictions?: Partial<Record<EvalPart, string>>;
  /** The analyser to evaluate (default `analyzeArticle`, the engine with its bundled model). */
  analyzer?: (input: ArticleInput) => Analysis;
  /** The challenge set's folder (default `<package root>/challenge`). */
  challenge?: string;
}

/** One figure checked against its target. */
export interface EvalFigure {
  part: EvalPart;
  name: string;
  /** The figure as printed, e.g. "0.6957" or "14/15". */
  value: string;
  /** The target as printed, e.g. ">= 0.62". */
  target: string;
  pass: boolean;
}

export interface EvalTiming {
  articles: number;
  /** Whitespace-separated words (see bench/count-words.ts). */
  words: number;
  milliseconds: number;
  wordsPerSecond: number;
  /** Articles the analyser threw on; each was scored as an analysis without attributions. */
  errors: { id: string; message: string }[];
}

interface PartBase {
  part: EvalPart;
}

export interface SkippedPart extends PartBase {
  status: 'skipped';
  reason: string;
}

export interface ScoredPart<S> extends PartBase {
  status: 'scored';
  /** The prediction file scored. */
  predictions: string;
  score: S;
  /** Exactly the line `score.py` prints for these predictions. */
  scorerJson: string;
  /** The command lines that reproduce the figures with score.py. */
  commands: string[];
  /** Present where this run analysed the texts (not with given prediction files). */
  timing?: EvalTiming;
}

export type SeedPart = ScoredPart<SeedScore> & { part: 'seed'; pass: boolean; passWithContext: boolean };
export type PolnearPart = ScoredPart<PolnearScore> & { part: 'polnear' };
export type SentencesPart = ScoredPart<SentencesScore> & { part: 'sentences' };
export type ChallengePart = Omit<ScoredPart<ChallengeScore>, 'scorerJson' | 'commands'> & { part: 'challenge' | 'challenge-train' };
export type EvalPartReport = SkippedPart | SeedPart | PolnearPart | SentencesPart | ChallengePart;

export interface EvalReport {
  shared: string;
  out: string;
  parts: EvalPartReport[];
  figures: EvalFigure[];
  /** Every figure of every scored part meets its target (skipped parts do not count). */
  pass: boolean;
}

/**
 * The targets of the issues: on the seed, every required quote (the gold marks 15) found with its
 * speaker and at most 2 extra, and for the context variant every addressee, relay, date said and time;
 * PolNeAR document and sentence figures.
 */
export const TARGETS = {
  seed: { maxExtra: 2 },
  polnear: { f1: 0.62, sourceGivenFound: 0.8, cueGivenFound: 0.8 },
  sentences: { source: 0.55, cue: 0.55, content: 0.4 },
  challenge: { precision: 0.92, recall: 0.88, mentionRight: 0.92, nameRight: 0.9 },
} as const;

const SEED_ID = 'article';
const WARM_UP = 'The mayor said the bridge would open in May. “We are ready,” she told reporters.';
const SEED_PUBLISHED_AT = '2018-10-09';

function quote(arg: string): string {
  return /^[\w./=-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}

function command(args: string[]): string {
  return ['python3', ...args].map(quote).join(' ');
}

/** Analyses inputs, timing the analysis alone, and writes the analyses as JSON lines. */
function analyzeAll(inputs: readonly ArticleInput[], analyzer: (input: ArticleInput) => Analysis, file: string): EvalTiming {
  const lines: string[] = [];
  const errors: EvalTiming['errors'] = [];
  let words = 0;
  let elapsed = 0;
  for (const input of inputs) {
    words += countWords(input.text);
    const started = performance.now();
    let analysis: unknown;
    try {
      analysis = analyzer(input);
    } catch (e) {
      errors.push({ id: input.id ?? '', message: e instanceof Error ? e.message : String(e) });
      analysis = { id: input.id, attributions: [] };
    }
    elapsed += performance.now() - started;
    lines.push(JSON.stringify(analysis) + '\n');
  }
  writeFileSync(file, lines.join(''));
  const milliseconds = Math.round(elapsed);
  return { articles: inputs.length, words, milliseconds, wordsPerSecond: elapsed > 0 ? Math.round(words / (elapsed / 1000)) : 0, errors };
}

function ratio(right: number, wanted: number): string {
  return `${right}/${wanted}`;
}

function atLeast(part: EvalPart, name: string, value: number, target: number): EvalFigure {
  return { part, name, value: value.toFixed(4), target: `>= ${target.toFixed(2)}`, pass: value >= target };
}

function seedFigures(p: SeedPart): EvalFigure[] {
  const s = p.score;
  const figures: EvalFigure[] = [
    { part: 'seed', name: 'required quotes found', value: ratio(s.found, s.required), target: `all (${s.required})`, pass: s.found === s.required },
    { part: 'seed', name: 'right speaker', value: ratio(s.speakerCorrect, s.required), target: `all (${s.required})`, pass: s.speakerCorrect === s.required },
    { part: 'seed', name: 'extra quotes', value: String(s.extraQuotes), target: `<= ${TARGETS.seed.maxExtra}`, pass: s.extraQuotes <= TARGETS.seed.maxExtra },
  ];
  for (const [key, value] of Object.entries(s.context)) {
    const [right, wanted] = value.split('/').map(Number);
    figures.push({ part: 'seed', name: `context: ${key}`, value, target: 'all', pass: right === wanted });
  }
  return figures;
}

function polnearFigures(p: PolnearPart): EvalFigure[] {
  const s = p.score;
  return [
    atLeast('polnear', 'attribution F1', s.attribution.f1, TARGETS.polnear.f1),
    atLeast('polnear', 'source given found', s.sourceGivenFound, TARGETS.polnear.sourceGivenFound),
    atLeast('polnear', 'cue given found', s.cueGivenFound, TARGETS.polnear.cueGivenFound),
  ];
}

function sentencesFigures(p: SentencesPart): EvalFigure[] {
  const s = p.score;
  return [
    atLeast('sentences', 'exact F1 source', s.source.f1, TARGETS.sentences.source),
    atLeast('sentences', 'exact F1 cue', s.cue.f1, TARGETS.sentences.cue),
    atLeast('sentences', 'exact F1 content', s.content.f1, TARGETS.sentences.content),
  ];
}

function challengeFigures(p: ChallengePart): EvalFigure[] {
  const s = p.score;
  const t = TARGETS.challenge;
  return [
    atLeast(p.part, 'statement precision', s.statements.precision, t.precision),
    atLeast(p.part, 'statement recall', s.statements.recall, t.recall),
    { part: p.part, name: 'statement F1', value: s.statements.f1.toFixed(4), target: '(none)', pass: true },
    atLeast(p.part, 'speaker mention right', s.mentionRight.value, t.mentionRight),
    atLeast(p.part, 'speaker name right', s.nameRight.value, t.nameRight),
  ];
}

interface PartContext {
  paths: ReturnType<typeof sharedPaths>;
  out: string;
  given?: string;
  analyzer: (input: ArticleInput) => Analysis;
}

function predictionsFor(ctx: PartContext, name: string, inputs: () => ArticleInput[]): { file: string; timing?: EvalTiming } {
  if (ctx.given) return { file: ctx.given };
  const file = join(ctx.out, name);
  return { file, timing: analyzeAll(inputs(), ctx.analyzer, file) };
}

function runSeed(ctx: PartContext): SeedPart {
  const { paths } = ctx;
  const text = readPythonText(paths.seedText);
  const gold = readJson<SeedGold>(paths.seedGold);
  const { file, timing } = predictionsFor(ctx, 'seed.jsonl', () => [{ id: SEED_ID, text, publishedAt: SEED_PUBLISHED_AT }]);
  const result = scoreSeed(gold, text, readPredictions(file), { maxExtra: TARGETS.seed.maxExtra });
  const base = [paths.scorer, 'seed', '--gold', paths.seedGold, '--text', paths.seedText, '--pred', file];
  return {
    part: 'seed', status: 'scored', predictions: file, score: result.score, scorerJson: formatSeedScore(result.score),
    commands: [command(base), command([...base, '--context'])],
    pass: result.pass, passWithContext: result.passWithContext,
    ...(timing && { timing }),
  };
}

function runPolnear(ctx: PartContext): PolnearPart {
  const { paths } = ctx;
  const gold = readJsonLines<PolnearDocument>(paths.polnearDev);
  const { file, timing } = predictionsFor(ctx, 'polnear-dev.jsonl', () => gold.map((d) => ({ id: String(d.id), text: d.text, ...(d.date && { publishedAt: d.date }) })));
  const { score } = scorePolnear(gold, readPredictions(file), { minF1: TARGETS.polnear.f1 });
  return {
    part: 'polnear', status: 'scored', predictions: file, score, scorerJson: formatPolnearScore(score),
    commands: [command([paths.scorer, 'polnear', '--gold', paths.polnearDev, '--pred', file, '--min-f1', String(TARGETS.polnear.f1)])],
    ...(timing && { timing }),
  };
}

function runSentences(ctx: PartContext): SentencesPart {
  const { paths, out } = ctx;
  const gold = readJsonLines<GoldSentence>(paths.devSentences);
  const inputs = sentenceInputs(gold);
  const inputFile = join(out, 'sentences-input.jsonl');
  writeFileSync(inputFile, formatSentenceInputs(inputs));
  const { file, timing } = predictionsFor(ctx, 'sentences-dev.jsonl', () => inputs);
  const { score } = scoreSentences(gold, readPredictions(file), { minF1: TARGETS.sentences.content });
  return {
    part: 'sentences', status: 'scored', predictions: file, score, scorerJson: formatSentencesScore(score),
    commands: [
      command([paths.scorer, 'sentences-input', '--gold', paths.devSentences, '--out', inputFile]),
      command([paths.scorer, 'sentences', '--gold', paths.devSentences, '--pred', file, '--min-f1', String(TARGETS.sentences.content)]),
    ],
    ...(timing && { timing }),
  };
}

function runChallenge(ctx: PartContext, part: 'challenge' | 'challenge-train', folder: string): ChallengePart {
  const half: ChallengeHalf = part === 'challenge' ? 'test' : 'train';
  const articles = readChallengeHalf(folder, half);
  const { file, timing } = predictionsFor(ctx, `challenge-${half}.jsonl`, () => articles.map((a) => ({ id: a.id, text: a.text, publishedAt: a.gold.publishedAt })));
  const score = scoreChallenge(articles, readPredictions(file));
  return { part, status: 'scored', predictions: file, score, ...(timing && { timing }) };
}

/** Runs the evaluation parts asked for and checks their figures against the targets. */
export async function runEval(options: EvalOptions = {}): Promise<EvalReport> {
  const shared = resolveSharedFolder(options.shared);
  const out = options.out ?? join(PACKAGE_ROOT, '.eval');
  const paths = sharedPaths(shared);
  const folder = challengeFolder(options.challenge);
  const needs: Record<EvalPart, string[]> = {
    seed: [paths.seedText, paths.seedGold],
    polnear: [paths.polnearDev],
    sentences: [paths.devSentences],
    challenge: [join(folder, 'test')],
    'challenge-train': [join(folder, 'train')],
  };
  const parts: EvalPartReport[] = [];
  const figures: EvalFigure[] = [];
  const analyzer = options.analyzer ?? analyzeArticle;
  let warm = false;
  for (const part of options.only ?? EVAL_PARTS) {
    const missing = missingPaths(needs[part]);
    if (missing.length > 0) {
      parts.push({ part, status: 'skipped', reason: `the shared data is absent (${missing.join(', ')} not found)` });
      continue;
    }
    if ((part === 'challenge' || part === 'challenge-train') && challengeIds(folder, part === 'challenge' ? 'test' : 'train').length === 0) {
      parts.push({ part, status: 'skipped', reason: `the challenge set has no articles in ${needs[part][0]}` });
      continue;
    }
    mkdirSync(out, { recursive: true });
    const given = options.predictions?.[part];
    if (!given && !warm) {
      // one untimed call first, so the first part timed does not pay for loading the language model
      analyzer({ text: WARM_UP });
      warm = true;
    }
    const ctx: PartContext = { paths, out, given, analyzer };
    if (part === 'seed') {
      const p = runSeed(ctx);
      parts.push(p);
      figures.push(...seedFigures(p));
    } else if (part === 'polnear') {
      const p = runPolnear(ctx);
      parts.push(p);
      figures.push(...polnearFigures(p));
    } else if (part === 'challenge' || part === 'challenge-train') {
      const p = runChallenge(ctx, part, folder);
      parts.push(p);
      figures.push(...challengeFigures(p));
    } else {
      const p = runSentences(ctx);
      parts.push(p);
      figures.push(...sentencesFigures(p));
    }
  }
  return { shared, out, parts, figures, pass: figures.every((f) => f.pass) };
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
}

/** The report as text: the figures table, the seed's problems, timings, score.py's JSON and the commands. */
export function formatEvalReport(report: EvalReport, verbose = false): string {
  const lines: string[] = [`whosaid eval: shared data ${report.shared}, predictions in ${report.out}`, ''];
  for (const p of report.parts) if (p.status === 'skipped') lines.push(`${p.part}: skipped: ${p.reason}`);
  if (report.figures.length > 0) {
    lines.push(...table([['part', 'figure', 'value', 'target', 'pass'], ...report.figures.map((f) => [f.part, f.name, f.value, f.target, f.pass ? 'yes' : 'NO'])]));
  }
  const scored = report.parts.filter((p): p is Exclude<EvalPartReport, SkippedPart> => p.status === 'scored');
  const seed = scored.find((p): p is SeedPart => p.part === 'seed');
  if (seed) {
    lines.push('', `seed: score.py seed ${seed.pass ? 'passes' : 'fails'}; with --context it ${seed.passWithContext ? 'passes' : 'fails'}`);
    lines.push(seed.score.problems.length ? 'seed problems:' : 'seed problems: none');
    for (const problem of seed.score.problems) lines.push(`  - ${problem}`);
  }
  for (const p of scored) {
    if (p.part !== 'challenge' && p.part !== 'challenge-train') continue;
    lines.push('', `${p.part}:`, ...formatChallengeScore(p.score, verbose).map((l) => `  ${l}`));
  }
  const timed = scored.filter((p) => p.timing);
  if (timed.length > 0) {
    lines.push('', 'analysis time:');
    for (const p of timed) {
      const t = p.timing!;
      lines.push(`  ${p.part}: ${t.articles} texts, ${t.words} words, ${t.milliseconds} ms, ${t.wordsPerSecond} words/s${t.errors.length ? `, ${t.errors.length} failed (first: ${t.errors[0].id}: ${t.errors[0].message})` : ''}`);
    }
  }
  const scorePy = scored.filter((p): p is SeedPart | PolnearPart | SentencesPart => 'scorerJson' in p);
  if (scorePy.length > 0) {
    lines.push('', 'score.py output (the same JSON):');
    for (const p of scorePy) lines.push(`  ${p.part}: ${p.scorerJson}`);
    lines.push('', 'reproduce with score.py:');
    for (const p of scorePy) for (const c of p.commands) lines.push(`  ${c}`);
  }
  lines.push('', report.figures.length === 0 ? 'nothing scored' : report.pass ? 'all targets met' : `${report.figures.filter((f) => !f.pass).length} of ${report.figures.length} targets not met`);
  return lines.join('\n') + '\n';
}
