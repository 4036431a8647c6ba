/**
 * Trains the learned attribution model on PolNeAR's train.jsonl (dev.jsonl only picks the epochs) and
 * writes models/attribution-model.json, and its packed form models/attribution-model.bin (pack-model.ts).
 *
 *   npx tsx scripts/train-model.ts [--shared DIR] [--epochs 8] [--bits 16] [--folds 5] [--passes 1] [--out PATH]
 *     [--challenge] [--challenge-copies 1]
 *
 * `--challenge` also trains on the challenge set's training half (challenge/train, never challenge/test):
 * each gold attribution's speaker mention, cue and content become a source, cue and content span, as in
 * PolNeAR; `--challenge-copies N` repeats those articles N times in every epoch.
 *
 * Deterministic: the shuffles are seeded, and nothing else varies between runs.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { segment, type Segmented } from '../src/core/segment/segment.js';
import { computeAtoms, extractFeatures, type Atoms, type CueLexicon } from '../src/core/learned/features.js';
import { labelTokens, type RoleSpan } from '../src/core/learned/gold.js';
import { MODEL_FORMAT, MODEL_VERSION, decodeModel, packTagger, parseModel, type AttributionModel, type TaggerWeights } from '../src/core/learned/model.js';
import { LABELS, LABEL_COUNT } from '../src/core/learned/labels.js';
import { TEMPLATE_COUNT } from '../src/core/learned/features.js';
import { paragraphRanges, tagTokens } from '../src/core/learned/tag.js';
import { trainPerceptron, type PerceptronWeights, type TrainingDocument } from '../src/core/learned/train.js';
import { predictAttributions } from '../src/core/learned/index.js';
import { scorePolnear, type PolnearScore } from '../src/eval/score-polnear.js';
import { PACKAGE_ROOT } from '../src/eval/shared-folder.js';
import type { JsonObject } from '../src/eval/predictions.js';
import { packModelFile } from './pack-model.js';
import { challengeFolder, readChallengeHalf } from '../src/eval/challenge-folder.js';
import { polnearPaths, readArticles, toScoredAnalysis, type PolnearArticle } from './learned-predictions.js';

const { values: args } = parseArgs({
  options: {
    shared: { type: 'string' },
    epochs: { type: 'string', default: '8' },
    bits: { type: 'string', default: '16' },
    folds: { type: 'string', default: '5' },
    passes: { type: 'string', default: '1' },
    seed: { type: 'string', default: '7' },
    prune: { type: 'string', default: '0' },
    challenge: { type: 'boolean', default: false },
    'challenge-copies': { type: 'string', default: '1' },
    out: { type: 'string', default: join(PACKAGE_ROOT, 'models', 'attribution-model.json') },
  },
});
const EPOCHS = Number(args.epochs);
const BITS = Number(args.bits);
const FOLDS = Number(args.folds);
const PASSES = Number(args.passes);
const SEED = Number(args.seed);
const PRUNE = Number(args.prune);

interface Prepared {
  article: PolnearArticle;
  seg: Segmented;
  gold: Uint8Array;
  ranges: [number, number][];
  atoms?: Atoms;
}

const began = performance.now();
const seconds = () => ((performance.now() - began) / 1000).toFixed(1) + 's';
const log = (s: string) => process.stdout.write(`[${seconds()}] ${s}\n`);

function prepare(articles: PolnearArticle[]): Prepared[] {
  return articles.map((article) => {
    const seg = segment(article.text);
    const spans: RoleSpan[] = article.attributions.flatMap((a) =>
      (['source', 'cue', 'content'] as const).flatMap((role) => (a[role] ?? []).map((s) => ({ role, start: s.start, end: s.end }))),
    );
    return { article, seg, gold: labelTokens(seg, spans), ranges: paragraphRanges(seg) };
  });
}

/**
 * Cue strength of each lemma from the gold labels: of its occurrences (at least 3), the share tagged
 * as (part of) a cue: ≥ 50 % → 4, ≥ 20 % → 3, ≥ 5 % → 2, ≥ 1 % → 1.
 */
