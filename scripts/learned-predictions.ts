/**
 * Shared by scripts/train-model.ts and scripts/eval-learned.ts: PolNeAR's files read into memory, and
 * the learned model's attributions written as the analyses score.py reads.
 */
import { join } from 'node:path';
import { readJsonLines } from '../src/eval/read-data.js';
import { resolveSharedFolder, sharedPaths } from '../src/eval/shared-folder.js';
import type { JsonObject } from '../src/eval/predictions.js';
import type { PolnearDocument } from '../src/eval/score-polnear.js';
import type { GoldSentence } from '../src/eval/score-sentences.js';
import type { LearnedAttribution } from '../src/core/learned/index.js';

export interface PolnearSpan {
  start: number;
  end: number;
  text: string;
}
export interface PolnearArticle {
  id: string;
  date?: string;
  text: string;
  attributions: { id: string; source: PolnearSpan[]; cue: PolnearSpan[]; content: PolnearSpan[] }[];
}

export function polnearPaths(shared?: string) {
  const paths = sharedPaths(resolveSharedFolder(shared));
  return { ...paths, polnearDir: join(resolveSharedFolder(shared), 'data', 'polnear') };
}

export function readArticles(path: string): PolnearArticle[] {
  return readJsonLines<PolnearArticle>(path);
}

export function readSentences(path: string): GoldSentence[] {
  return readJsonLines<GoldSentence>(path);
}

/** The analysis fields score.py reads, for one text's learned attributions. */
export function toScoredAnalysis(id: string, text: string, attributions: readonly LearnedAttribution[]): JsonObject {
  return {
    id,
    attributions: attributions.map((a) => {
      const out: JsonObject = {
        type: a.type,
        kind: a.kind,
        content: a.content.map((s) => ({ start: s.start, end: s.end })),
        speaker: a.source ? { mention: { start: a.source.start, end: a.source.end, text: text.slice(a.source.start, a.source.end) } } : {},
        confidence: a.confidence,
      };
      if (a.cue) out.cue = { start: a.cue.start, end: a.cue.end, text: text.slice(a.cue.start, a.cue.end) };
      return out;
    }),
  };
}

export type { PolnearDocument };
