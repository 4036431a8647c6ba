/**
 * `whosaid bench`: throughput of the full engine against a bare wink-nlp pass over the same texts
 * (PolNeAR's train.jsonl by default: 840 articles, 624,643 whitespace-separated words), in one
 * single-threaded run. The target: the engine keeps at least half the bare pass's words/s.
 *
 * Fairness: one untimed warm-up pass of each side first (JIT, model load, caches); then `repeat` timed
 * rounds, each running both sides over every text, the side that goes first alternating by round, and a
 * garbage collection before each timed pass where node runs with --expose-gc.
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Analysis } from '../core/analysis.js';
import type { ArticleInput } from '../core/analyze.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyzeArticle } from '../node/analyzer.js';
import { resolveSharedFolder, sharedPaths } from '../eval/shared-folder.js';
import { countWords } from './count-words.js';
import { percentile } from './percentile.js';

export interface BenchOptions {
  /** A JSON-lines file of articles `{id?, text, date?}` (default: the shared PolNeAR train.jsonl). */
  file?: string;
  /** The shared folder, where `file` is not given (default as eval resolves it). */
  shared?: string;
  /** Only the first `limit` articles. */
  limit?: number;
  /** Timed rounds (default 3); each round times both sides over every article. */
  repeat?: number;
  /** The engine to time (default `analyzeArticle`). */
  analyzer?: (input: ArticleInput) => Analysis;
}

export type BenchSideName = 'bare' | 'engine';

export interface BenchSide {
  /** Words over the time of all timed passes. */
  wordsPerSecond: number;
  /** The summed time of the timed passes. */
  milliseconds: number;
  /** Per-article time over every timed pass, nearest-rank percentiles. */
  msPerArticle: { p50: number; p95: number; max: number };
  /** Each timed pass, in the order run. */
  passes: number[];
}

export interface BenchReport {
  file: string;
  /** Present when the file is absent: the bench did not run (not a failure). */
  skipped?: string;
  articles: number;
  words: number;
  wordDefinition: string;
  repeat: number;
  /** The order the timed passes ran in. */
  order: BenchSideName[];
  bare?: BenchSide;
  engine?: BenchSide;
  /** engine words/s ÷ bare words/s. */
  ratio?: number;
  target: number;
  pass: boolean;
  /** The process's peak resident set size over the whole run (both sides), in MiB. */
  peakRssMiB?: number;
  node: string;
  gc: boolean;
}

const TARGET_RATIO = 0.5;
const WORD_DEFINITION = 'whitespace-separated tokens (as Python str.split() counts them)';

/**
 * The bare wink-nlp pass: read the document, then its tokens with value and part of speech, sentences and
 * entities. It runs wink-nlp's full default pipeline (entities included), not the leaner one the core uses.
 */
function bareWink(): (input: ArticleInput) => unknown {
  const nlp = winkNLP(model);
  const its = nlp.its;
  return (input) => {
    const doc = nlp.readDoc(input.text);
    return [doc.tokens().out(its.value), doc.tokens().out(its.pos), doc.sentences().out(its.span), doc.entities().out(its.detail)];
  };
}

function readArticles(file: string, limit?: number): ArticleInput[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const chosen = limit === undefined ? lines : lines.slice(0, limit);
  return chosen.map((line) => {
    const d = JSON.parse(line) as { id?: unknown; text: string; date?: string };
    return { ...(d.id !== undefined && { id: String(d.id) }), text: d.text, ...(d.date && { publishedAt: d.date }) };
  });
}

const collect = (globalThis as { gc?: () => void }).gc;

