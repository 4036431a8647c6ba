/**
 * Grouping: tagged spans become attributions. Each cue anchors one; it takes the unclaimed content
 * span that follows it in its sentence ("The senator said on Tuesday that the bill would pass") and the
 * one just before it ("“We will win,” she said, “and soon.”" gives two segments), then the nearest source
 * in its sentence, left first. Content nobody's cue claims stands alone, keeping the source tagged in its
 * sentence if any.
 */
import type { Segmented } from '../segment/segment.js';
import { LABEL_COUNT, O, isBegin, roleOf, type Role } from './labels.js';

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
    const source = nearestSource(spans, cue, claimed, cues);
    if (source) {
      claimed.add(source);
      reasons.push('learned/nearest-source');
    }
    out.push({ cue, source, content, reasons });
  }
  for (const s of spans) {
    if (s.role !== 'content' || claimed.has(s)) continue;
    const source = nearestSource(spans, s, claimed, cues);
    if (source) claimed.add(source);
    out.push({ source, content: [s], reasons: source ? ['learned/tagger', 'learned/no-cue', 'learned/nearest-source'] : ['learned/tagger', 'learned/no-cue'] });
  }
  return out.sort((a, b) => a.content[0].first - b.content[0].first);
}

/** The unclaimed source in `anchor`'s sentence nearest to it, the left one on a tie. */
function nearestSource(spans: readonly TaggedSpan[], anchor: TaggedSpan, claimed: ReadonlySet<TaggedSpan>, cues: readonly TaggedSpan[]): TaggedSpan | undefined {
  let best: TaggedSpan | undefined;
  let bestDistance = Infinity;
  for (const s of spans) {
    if (s.role !== 'source' || claimed.has(s) || s.sentence !== anchor.sentence) continue;
    const left = s.last <= anchor.first;
    const distance = left ? anchor.first - s.last : s.first - anchor.last + 0.5;
    // a source on the far side of another cue belongs to that cue
    const between = cues.some((c) => c !== anchor && (left ? c.first >= s.last && c.last <= anchor.first : c.first >= anchor.last && c.last <= s.first));
    if (between) continue;
    if (distance < bestDistance) {
      best = s;
      bestDistance = distance;
    }
  }
  return best;
}

/** A confidence in [0, 1] from the last pass's scores: the mean margin of the chosen labels over the spans' tokens. */
export function confidenceOf(scores: Float32Array, labels: ArrayLike<number>, spans: readonly TaggedSpan[]): number {
  let sum = 0;
  let count = 0;
  for (const s of spans) {
    for (let i = s.first; i < s.last; i++) {
      const row = i * LABEL_COUNT;
      const chosen = scores[row + labels[i]];
      let other = -Infinity;
      for (let l = 0; l < LABEL_COUNT; l++) if (l !== labels[i] && scores[row + l] > other) other = scores[row + l];
      sum += chosen - other;
      count++;
    }
  }
  if (count === 0) return 0;
  const margin = sum / count;
  return Math.round((1 / (1 + Math.exp(-margin / 4))) * 1000) / 1000;
}
