/**
 * The TypeScript scorer prints what `python3 shared/tools/score.py` prints. The predictions are built
 * here, at run time, from the shared gold data with deliberate faults (dropped, shifted, extra,
 * segmented, wrong speaker, emoji in the text) and written to a temporary folder; nothing from the
 * shared data enters the repository.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJson, readJsonLines, readPredictions, readPythonText } from './read-data.js';
import { missingPaths, resolveSharedFolder, sharedPaths } from './shared-folder.js';
import { formatSeedScore, scoreSeed, type SeedGold } from './score-seed.js';
import { formatPolnearScore, scorePolnear, type PolnearDocument } from './score-polnear.js';
import { formatSentenceInputs, formatSentencesScore, scoreSentences, sentenceInputs, type GoldSentence } from './score-sentences.js';
import { detokenize } from './detokenize.js';

const shared = resolveSharedFolder();
const paths = sharedPaths(shared);
const python = spawnSync('python3', ['--version']).status === 0;
const missing = missingPaths([paths.scorer, paths.seedGold, paths.seedText, paths.polnearDev, paths.devSentences]);
const skip = !python ? 'python3 is not installed' : missing.length ? `the shared folder lacks ${missing.join(', ')}` : false;

/** A small deterministic generator (mulberry32), so every run builds the same faults. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Code-point offset → UTF-16 offset in `text`. */
function utf16At(text: string, cp: number): number {
  return Array.from(text).slice(0, Math.max(cp, 0)).join('').length;
}

function runScorer(args: string[]): { stdout: string; status: number | null } {
  const r = spawnSync('python3', [paths.scorer, ...args], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`score.py failed: ${r.stderr}`);
  return { stdout: r.stdout.replace(/\n$/, ''), status: r.status };
}

function writeLines(path: string, values: unknown[]): void {
  writeFileSync(path, values.map((v) => JSON.stringify(v) + '\n').join(''));
}

type Span = { start: number; end: number; text?: string };

const EMOJI = '😀 ';

/** A copy of a document with an emoji before each paragraph, gold offsets (code points) moved to match. */
function withEmoji(d: PolnearDocument): PolnearDocument {
  const cps = Array.from(d.text);
  const inserts: number[] = [0];
  cps.forEach((ch, i) => { if (ch === '\n' && cps[i + 1] !== '\n') inserts.push(i + 1); });
  const shift = (o: number) => o + 2 * inserts.filter((x) => x <= o).length;
  const out: string[] = [];
  cps.forEach((ch, i) => { if (inserts.includes(i)) out.push(...EMOJI); out.push(ch); });
  const move = (spans?: Span[] | null) => spans?.map((s) => ({ ...s, start: shift(s.start), end: shift(s.end - 1) + 1 }));
  return { ...d, text: out.join(''), attributions: d.attributions.map((a) => ({ ...a, source: move(a.source), cue: move(a.cue), content: move(a.content) })) };
}

