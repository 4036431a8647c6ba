/**
 * Grouping: tagged spans become attributions. Each cue anchors one; it takes the unclaimed content
 * span that follows it in its sentence ("The senator said on Tuesday that the bill would pass") and the
 * one just before it ("“We will win,” she said, “and soon.”" gives two segments), then the nearest source
 * in its sentence, left first (sources may serve several cues: "Ruiz said…, adding…"). Content nobody's
 * cue claims stands alone, keeping the source tagged in its sentence if any.
 */
import type { Segmented } from '../segment/segment.js';
import { LABEL_COUNT, O, isBegin, roleOf, type Role } from './labels.js';
import { partitionPoint } from '../sorted.js';

/** A tagged span: tokens [first, last). */
export interface TaggedSpan {
  readonly role: Role;
  readonly first: number;
  readonly last: number;
  readonly sentence: number;
  readonly paragraph: number;
}

export interface GroupedAttribution {
  readonly cue?: TaggedSpan;
  readonly source?: TaggedSpan;
  readonly content: readonly TaggedSpan[];
  readonly reasons: readonly string[];
}

/** The spans of a label sequence, in text order. */
export function spansOfLabels(seg: Segmented, labels: ArrayLike<number>): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let start = -1;
  const tokens = seg.tokens;
  const close = (end: number) => {
    if (start >= 0) out.push({ role: roleOf(labels[start])!, first: start, last: end, sentence: tokens[start].sentence, paragraph: tokens[start].paragraph });
    start = -1;
  };
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l === O) close(i);
    else if (isBegin(l) || start < 0 || roleOf(labels[start]) !== roleOf(l) || tokens[i].paragraph !== tokens[start].paragraph) {
      close(i);
      start = i;
    }
  }
  close(labels.length);
  return out;
}

/** Groups tagged spans into attributions, in the order of their first content segment. */
export function groupSpans(spans: readonly TaggedSpan[]): GroupedAttribution[] {
  const claimed = new Set<TaggedSpan>();
  const out: GroupedAttribution[] = [];
  const cues = spans.filter((s) => s.role === 'cue');
  const sources = spans.filter((s) => s.role === 'source');
  /** The last attribution so far with a cue and a source (cues come in text order). */
  let lastSourced: GroupedAttribution | undefined;
  for (let k = 0; k < spans.length; k++) {
    const cue = spans[k];
    if (cue.role !== 'cue') continue;
    const content: TaggedSpan[] = [];
    const reasons = ['learned/tagger'];
    // the content right after the cue, with no other cue between, starting in the cue's sentence
    // or opening the next one ("He said: / “…”")
    for (let j = k + 1; j < spans.length; j++) {
      const s = spans[j];
      if (s.role === 'cue' || s.paragraph !== cue.paragraph || s.sentence > cue.sentence + 1) break;
      if (s.role === 'content' && !claimed.has(s)) {
        if (s.sentence === cue.sentence || s.first === cue.last || j === k + 1) content.push(s);
        break;
      }
    }
    // the content right before it, with no other cue between
    for (let j = k - 1; j >= 0; j--) {
      const s = spans[j];
      if (s.role === 'cue' || s.paragraph !== cue.paragraph) break;
      if (s.role === 'content') {
        if (!claimed.has(s) && (content.length === 0 || s.sentence === cue.sentence)) content.unshift(s);
        break;
      }
    }
    if (content.length === 0) continue;
    if (content.length > 1) reasons.push('learned/split-content');
    for (const s of content) claimed.add(s);
    let source = nearestSource(sources, cue, cues, 0);
    if (source) reasons.push('learned/nearest-source');
    else {
      // "…,” said Caddell, speaking of Clinton’s health": a second cue in the sentence shares the first one's source
      const before = lastSourced?.cue!.sentence === cue.sentence ? lastSourced : undefined;
      source = before?.source ?? nearestSource(sources, cue, cues, 1);
      if (source) reasons.push(before ? 'learned/shared-source' : 'learned/previous-sentence-source');
    }
    out.push({ cue, source, content, reasons });
    if (source) lastSourced = out[out.length - 1];
  }
  for (const s of spans) {
    if (s.role !== 'content' || claimed.has(s)) continue;
    const source = nearestSource(sources, s, cues, 0);
    out.push({ source, content: [s], reasons: source ? ['learned/tagger', 'learned/no-cue', 'learned/nearest-source'] : ['learned/tagger', 'learned/no-cue'] });
  }
  return out.sort((a, b) => a.content[0].first - b.content[0].first);
}

