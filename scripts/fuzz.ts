/**
 * Long fuzz runs: `npm run fuzz [-- --runs N --seed S --jsonl FILE --batch B]`.
 *
 * Mutates the team's own articles (examples/*.txt and the fuzz sentences) and, with --jsonl, the texts
 * of a JSON-lines file ({text} or {html} a line; up to 2,000 lines sampled evenly, read as a stream),
 * and checks every property of src/fuzz/properties.ts on each case: one to four mutated articles, each
 * held to no exception, the schema and verbatim spans, the first analysed again after the others for
 * determinism. The progress line counts cases and articles (shrinking after a failure not counted). Runs in batches of B cases (default
 * 1,000), each its own fast-check seed (S, S+1, …), so that memory stays constant over a million cases
 * and a failure ends only its own batch. Every failure is printed with the seed and path that replay
 * it (`--seed S --path P --runs 1`), minimized by fast-check's shrinking, and saved as a regression
 * case in src/fuzz/regressions/, which the test suite replays. A progress line goes to stderr.
 * Exits 1 when any case failed.
 */
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { analyzeArticle } from '../src/node/analyzer.js';
import type { ArticleInput } from '../src/core/analyze.js';
import { caseArbitrary, caseText, type FuzzCase } from '../src/fuzz/mutations.js';
import { checkAll, type Problem } from '../src/fuzz/properties.js';
import { saveRegression } from '../src/fuzz/regressions.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    jsonl: { type: 'string' },
    batch: { type: 'string', default: '1000' },
    'no-save': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const batchSize = Number(values.batch);
const baseSeed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
if (!(runs >= 1 && batchSize >= 1 && Number.isInteger(baseSeed))) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S] [--path P] [--jsonl FILE] [--batch B] [--no-save]');
  process.exit(2);
}

const MAX_JSONL_BASES = 2000;

/** The texts of a JSON-lines file, sampled evenly (reservoir sampling keeps memory bounded). */
async function readBases(file: string): Promise<string[]> {
  const sample: string[] = [];
  let seen = 0;
  let state = baseSeed >>> 0 || 1;
  const random = (): number => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let text: unknown;
    try {
      const value = JSON.parse(line.replace(/^\uFEFF/, '')) as { text?: unknown; html?: unknown };
      text = value.text ?? value.html;
    } catch {
      continue;
    }
    if (typeof text !== 'string') continue;
    seen++;
    if (sample.length < MAX_JSONL_BASES) sample.push(text);
    else {
      const j = Math.floor(random() * seen);
      if (j < MAX_JSONL_BASES) sample[j] = text;
    }
  }
  return sample;
}

function teamArticles(): string[] {
  const dir = new URL('../examples/', import.meta.url);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
}

const bases = [...teamArticles(), ...(values.jsonl ? await readBases(values.jsonl) : [])];
const asInput = (c: FuzzCase): ArticleInput => ({ text: caseText(c) });
const analyze = (input: ArticleInput) => analyzeArticle(input);

let lastProblem: Problem | undefined;
let articles = 0;
let shrinking = false;
/** The batch's first failure, before shrinking: what a minimized case that passes alone (a failure that
 * needed the process's history) is reported with. */
let firstProblem: Problem | undefined;
const property = fc.property(
  caseArbitrary({ bases, maxRun: 2000, maxMutations: 8 }),
  fc.array(caseArbitrary({ bases, maxRun: 2000, maxMutations: 8 }), { maxLength: 3 }),
  (c, others) => {
    lastProblem = checkAll(analyze, asInput(c), others.map(asInput));
    if (!shrinking) articles += 1 + others.length;
    if (lastProblem !== undefined && !shrinking) {
      shrinking = true;
      firstProblem = lastProblem;
    }
    return lastProblem === undefined;
  },
);

const started = performance.now();
let done = 0;
let failures = 0;
let lastProgress = 0;
const tty = process.stderr.isTTY === true;
function progress(final = false): void {
  const now = performance.now();
  if (!final && now - lastProgress < (tty ? 250 : 30_000)) return;
  lastProgress = now;
  const seconds = (now - started) / 1000;
  const line = `fuzz: ${done.toLocaleString('en-US')}/${runs.toLocaleString('en-US')} cases (${articles.toLocaleString('en-US')} articles), ${failures} failing, ${(done / Math.max(seconds, 1e-9)).toFixed(0)}/s, ${seconds.toFixed(0)} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`;
  process.stderr.write(tty ? `\r${line}\x1b[K${final ? '\n' : ''}` : `${line}\n`);
}

console.log(`fuzz: ${runs} cases from seed ${baseSeed} in batches of ${batchSize}; ${bases.length} base articles beside the generated ones`);
for (let batch = 0; done < runs; batch++) {
  const seed = (baseSeed + batch) | 0;
  const numRuns = Math.min(batchSize, runs - done);
  shrinking = false;
  firstProblem = undefined;
  const result = fc.check(property, { seed, numRuns, ...(values.path !== undefined && batch === 0 && { path: values.path }) });
  done += result.failed ? result.numRuns : numRuns;
  if (result.failed && result.counterexample) {
    failures++;
    const [c, others] = result.counterexample;
    // the last run of the property was the last shrink tried; run the minimal case again for its problem
    const alone = checkAll(analyze, asInput(c), others.map(asInput));
    const problem = alone ?? (firstProblem && { ...firstProblem, message: `(not reproduced by the minimized case alone: the failure needed what the process read before) ${firstProblem.message}` });
    const regression = {
      property: problem?.property ?? 'no-exception',
      message: (problem?.message ?? 'the property failed').slice(0, 2000),
      seed: result.seed,
      ...(result.counterexamplePath && { path: result.counterexamplePath }),
      input: asInput(c),
      others: others.map(asInput),
    };
    const file = values['no-save'] ? '(not saved)' : saveRegression(regression);
    if (tty) process.stderr.write('\n');
    console.log(`FAIL ${regression.property}: seed ${result.seed}, path ${result.counterexamplePath} (replay: npm run fuzz -- --seed ${result.seed} --path ${result.counterexamplePath} --runs 1)`);
    console.log(`  minimized text (${regression.input.text.length} chars): ${JSON.stringify(regression.input.text.slice(0, 300))}`);
    console.log(`  ${regression.message.split('\n')[0].slice(0, 300)}`);
    console.log(`  saved: ${file}`);
  }
  progress();
}
progress(true);
console.log(`fuzz: ${done} cases, ${articles} articles, ${failures} failing batch(es), ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = failures > 0 ? 1 : 0;