/** Predicted analyses for PolNeAR documents: gold attributions, some dropped, shifted, split or wrong. */
function polnearPredictions(docs: PolnearDocument[], seed: number): unknown[] {
  const rnd = random(seed);
  const lines: unknown[] = [];
  docs.forEach((d, di) => {
    if (di % 17 === 5) return;
    const len16 = d.text.length;
    const at = (cp: number) => utf16At(d.text, cp);
    const attributions: unknown[] = [];
    for (const a of d.attributions) {
      const c = a.content?.[0];
      if (!c || rnd() < 0.15) continue;
      let start = at(c.start);
      let end = at(c.end);
      const roll = rnd();
      if (roll < 0.2) { start += Math.floor(rnd() * 30) - 10; end += Math.floor(rnd() * 30) - 10; }
      else if (roll < 0.25) end = len16 + 40;
      const content = roll > 0.85 && end - start > 6
        ? [{ start, end: start + Math.floor((end - start) / 2) }, { start: start + Math.floor((end - start) / 2) + 2, end }]
        : [{ start: Math.max(start, 0), end }];
      const s = a.source?.[0];
      const cue = a.cue?.[0];
      attributions.push({
        type: rnd() < 0.5 ? 'statement' : 'belief',
        content,
        speaker: s && rnd() < 0.8 ? { mention: { start: at(s.start) + (rnd() < 0.2 ? 1 : 0), end: at(s.end), text: '' }, name: 'x' } : {},
        ...(cue && rnd() < 0.8 && { cue: { start: at(cue.start), end: at(cue.end) + (rnd() < 0.1 ? 3 : 0), text: '' } }),
      });
    }
    for (let k = 0; k < 3; k++) {
      const start = Math.floor(rnd() * len16);
      attributions.push({ type: 'statement', content: [{ start, end: Math.min(start + 40, len16) }], speaker: { mention: { start, end: start + 5, text: '' } } });
    }
    if (rnd() < 0.3) attributions.push({ content: [{ start: 10, end: 10 }], speaker: {} });
    lines.push({ id: d.id, attributions });
    if (di % 23 === 3) lines.push({ id: d.id, attributions: attributions.slice(1) });
  });
  return lines;
}

/** Predicted analyses for gold sentences: BIO spans turned back into character spans, with faults. */
function sentencePredictions(sentences: GoldSentence[], seed: number): unknown[] {
  const rnd = random(seed);
  return sentences.map((d, i) => {
    const { text, offsets } = detokenize(d.tokens);
    const span = (a: number, b: number) => ({ start: utf16At(text, offsets[a][0]), end: utf16At(text, offsets[b - 1][1]), text: '' });
    const roles: Record<string, [number, number][]> = {};
    let cur: [string, number] | undefined;
    [...d.labels, 'O'].forEach((l, j) => {
      if (cur && (l === 'O' || l.startsWith('B-') || l.slice(2) !== cur[0])) { (roles[cur[0]] ??= []).push([cur[1], j]); cur = undefined; }
      if (l.startsWith('B-') || (l.startsWith('I-') && !cur)) cur = [l.slice(2), j];
    });
    const attributions = (roles.content ?? []).filter(() => rnd() > 0.1).map(([a, b], k) => {
      const shifted = rnd() < 0.2 ? Math.min(a + 1, b - 1) : a;
      const content = rnd() < 0.15 && b - a > 3 ? [span(shifted, a + 2), span(a + 2, b)] : [span(shifted, b)];
      const src = roles.source?.[k];
      const cue = roles.cue?.[k];
      return {
        type: 'statement', content,
        speaker: src && rnd() < 0.85 ? { mention: rnd() < 0.1 ? { start: span(...src).start + 1, end: span(...src).start + 1, text: '' } : span(...src) } : {},
        ...(cue && rnd() < 0.85 && { cue: span(cue[0], rnd() < 0.1 ? Math.min(cue[1] + 1, d.tokens.length) : cue[1]) }),
      };
    });
    if (rnd() < 0.05 && d.tokens.length > 3) attributions.push({ type: 'statement', content: [span(0, 2)], speaker: {} });
    return { id: String(i), attributions };
  });
}

