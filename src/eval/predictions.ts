/**
 * Reading predicted analyses the way `score.py` reads them: JSON lines keyed by `str(id)`, the
 * attributions list, and content, speaker-mention and cue spans moved from UTF-16 offsets to code-point
 * offsets. Pure: callers pass file contents in.
 */
import { pyIndex, pyStr, pyTruthy, type JsonValue } from './python-compat.js';

export type JsonObject = { [key: string]: JsonValue };

/** A half-open [start, end) pair of code-point offsets. */
export type Range = readonly [number, number];

/** Python's `dict.get`: a missing key and a JSON null both read as null. */
export function field(o: unknown, key: string): JsonValue {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  return Object.hasOwn(o, key) ? ((o as JsonObject)[key] ?? null) : null;
}

function requireNumber(o: unknown, key: string): number {
  const v = field(o, key);
  if (typeof v !== 'number') throw new TypeError(`expected a number at "${key}", found ${JSON.stringify(v)}`);
  return v;
}

/** Python's text-mode line iteration: `\r\n`, `\r` and `\n` all end a line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const PY_SPACE = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** Python's `str.strip()` (which, unlike `String.trim`, keeps a byte-order mark). */
export function pyStrip(s: string): string {
  return s.replace(PY_SPACE, '');
}

/** `load_pred`: predicted analyses keyed by `str(id)`; a later line with the same id replaces an earlier one. */
export function parsePredictions(jsonl: string): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const raw of splitLines(jsonl)) {
    const line = pyStrip(raw);
    if (!line) continue;
    const d = JSON.parse(line) as JsonObject;
    out.set(pyStr(field(d, 'id')), d);
  }
  return out;
}

/** `attributions()`: the analysis's attributions (or legacy `quotes`), statements only for the seed. */
export function attributionsOf(analysis: unknown, statementsOnly = false): JsonObject[] {
  let items: JsonValue = null;
  if (typeof analysis === 'object' && analysis !== null && Object.hasOwn(analysis, 'attributions')) items = field(analysis, 'attributions');
  else if (typeof analysis === 'object' && analysis !== null && Object.hasOwn(analysis, 'quotes')) items = field(analysis, 'quotes');
  const list = (pyTruthy(items) ? items : []) as JsonObject[];
  if (!statementsOnly) return list;
  return list.filter((a) => {
    const type = typeof a === 'object' && a !== null && Object.hasOwn(a, 'type') ? a.type : 'statement';
    return type === 'statement';
  });
}

/** `utf16_to_cp`: for each UTF-16 offset into `text` (and its end), the code-point offset. */
export function utf16ToCodePoints(text: string): number[] {
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    map.push(i);
    if (ch.length === 2) map.push(i);
    i += 1;
  }
  map.push(i);
  return map;
}

function mapOffset(map: readonly number[], offset: number): number {
  return pyIndex(map, Math.min(offset, map.length - 1));
}

/** `spans_of`: an attribution's content segments in code points, empty ones dropped. */
export function spansOf(quote: unknown, map: readonly number[]): Range[] {
  let segs = field(quote, 'content');
  if (!pyTruthy(segs)) segs = [];
  if (!Array.isArray(segs)) segs = [segs];
  const out: Range[] = [];
  for (const s of segs) {
    const a = mapOffset(map, requireNumber(s, 'start'));
    const b = mapOffset(map, requireNumber(s, 'end'));
    if (b > a) out.push([a, b]);
  }
  return out;
}

function rangeOf(value: JsonValue, map: readonly number[]): Range | null {
  if (!pyTruthy(value)) return null;
  return [mapOffset(map, requireNumber(value, 'start')), mapOffset(map, requireNumber(value, 'end'))];
}

/** `mention_of`: the speaker mention in code points, or null. */
export function mentionOf(quote: unknown, map: readonly number[]): Range | null {
  return rangeOf(field(field(quote, 'speaker'), 'mention'), map);
}

/** `cue_of`: the cue in code points, or null. */
export function cueOf(quote: unknown, map: readonly number[]): Range | null {
  return rangeOf(field(quote, 'cue'), map);
}

/** `overlap`: both present and sharing at least one offset. */
export function overlaps(a: Range | null, b: Range | null): boolean {
  return a !== null && b !== null && a[0] < b[1] && b[0] < a[1];
}

/**
 * `charset`: the set of offsets the spans cover, held as sorted disjoint ranges so that intersection
 * and union sizes (the only things the scorer asks of it) are exact without building sets of numbers.
 */
export function charset(spans: readonly Range[]): Range[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The number of offsets in a charset. */
export function charsetSize(set: readonly Range[]): number {
  let n = 0;
  for (const [a, b] of set) n += b - a;
  return n;
}

/** `len(x & y)` of two charsets. */
export function intersectionSize(x: readonly Range[], y: readonly Range[]): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const lo = Math.max(x[i][0], y[j][0]);
    const hi = Math.min(x[i][1], y[j][1]);
    if (hi > lo) n += hi - lo;
    if (x[i][1] < y[j][1]) i++;
    else j++;
  }
  return n;
}

/** `len(x & y) / len(x | y)`: the Jaccard overlap of two charsets, as the same float division. */
export function jaccard(x: readonly Range[], y: readonly Range[]): number {
  const inter = intersectionSize(x, y);
  return inter / (charsetSize(x) + charsetSize(y) - inter);
}

/** A set of ranges keyed by value, as Python's set of tuples. */
export function rangeKey([a, b]: Range): string {
  return `${a},${b}`;
}
