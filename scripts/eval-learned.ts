/**
 * Scores the learned model alone on PolNeAR's dev data with the reference scorer, and times it.
 *
 *   npx tsx scripts/eval-learned.ts [--model PATH] [--shared DIR] [--out DIR] [--speed-articles 840]
 *
 * Writes the predictions (one analysis a line) under .eval/ (or --out), runs `score.py polnear` on
 * dev.jsonl and `score.py sentences` on the 1,925 dev sentences, prints both figures, then the speed of
 * predictAttributions on top of segment() over train.jsonl's texts (words as whitespace-separated tokens).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { segment } from '../src/core/segment/segment.js';
import { predictAttributions, type AttributionModel } from '../src/core/learned/index.js';
import { parseModel } from '../src/core/learned/model.js';
import { countWords } from '../src/bench/count-words.js';
import { PACKAGE_ROOT } from '../src/eval/shared-folder.js';
import { bundledModelPath, loadBundledModel } from '../src/node/load-model.js';
import { polnearPaths, readArticles, toScoredAnalysis } from './learned-predictions.js';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string' },
    shared: { type: 'string' },
    out: { type: 'string', default: join(PACKAGE_ROOT, '.eval') },
    'speed-articles': { type: 'string', default: '840' },
  },
});

function readModel(): { model: AttributionModel; path: string } {
  if (!args.model) return { model: loadBundledModel(), path: bundledModelPath() };
  return { model: parseModel(JSON.parse(readFileSync(args.model, 'utf8'))), path: args.model };
}

function python(...argv: string[]): string {
  return execFileSync('python3', argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

function main() {
  const paths = polnearPaths(args.shared);
  const out = args.out!;
  mkdirSync(out, { recursive: true });
  const loadStart = performance.now();
  const { model, path } = readModel();
  process.stdout.write(`model ${path} (${(statSync(path).size / 1e6).toFixed(1)} MB, ${model.passes.length} passes), loaded in ${Math.round(performance.now() - loadStart)} ms\n`);

  const dev = readArticles(paths.polnearDev);
  const devOut = join(out, 'learned-dev.jsonl');
  writeFileSync(devOut, dev.map((d) => JSON.stringify(toScoredAnalysis(String(d.id), d.text, predictAttributions(segment(d.text), model)))).join('\n') + '\n');
  process.stdout.write(`polnear (dev.jsonl, ${dev.length} articles): ${python(paths.scorer, 'polnear', '--gold', paths.polnearDev, '--pred', devOut)}\n`);

  const inputs = join(out, 'sentences-input.jsonl');
  python(paths.scorer, 'sentences-input', '--gold', paths.devSentences, '--out', inputs);
  const sentences = readFileSync(inputs, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
  const sentencesOut = join(out, 'learned-sentences.jsonl');
  writeFileSync(sentencesOut, sentences.map((s) => JSON.stringify(toScoredAnalysis(s.id, s.text, predictAttributions(segment(s.text), model)))).join('\n') + '\n');
  process.stdout.write(`sentences (${sentences.length}): ${python(paths.scorer, 'sentences', '--gold', paths.devSentences, '--pred', sentencesOut)}\n`);

  const texts = readArticles(paths.polnearTrain).slice(0, Number(args['speed-articles'])).map((a) => a.text);
  const words = texts.reduce((n, t) => n + countWords(t), 0);
  const t0 = performance.now();
  const segs = texts.map((t) => segment(t));
  const t1 = performance.now();
  let found = 0;
  for (const seg of segs) found += predictAttributions(seg, model).length;
  const t2 = performance.now();
  const rate = (ms: number) => Math.round(words / (ms / 1000)).toLocaleString('en-US');
  process.stdout.write(`speed over ${texts.length} train texts (${words.toLocaleString('en-US')} words, ${found} attributions): segment ${rate(t1 - t0)} words/s; predictAttributions ${rate(t2 - t1)} words/s; both ${rate(t2 - t0)} words/s\n`);
}

main();
