/**
 * The properties every analysis must have, whatever the input: no exception, valid against the output
 * contract (the zod schema of src/core/analysis.ts), every span inside the analysed text and every
 * span's `text` verbatim from it, and determinism (the same article gives the same JSON whatever was
 * analysed before it in the process). Each check returns the problem, or undefined.
 */
import { Analysis } from '../core/analysis.js';
import type { ArticleInput } from '../core/analyze.js';

export type Analyze = (input: ArticleInput) => unknown;

export type PropertyName = 'no-exception' | 'schema' | 'spans' | 'determinism';

export interface Problem {
  readonly property: PropertyName;
  readonly message: string;
}

/** Analyses a text and checks the first three properties; returns the analysis's JSON when it holds. */
export function checkOne(analyze: Analyze, input: ArticleInput): { problem: Problem } | { json: string } {
  let result: unknown;
  try {
    result = analyze(input);
  } catch (error) {
    return { problem: { property: 'no-exception', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } };
  }
  const parsed = Analysis.safeParse(result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: { property: 'schema', message: `${issue.path.join('.')}: ${issue.message}` } };
  }
  const analysis = parsed.data;
  const text = analysis.text ?? input.text;
  const bad = findBadSpan(analysis, text);
  if (bad) return { problem: { property: 'spans', message: bad } };
  return { json: JSON.stringify(result) };
}

/** The first span outside the text or whose `text` is not the text it covers, described; else undefined. */
export function findBadSpan(analysis: Analysis, text: string): string | undefined {
  const walk = (value: unknown, path: string): string | undefined => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const bad = walk(value[i], `${path}[${i}]`);
        if (bad) return bad;
      }
      return undefined;
    }
    if (value === null || typeof value !== 'object') return undefined;
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      if (!(o.start >= 0 && o.start <= o.end && o.end <= text.length)) return `${path}: [${o.start}, ${o.end}) is outside the text (length ${text.length})`;
      if (typeof o.text === 'string' && o.text !== text.slice(o.start, o.end)) {
        return `${path}: text ${JSON.stringify(o.text)} is not the text at [${o.start}, ${o.end}), ${JSON.stringify(text.slice(o.start, o.end))}`;
      }
    }
    for (const [key, child] of Object.entries(o)) {
      if (key === 'metadata') continue;
      const bad = walk(child, path ? `${path}.${key}` : key);
      if (bad) return bad;
    }
    return undefined;
  };
  return walk({ attributions: analysis.attributions, entities: analysis.entities, times: analysis.times, diagnostics: analysis.diagnostics }, '');
}

/**
 * All four properties for a run of articles: the first analysed, then each other article (each held to
 * the first three properties too), then the first again, which must give the same JSON.
 */
export function checkAll(analyze: Analyze, input: ArticleInput, others: readonly ArticleInput[]): Problem | undefined {
  const first = checkOne(analyze, input);
  if ('problem' in first) return first.problem;
  for (const [i, other] of others.entries()) {
    const result = checkOne(analyze, other);
    if ('problem' in result) return { ...result.problem, message: `the other article ${i + 1} of ${others.length}: ${result.problem.message}` };
  }
  const second = checkOne(analyze, input);
  if ('problem' in second) return second.problem;
  if (second.json !== first.json) return { property: 'determinism', message: `a second analysis after ${others.length} other article(s) differs: ${firstDifference(first.json, second.json)}` };
  return undefined;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}: …${a.slice(Math.max(0, i - 60), i + 60)}… then …${b.slice(Math.max(0, i - 60), i + 60)}…`;
}
