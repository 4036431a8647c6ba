/**
 * `score.py seed`: the seed article's figures. Each gold quote is found by the predicted statement (or
 * one segment of it) with the highest character Jaccard overlap, at least 0.5; a found required quote
 * then needs the right speaker name and, for the context variant, the addressee, relay and date said
 * that the gold states. Predicted statements that match no gold quote are extra.
 */
import {
  attributionsOf, charset, field, jaccard, spansOf, utf16ToCodePoints, type JsonObject, type Range,
} from './predictions.js';
import { formatPythonJson, pyPrefix, pyRepr, pyStr, pyTruthy, type JsonValue } from './python-compat.js';

/** gold.json of the seed fixture, as far as the scorer reads it. */
export interface SeedGold {
  quotes: SeedGoldQuote[];
  times: { text?: string; value: string }[];
}

export interface SeedGoldQuote {
  content: { start: number; end: number; text: string };
  speakerNames: string[] | null;
  addressee?: string | null;
  relayedBy?: { kind?: string; name: string; handle?: string; on?: string } | null;
  saidOn?: string | null;
  required: boolean;
}

export interface SeedOptions {
  /** `--max-extra`: extra quotes allowed (2). */
  maxExtra?: number;
}

/** The object `score.py seed` prints, in its key order. */
export interface SeedScore {
  required: number;
  found: number;
  speakerCorrect: number;
  extraQuotes: number;
  /** Each check as "right/wanted". */
  context: { addressee: string; relay: string; saidOn: string; times: string };
  problems: string[];
}

export interface SeedResult {
  score: SeedScore;
  /** The command's exit status without `--context`: every required quote found with its speaker, few extras. */
  pass: boolean;
  /** With `--context`: also every addressee, relay, date said and time expression. */
  passWithContext: boolean;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them', 'his', 'hers', 'their']);

/** `norm_name`: lower case, curly apostrophe folded, everything but a-z, 0-9 and spaces dropped, split. */
export function normalizeName(s: unknown): string[] {
  if (!pyTruthy(s)) s = '';
  if (typeof s !== 'string') throw new TypeError(`a speaker name must be a string, found ${JSON.stringify(s)}`);
  return s.toLowerCase().replaceAll('’', "'").replace(/[^a-z0-9 ]/g, '').split(' ').filter(Boolean);
}

/** `name_matches`: the last word of some gold name is a word of the predicted name (a lone pronoun never is). */
export function nameMatches(predicted: unknown, goldNames: readonly string[]): boolean {
  const words = normalizeName(predicted);
  if (words.length === 0 || (words.length === 1 && PRONOUNS.has(words[0]))) return false;
  return goldNames.some((g) => {
    const gw = normalizeName(g);
    return gw.length > 0 && words.includes(gw[gw.length - 1]);
  });
}

type ContextKey = 'addressee' | 'relay' | 'saidOn';

/** `context_checks`: (what, wanted, right?) for the addressee, relay and date said the gold quote states. */
function contextChecks(g: SeedGoldQuote, q: JsonObject): [ContextKey, string, boolean][] {
  const out: [ContextKey, string, boolean][] = [];
  if (pyTruthy(g.addressee)) {
    const a = pyTruthy(field(q, 'addressee')) ? field(q, 'addressee') : {};
    out.push(['addressee', pyStr(g.addressee), formatPythonJson(a, true).toLowerCase().includes(g.addressee as string)]);
  }
  const r = g.relayedBy;
  if (r && pyTruthy(r)) {
    const relays = pyTruthy(field(q, 'relays')) ? field(q, 'relays') : [];
    const rel = formatPythonJson(relays, false).toLowerCase();
    const names = [r.name.toLowerCase(), ...(pyTruthy(r.handle) ? [r.handle!.toLowerCase()] : [])];
    out.push(['relay', pyStr(r.name), names.some((n) => rel.includes(n)) && (!pyTruthy(r.on) || rel.includes(r.on!))]);
  }
  if (pyTruthy(g.saidOn)) {
    const said = field(q, 'saidOn');
    out.push(['saidOn', pyStr(g.saidOn), (pyTruthy(said) ? pyStr(said) : '').startsWith(g.saidOn!)]);
  }
  return out;
}

/** Scores the seed article's predicted analysis (the first in `predictions`) against its gold. */
export function scoreSeed(gold: SeedGold, text: string, predictions: ReadonlyMap<string, JsonObject>, options: SeedOptions = {}): SeedResult {
  const maxExtra = options.maxExtra ?? 2;
  const pred = predictions.values().next().value;
  if (pred === undefined) throw new Error('the seed predictions hold no analysis');
  const map = utf16ToCodePoints(text);
  const pq: [Range[], JsonObject][] = attributionsOf(pred, true).map((q) => [spansOf(q, map), q]);
  const used = new Set<number>();
  let found = 0;
  let speakerOk = 0;
  let required = 0;
  const misses: string[] = [];
  const ctx: Record<ContextKey | 'times', [number, number]> = { addressee: [0, 0], relay: [0, 0], saidOn: [0, 0], times: [0, 0] };
  for (const g of gold.quotes) {
    const gs = charset([[g.content.start, g.content.end]]);
    let best = 0;
    let bi: number | undefined;
    pq.forEach(([sp], i) => {
      // a statement in several segments matches by its whole or by any one segment
      const candidates = [charset(sp), ...(sp.length > 1 ? sp.map((x) => charset([x])) : [])];
      for (const ps of candidates) {
        if (ps.length === 0) continue;
        const j = jaccard(gs, ps);
        if (j > best) {
          best = j;
          bi = i;
        }
      }
    });
    const hit = best >= 0.5;
    if (hit) used.add(bi!);
    if (!g.required) continue;
    required += 1;
    if (!hit) {
      misses.push('missed: ' + pyPrefix(g.content.text, 60));
      continue;
    }
    found += 1;
    const q = pq[bi!][1];
    const name = field(field(q, 'speaker'), 'name');
    const ok = g.speakerNames === null ? !pyTruthy(name) : nameMatches(name, g.speakerNames);
    if (ok) speakerOk += 1;
    else misses.push(`speaker ${pyRepr(name)} for: ${pyPrefix(g.content.text, 50)}`);
    for (const [key, want, got] of contextChecks(g, q)) {
      ctx[key][1] += 1;
      if (got) ctx[key][0] += 1;
      else misses.push(`${key} (want ${want}) for: ${pyPrefix(g.content.text, 40)}`);
    }
  }
  const extra = pq.length - used.size;
  const predTimes = field(pred, 'times');
  const times = new Set((Array.isArray(predTimes) ? predTimes : []).map((t) => {
    const v = field(t, 'value');
    return pyPrefix(pyTruthy(v) ? String(v) : '', 10);
  }));
  ctx.times = [gold.times.filter((t) => times.has(t.value)).length, gold.times.length];
  const score: SeedScore = {
    required, found, speakerCorrect: speakerOk, extraQuotes: extra,
    context: {
      addressee: ctx.addressee.join('/'), relay: ctx.relay.join('/'), saidOn: ctx.saidOn.join('/'), times: ctx.times.join('/'),
    },
    problems: misses,
  };
  const pass = found === required && speakerOk === required && extra <= maxExtra;
  return { score, pass, passWithContext: pass && Object.values(ctx).every(([a, b]) => a === b) };
}

/** The line `score.py seed` prints for a score. */
export function formatSeedScore(score: SeedScore): string {
  return formatPythonJson(score as unknown as JsonValue, false);
}