/**
 * The source nearest to `anchor` with no other cue between them, in its sentence or, with `reach` 1,
 * also in the sentence before it (the segmenter cuts "Sen. David Perdue (R-Ga.) said" after "Sen.");
 * the left one on a tie. `sources` and `cues` are in text order and do not overlap, so the candidates
 * are the nearest source on each side (one further away has any cue between as well), found by binary
 * search, and a cue between is the first cue after the gap's start.
 */
function nearestSource(sources: readonly TaggedSpan[], anchor: TaggedSpan, cues: readonly TaggedSpan[], reach: number): TaggedSpan | undefined {
  const from = partitionPoint(sources, (s) => s.sentence < anchor.sentence - reach);
  const to = partitionPoint(sources, (s) => s.sentence <= anchor.sentence);
  const before = partitionPoint(sources, (s) => s.sentence < anchor.sentence - reach || (s.sentence <= anchor.sentence && s.last <= anchor.first));
  const split = Math.min(Math.max(before, from), to);
  const inReach = (s: TaggedSpan | undefined) => s !== undefined && s.paragraph === anchor.paragraph;
  const left = split > from && inReach(sources[split - 1]) ? sources[split - 1] : undefined;
  const right = split < to && inReach(sources[split]) ? sources[split] : undefined;
  const clearLeft = left && !cueWithin(cues, left.last, anchor.first) ? left : undefined;
  const clearRight = right && !cueWithin(cues, anchor.last, right.first) ? right : undefined;
  if (clearLeft && clearRight) return anchor.first - clearLeft.last <= clearRight.first - anchor.last + 0.5 ? clearLeft : clearRight;
  return clearLeft ?? clearRight;
}

/** True where a cue lies wholly inside token range [start, end). */
function cueWithin(cues: readonly TaggedSpan[], start: number, end: number): boolean {
  const c = cues[partitionPoint(cues, (x) => x.first < start)];
  return c !== undefined && c.last <= end;
}

/**
 * A confidence in [0, 1] from the last pass's scores: over the spans' tokens, the mean margin of the
 * chosen role (its B- or I- label, whichever scores higher) over the best label of another role,
 * squashed by a logistic whose scale (`MARGIN_SCALE`) is the typical margin of the trained model.
 */
export function confidenceOf(scores: Float32Array, labels: ArrayLike<number>, spans: readonly TaggedSpan[]): number {
  let sum = 0;
  let count = 0;
  for (const s of spans) {
    for (let i = s.first; i < s.last; i++) {
      const row = i * LABEL_COUNT;
      const begin = labels[i] === O ? O : isBegin(labels[i]) ? labels[i] : labels[i] - 1;
      const chosen = begin === O ? scores[row] : Math.max(scores[row + begin], scores[row + begin + 1]);
      let other = -Infinity;
      for (let l = 0; l < LABEL_COUNT; l++) if (l !== begin && (begin === O || l !== begin + 1) && scores[row + l] > other) other = scores[row + l];
      sum += chosen - other;
      count++;
    }
  }
  if (count === 0) return 0;
  const margin = sum / count;
  return Math.round((1 / (1 + Math.exp(-margin / MARGIN_SCALE))) * 1000) / 1000;
}

/** The margin (in score units of the bundled model) that maps to a confidence of about 0.73. */
const MARGIN_SCALE = 150;