test('score-port: seed figures equal score.py on perturbed predictions', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-score-'));
  const gold = readJson<SeedGold>(paths.seedGold);
  const text = readPythonText(paths.seedText);
  const at = (cp: number) => utf16At(text, cp);
  const variants: [string, (q: SeedGold['quotes'][number], i: number) => unknown[]][] = [
    ['perfect', (q) => [{ type: 'statement', content: [{ start: at(q.content.start), end: at(q.content.end) }], speaker: { name: q.speakerNames?.[0] },
      ...(q.addressee && { addressee: { start: 0, end: 3, text: q.addressee } }),
      ...(q.relayedBy && { relays: [{ kind: q.relayedBy.kind, name: q.relayedBy.name, on: q.relayedBy.on }] }),
      ...(q.saidOn && { saidOn: q.saidOn }) }]],
    ['dropped-and-shifted', (q, i) => i % 3 === 0 ? [] : [{ content: [{ start: at(q.content.start) + 4 * (i % 4), end: at(q.content.end) }], speaker: { name: i % 2 ? q.speakerNames?.[0] : 'he' } }]],
    ['segmented-and-extra', (q, i) => [
      { type: 'statement', content: [{ start: at(q.content.start), end: at(q.content.start) + 5 }, { start: at(q.content.start) + 7, end: at(q.content.end) }], speaker: { name: i % 4 ? 'Someone Else' : q.speakerNames?.[0] }, relays: [{ name: 'Bloomberg' }] },
      { type: i % 2 ? 'belief' : 'statement', content: [{ start: 5 * i, end: 5 * i + 9 }], speaker: { name: "O'Brien\n‘x’" } },
    ]],
  ];
  for (const [name, build] of variants) {
    const pred = { id: 'article', attributions: gold.quotes.flatMap(build), times: [{ value: '2018-10-09T10:00' }, { value: '2018-11-06' }] };
    const file = join(dir, `${name}.jsonl`);
    writeLines(file, [pred]);
    for (const context of [false, true]) {
      const py = runScorer(['seed', '--gold', paths.seedGold, '--text', paths.seedText, '--pred', file, ...(context ? ['--context'] : [])]);
      const ts = scoreSeed(gold, text, readPredictions(file));
      assert.equal(formatSeedScore(ts.score), py.stdout, `${name}${context ? ' --context' : ''}`);
      assert.equal(context ? ts.passWithContext : ts.pass, py.status === 0, `${name} exit status`);
    }
  }
});

test('score-port: PolNeAR document figures equal score.py, with emoji in some texts', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-score-'));
  const dev = readJsonLines<PolnearDocument>(paths.polnearDev);
  const gold = dev.map((d, i) => (i % 4 === 1 ? withEmoji(d) : d));
  const goldFile = join(dir, 'gold.jsonl');
  writeLines(goldFile, gold);
  for (const seed of [1, 2]) {
    const predFile = join(dir, `pred-${seed}.jsonl`);
    writeLines(predFile, polnearPredictions(gold, seed));
    const py = runScorer(['polnear', '--gold', goldFile, '--pred', predFile, '--min-f1', '0.7']);
    const ts = scorePolnear(readJsonLines<PolnearDocument>(goldFile), readPredictions(predFile), { minF1: 0.7 });
    assert.equal(formatPolnearScore(ts.score), py.stdout);
    assert.equal(ts.pass, py.status === 0);
  }
});

test('score-port: sentence inputs and sentence figures equal score.py, with emoji tokens', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-score-'));
  const gold = readJsonLines<GoldSentence>(paths.devSentences).map((d, i) => (i % 9 === 2
    ? { ...d, tokens: ['🙂', ...d.tokens.slice(0, 2), '``', '🎉x', "''", ...d.tokens.slice(2)], labels: ['O', ...d.labels.slice(0, 2), 'O', 'I-content', 'O', ...d.labels.slice(2)] }
    : d));
  const goldFile = join(dir, 'gold.jsonl');
  writeLines(goldFile, gold);
  const inputFile = join(dir, 'input.jsonl');
  runScorer(['sentences-input', '--gold', goldFile, '--out', inputFile]);
  assert.equal(formatSentenceInputs(sentenceInputs(gold)), readPythonText(inputFile));
  for (const seed of [3, 4]) {
    const predFile = join(dir, `pred-${seed}.jsonl`);
    writeLines(predFile, sentencePredictions(gold, seed));
    const py = runScorer(['sentences', '--gold', goldFile, '--pred', predFile, '--min-f1', '0.5']);
    const ts = scoreSentences(readJsonLines<GoldSentence>(goldFile), readPredictions(predFile), { minF1: 0.5 });
    assert.equal(formatSentencesScore(ts.score), py.stdout);
    assert.equal(ts.pass, py.status === 0);
  }
});