function countCueLexicon(docs: Prepared[]): Record<string, number> {
  const seen = new Map<string, [number, number]>();
  for (const d of docs) {
    d.seg.tokens.forEach((t, i) => {
      const c = seen.get(t.lemma) ?? [0, 0];
      c[0]++;
      if (d.gold[i] === 3 || d.gold[i] === 4) c[1]++;
      seen.set(t.lemma, c);
    });
  }
  const out: Record<string, number> = {};
  for (const [lemma, [n, cue]] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n < 3) continue;
    const r = cue / n;
    const strength = r >= 0.5 ? 4 : r >= 0.2 ? 3 : r >= 0.05 ? 2 : r >= 0.01 ? 1 : 0;
    if (strength > 0) out[lemma] = strength;
  }
  return out;
}

/** The challenge set's training half in PolNeAR's form: the speaker mention is the source. */
function challengeArticles(): PolnearArticle[] {
  return readChallengeHalf(challengeFolder(), 'train').map(({ id, text, gold }) => ({
    id: `challenge/${id}`,
    text,
    attributions: gold.attributions.map((a, k) => ({
      id: `${id}-${k + 1}`,
      source: a.speaker.mention ? [span(a.speaker.mention)] : [],
      cue: a.cue ? [span(a.cue)] : [],
      content: a.content.map(span),
    })),
  }));
}

function span(s: { text: string; start?: number; end?: number }): { text: string; start: number; end: number } {
  if (s.start === undefined || s.end === undefined) throw new Error(`a challenge span without offsets: "${s.text}" (run scripts/challenge-resolve.ts)`);
  return { text: s.text, start: s.start, end: s.end };
}

function buildModel(cueLexicon: Record<string, number>, passes: TaggerWeights[], provenance: Record<string, unknown>): AttributionModel {
  return { format: MODEL_FORMAT, version: MODEL_VERSION, labels: [...LABELS], templateCount: TEMPLATE_COUNT, cueLexicon, passes, provenance };
}

function score(model: AttributionModel, docs: Prepared[]): PolnearScore {
  const predictions = new Map<string, JsonObject>();
  for (const d of docs) predictions.set(String(d.article.id), toScoredAnalysis(String(d.article.id), d.article.text, predictAttributions(d.seg, model)));
  return scorePolnear(docs.map((d) => d.article), predictions).score;
}

function brief(s: PolnearScore): string {
  const a = s.attribution;
  return `P ${a.precision} R ${a.recall} F1 ${a.f1} source ${s.sourceGivenFound} cue ${s.cueGivenFound} exact ${JSON.stringify(s.exactF1)}`;
}

/** Trains one pass, keeping the epoch that scores best on dev (attribution F1). */
function trainPass(train: TrainingDocument[], epochs: number, evaluate?: (w: PerceptronWeights) => PolnearScore): { weights: PerceptronWeights; epoch: number; dev?: PolnearScore } {
  let best: { weights: PerceptronWeights; epoch: number; dev?: PolnearScore } | undefined;
  const last = trainPerceptron(train, {
    hashBits: BITS, epochs, seed: SEED,
    onEpoch: (epoch, averaged, mistakes) => {
      if (!evaluate) {
        log(`  epoch ${epoch}: ${mistakes} paragraphs wrong`);
        return;
      }
      const weights = averaged();
      const dev = evaluate(weights);
      log(`  epoch ${epoch}: ${mistakes} paragraphs wrong; dev ${brief(dev)}`);
      if (!best || !best.dev || dev.attribution.f1 > best.dev.attribution.f1) best = { weights, epoch, dev };
    },
  });
  return best ?? { weights: last, epoch: epochs };
}

function trainingDocuments(docs: Prepared[], previous?: Uint8Array[]): TrainingDocument[] {
  return docs.map((d, k) => ({ features: extractFeatures(d.seg, d.atoms!, previous?.[k]), labels: d.gold, ranges: d.ranges }));
}