/** Runs `fn` over every article; returns the pass's time and each article's time, in ms. */
function timePass(articles: readonly ArticleInput[], fn: (input: ArticleInput) => unknown): { total: number; each: number[] } {
  collect?.();
  const each: number[] = [];
  const started = performance.now();
  for (const a of articles) {
    const t = performance.now();
    fn(a);
    each.push(performance.now() - t);
  }
  return { total: performance.now() - started, each };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function summarize(words: number, passes: { total: number; each: number[] }[]): BenchSide {
  const milliseconds = passes.reduce((s, p) => s + p.total, 0);
  const each = passes.flatMap((p) => p.each);
  return {
    wordsPerSecond: milliseconds > 0 ? Math.round((words * passes.length) / (milliseconds / 1000)) : 0,
    milliseconds: Math.round(milliseconds),
    msPerArticle: { p50: round2(percentile(each, 50)), p95: round2(percentile(each, 95)), max: round2(each.reduce((a, b) => Math.max(a, b), 0)) },
    passes: passes.map((p) => Math.round(p.total)),
  };
}

/** Times the bare wink-nlp pass and the engine over the same articles. */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const file = options.file ?? sharedPaths(resolveSharedFolder(options.shared)).polnearTrain;
  const repeat = Math.max(1, options.repeat ?? 3);
  const base = { file, wordDefinition: WORD_DEFINITION, repeat, target: TARGET_RATIO, node: process.version, gc: collect !== undefined };
  if (!existsSync(file)) {
    return { ...base, skipped: `${file} not found (the shared data is absent)`, articles: 0, words: 0, order: [], pass: true };
  }
  const articles = readArticles(file, options.limit);
  const words = articles.reduce((s, a) => s + countWords(a.text), 0);
  const sides: Record<BenchSideName, (input: ArticleInput) => unknown> = { bare: bareWink(), engine: options.analyzer ?? analyzeArticle };
  timePass(articles, sides.bare);
  timePass(articles, sides.engine);
  const timed: Record<BenchSideName, { total: number; each: number[] }[]> = { bare: [], engine: [] };
  const order: BenchSideName[] = [];
  for (let r = 0; r < repeat; r++) {
    const round: BenchSideName[] = r % 2 === 0 ? ['bare', 'engine'] : ['engine', 'bare'];
    for (const side of round) {
      timed[side].push(timePass(articles, sides[side]));
      order.push(side);
    }
  }
  const bare = summarize(words, timed.bare);
  const engine = summarize(words, timed.engine);
  const ratio = bare.wordsPerSecond > 0 ? Math.round((engine.wordsPerSecond / bare.wordsPerSecond) * 1000) / 1000 : 0;
  return {
    ...base, articles: articles.length, words, order, bare, engine, ratio, pass: ratio >= TARGET_RATIO,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** The report as text. */
export function formatBenchReport(report: BenchReport): string {
  if (report.skipped) return `whosaid bench: skipped: ${report.skipped}\n`;
  const { bare, engine } = report;
  const lines = [
    `whosaid bench: ${report.file}`,
    `${report.articles} articles, ${thousands(report.words)} words (${report.wordDefinition}); node ${report.node}, single thread`,
    `1 warm-up pass each, then ${report.repeat} timed rounds, order ${report.order.join(' ')}${report.gc ? ', gc before each pass' : ' (run node with --expose-gc to collect garbage between passes)'}`,
    '',
  ];
  const rows = [['', 'words/s', 'ms/article p50', 'p95', 'max', 'passes (ms)']];
  for (const [name, side] of [['bare wink-nlp', bare], ['engine', engine]] as const) {
    if (side) rows.push([name, thousands(side.wordsPerSecond), side.msPerArticle.p50.toFixed(2), side.msPerArticle.p95.toFixed(2), side.msPerArticle.max.toFixed(2), side.passes.join(' ')]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  lines.push(...rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')));
  lines.push(
    '',
    `engine / bare: ${report.ratio} (target >= ${report.target}): ${report.pass ? 'pass' : 'FAIL'}`,
    `peak RSS: ${report.peakRssMiB} MiB (whole process, both sides)`,
  );
  return lines.join('\n') + '\n';
}
