/**
 * What the page highlights, computed from offsets alone (as displaCy does): the analysed text cut into
 * segments at every start and end of an attribution's content, each segment naming the attributions
 * that cover it. The page turns each segment into a text node, so the article's own markup is never
 * rendered. Pure, so it is tested in Node.
 */

export interface Spanned {
  id: string;
  content: readonly { start: number; end: number }[];
}

export interface Segment {
  start: number;
  end: number;
  /** The attributions whose content covers this segment, in the analysis's order. */
  ids: string[];
}

/** The text's segments, end to end from 0 to `length`; spans outside the text are clipped. */
export function segmentText(length: number, attributions: readonly Spanned[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  const clip = (n: number) => Math.max(0, Math.min(length, n));
  for (const a of attributions) for (const s of a.content) {
    cuts.add(clip(s.start));
    cuts.add(clip(s.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    const ids = attributions.filter((a) => a.content.some((s) => s.start <= start && s.end >= end)).map((a) => a.id);
    segments.push({ start, end, ids });
  }
  return segments;
}

/** The speaker key of an attribution: its entity, else its name, else "unknown". */
export function speakerKey(speaker: { entity?: string; name?: string; mention?: { text: string } }): string {
  return speaker.entity ?? speaker.name ?? (speaker.mention ? `mention:${speaker.mention.text}` : 'unknown');
}

/** One colour index per speaker key, in order of first appearance; "unknown" gets none (-1). */
export function colourIndexes(keys: readonly string[], palette: number): Map<string, number> {
  const map = new Map<string, number>();
  for (const key of keys) if (!map.has(key)) map.set(key, key === 'unknown' ? -1 : [...map.values()].filter((v) => v >= 0).length % palette);
  return map;
}

/** Counts by ISO day (the first 10 characters), days in order. */
export function perDay(dates: readonly (string | undefined)[]): { day: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of dates) if (d !== undefined && /^\d{4}-\d{2}-\d{2}/.test(d)) counts.set(d.slice(0, 10), (counts.get(d.slice(0, 10)) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count }));
}