function main() {
  const paths = polnearPaths(args.shared);
  log(`reading ${paths.polnearTrain} and ${paths.polnearDev}`);
  const polnearTrain = readArticles(paths.polnearTrain);
  const extra = args.challenge ? challengeArticles() : [];
  const copies = Number(args['challenge-copies']);
  const train = prepare([...polnearTrain, ...Array.from({ length: copies }, () => extra).flat()]);
  const dev = prepare(readArticles(paths.polnearDev));
  const tokens = train.reduce((n, d) => n + d.seg.tokens.length, 0);
  log(`segmented ${train.length} train articles (${tokens} tokens), ${dev.length} dev`);
  const cueLexicon = countCueLexicon(train);
  const lexicon: CueLexicon = new Map(Object.entries(cueLexicon));
  for (const d of [...train, ...dev]) d.atoms = computeAtoms(d.seg, lexicon);
  log(`cue lexicon: ${Object.keys(cueLexicon).length} lemmas`);

  const provenance: Record<string, unknown> = {
    trainedOn: extra.length > 0
      ? `PolNeAR train.jsonl (${polnearTrain.length} articles) and the challenge set's training half (${extra.length} articles, ${copies}×); epochs chosen on dev.jsonl`
      : `PolNeAR train.jsonl (${polnearTrain.length} articles); epochs chosen on dev.jsonl`,
    trainer: 'scripts/train-model.ts', algorithm: 'averaged structured perceptron, BIO tags, constrained Viterbi over paragraphs',
    hashBits: BITS, seed: SEED, folds: FOLDS,
  };
  const passes: TaggerWeights[] = [];
  const evaluateWith = (w: PerceptronWeights) => score(buildModel(cueLexicon, [...passes, packTagger(w.weights, w.transitions, BITS, PRUNE)], provenance), dev);

  log('pass 1 on all of train');
  const first = trainPass(trainingDocuments(train), EPOCHS, evaluateWith);
  log(`pass 1: best epoch ${first.epoch}: ${brief(first.dev!)}`);
  passes.push(packTagger(first.weights.weights, first.weights.transitions, BITS, PRUNE));
  provenance.pass1 = { epoch: first.epoch, dev: first.dev };
  let devScore = first.dev!;

  for (let pass = 2; pass <= PASSES; pass++) {
    // the labels an earlier pass gives each train article, from a model that did not see that article
    log(`pass ${pass}: ${FOLDS}-fold labels for train`);
    const previous: Uint8Array[] = new Array(train.length);
    for (let fold = 0; fold < FOLDS; fold++) {
      const held = train.filter((_, k) => k % FOLDS === fold);
      const rest = train.filter((_, k) => k % FOLDS !== fold);
      const foldPasses: TaggerWeights[] = [];
      let labelsOfRest: Uint8Array[] | undefined;
      for (let p = 1; p < pass; p++) {
        const epoch = (provenance[`pass${p}`] as { epoch: number }).epoch;
        const w = trainPass(trainingDocuments(rest, labelsOfRest), epoch).weights;
        foldPasses.push(packTagger(w.weights, w.transitions, BITS, PRUNE));
        if (p + 1 < pass) throw new Error('more than two passes needs nested folds; use --passes 2');
      }
      const decoded = decodeModel(buildModel(cueLexicon, foldPasses, {}));
      train.forEach((d, k) => {
        if (k % FOLDS === fold) previous[k] = tagTokens(d.seg, decoded).labels;
      });
      log(`  fold ${fold + 1}/${FOLDS} labelled (${held.length} articles)`);
    }
    const w = trainPass(trainingDocuments(train, previous), EPOCHS, evaluateWith);
    log(`pass ${pass}: best epoch ${w.epoch}: ${brief(w.dev!)}`);
    if (w.dev!.attribution.f1 <= devScore.attribution.f1) {
      log(`pass ${pass} does not help on dev; the model keeps ${passes.length} pass(es)`);
      break;
    }
    passes.push(packTagger(w.weights.weights, w.weights.transitions, BITS, PRUNE));
    provenance[`pass${pass}`] = { epoch: w.epoch, dev: w.dev };
    devScore = w.dev!;
  }

  provenance.dev = devScore;
  const model = buildModel(cueLexicon, passes, provenance);
  parseModel(JSON.parse(JSON.stringify(model)));
  mkdirSync(dirname(args.out!), { recursive: true });
  writeFileSync(args.out!, JSON.stringify(model) + '\n');
  log(`wrote ${args.out} (${(statSync(args.out!).size / 1e6).toFixed(1)} MB, ${passes.length} passes); dev ${brief(devScore)}`);
  log(`wrote ${packModelFile(args.out!)}, its packed form (the CLI loads it; commit both)`);
  void LABEL_COUNT;
}

main();
