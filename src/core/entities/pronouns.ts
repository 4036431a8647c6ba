/**
 * Subject pronouns to entities. "President Trump said he will meet with Kim": he is Trump, the subject
 * before it, not Kim. The candidate is the most recent agreeing mention in the pronoun's sentence or the
 * few before it, subjects preferred; mentions inside quotation marks are someone else's words and count
 * only for a pronoun inside the same quote, and a pronoun inside a quote looks only inside it.
 */
import type { Diagnostic, EntityType } from '../analysis.js';
import type { Segmented, Token } from '../segment/segment.js';
import { quoteOfTokens } from '../time/quoted-tokens.js';
import type { EntityLayer, Mention } from './find-entities.js';
import { memoByVocab } from '../segment/vocab-memo.js';
import { partitionPoint } from '../sorted.js';
import { genderOfPerson, type Gender } from './gender.js';
import { speaksAfter } from './groups.js';

interface PronounFamily {
  readonly words: readonly string[];
  /** The entity types the pronoun can refer to. */
  readonly types: ReadonlySet<EntityType>;
}

/** Pronoun families and what each can refer to. Source: English pronoun agreement (number, gender, person/thing). */
const FAMILIES: readonly PronounFamily[] = [
  { words: ['he', 'him', 'his', 'himself'], types: new Set(['person']) },
  { words: ['she', 'her', 'hers', 'herself'], types: new Set(['person']) },
  { words: ['it', 'its', 'itself'], types: new Set(['organization', 'place', 'other']) },
  { words: ['they', 'them', 'their', 'themselves'], types: new Set(['group', 'organization']) },
  { words: ['we', 'us', 'our'], types: new Set(['group', 'organization']) },
];
const FAMILY_OF: ReadonlyMap<string, PronounFamily> = new Map(FAMILIES.flatMap((f) => f.words.map((w) => [w, f] as const)));
/** 1 + the index in `FAMILIES` of a word's family (0: no pronoun), by vocabulary id: the look-back reads no text. */
const familyNumber = memoByVocab((t) => {
  const family = FAMILY_OF.get(t.lower);
  return family ? FAMILIES.indexOf(family) + 1 : 0;
});

function familyOf(t: Token): PronounFamily | undefined {
  const n = familyNumber(t);
  return n === 0 ? undefined : FAMILIES[n - 1];
}

/** Sentences before the pronoun's own that may hold its antecedent. */
const WINDOW = 6;
/**
 * Tokens before the pronoun that may hold its antecedent, however long its sentences: the look-back of
 * one pronoun stays bounded in a text with no sentence breaks (`segment/long-sentence`).
 */
export const MAX_LOOKBACK_TOKENS = 400;
/** Score: a sentence further back costs this much; being a subject earns SUBJECT. */
const DISTANCE_COST = 3;
const SUBJECT = 2;
/** Being a person whose name or title shows the pronoun's gender earns this (see `knownToAgree`). */
const KNOWN_GENDER = 1;

/** The entity the pronoun at `tokenIndex` most likely refers to, or undefined. */
export function resolvePronoun(seg: Segmented, layer: EntityLayer, tokenIndex: number): string | undefined {
  let memo = resolved.get(layer);
  if (!memo) {
    const typeOf = new Map<string, EntityType>();
    const genderOf = new Map<string, Gender>();
    const before = (m: { start: number }) => seg.text.slice(Math.max(0, m.start - 6), m.start);
    for (const e of layer.entities) {
      typeOf.set(e.id, e.type);
      const gender = e.type === 'person' ? genderOfPerson(e.name, e.mentions, e.roles ?? [], before) : undefined;
      if (gender) genderOf.set(e.id, gender);
    }
    resolved.set(layer, (memo = { answers: new Map(), typeOf, genderOf, upTo: 0 }));
  }
  // The pronouns before it are resolved first, in text order, so the look-back through earlier pronouns
  // ("he … he … he said") reads their answers and never recurses down a long chain of them.
  for (; memo.upTo < tokenIndex; memo.upTo++) if (familyOf(seg.tokens[memo.upTo])) resolveWith(seg, layer, memo.upTo, memo);
  return resolveWith(seg, layer, tokenIndex, memo);
}

/** Per entity layer, computed once: the answers so far and each entity's type. */
interface Memo {
  readonly answers: Map<number, string | undefined>;
  readonly typeOf: ReadonlyMap<string, EntityType>;
  /** Every pronoun before this token index has its answer. */
  upTo: number;
  /** The gender a person's titles or given name show, where they show one. */
  readonly genderOf: ReadonlyMap<string, Gender>;
}

const resolved = new WeakMap<EntityLayer, Memo>();

function resolveWith(seg: Segmented, layer: EntityLayer, tokenIndex: number, memo: Memo): string | undefined {
  const { answers, typeOf, genderOf } = memo;
  if (answers.has(tokenIndex)) return answers.get(tokenIndex);
  const pronoun = seg.tokens[tokenIndex];
  const family = pronoun && familyOf(pronoun);
  if (!family) return undefined;
  const { types } = family;
  // "she" never refers to a man's name, nor "he" to a woman's.
  const excluded: Gender | undefined = family.words[0] === 'he' ? 'female' : family.words[0] === 'she' ? 'male' : undefined;
  answers.set(tokenIndex, undefined);
  const quoteOf = quoteOfTokens(seg);
  const quote = quoteOf[tokenIndex];
  const floor = Math.max(seg.sentences[Math.max(0, pronoun.sentence - WINDOW)].first, tokenIndex - MAX_LOOKBACK_TOKENS);

  let best: string | undefined;
  let bestScore = -Infinity;
  let bestAt = -1;
  // Earlier mentions, and earlier pronouns of the same kind through what they resolved to
  // ("adding that he’s already developed a rapport with Kim … ” he said": he is the earlier he).
  for (let k = lastMentionBefore(layer.mentions, pronoun.start); k >= 0 && layer.mentions[k].first >= floor; k--) {
    const m = layer.mentions[k];
    if (quoteOf[m.first] !== quote || !agrees(typeOf, types, m.entity) || excluded !== undefined && genderOf.get(m.entity) === excluded) continue;
    // "the Gulls", "the Tidewater Gulls": a name after "the" is no one "he" or "she" refers to
    if (excluded !== undefined && m.first > 0 && seg.tokens[m.first - 1].lower === 'the') continue;
    // "By Helen Marsh, Health Reporter": the byline's writer is no one the article's pronouns refer to
    if (inByline(seg, m.first)) continue;
    const score = scoreOf(seg, pronoun.sentence, m.first, m.last) + knownToAgree(genderOf, excluded, m.entity);
    if (score > bestScore) {
      best = m.entity;
      bestScore = score;
      bestAt = m.first;
    }
  }
  for (let i = tokenIndex - 1; i >= floor; i--) {
    if (quoteOf[i] !== quote || familyOf(seg.tokens[i]) !== family) continue;
    const entity = resolveWith(seg, layer, i, memo);
    if (entity === undefined || !agrees(typeOf, types, entity) || excluded !== undefined && genderOf.get(entity) === excluded) continue;
    const score = scoreOf(seg, pronoun.sentence, i, i + 1) + knownToAgree(genderOf, excluded, entity);
    if (score > bestScore) {
      best = entity;
      bestScore = score;
      bestAt = i;
    }
  }
  // "A nurse who works at the clinic said … She asked that her name not be used": an unnamed speaker
  // described after the best name is whom "she" refers to, and has no name
  if (best !== undefined && excluded !== undefined && unnamedSpeakerBetween(seg, bestAt, tokenIndex)) best = undefined;
  answers.set(tokenIndex, best);
  return best;
}

/** Whether token `i` lies in a byline: a line that opens with "By" and a name. */
function inByline(seg: Segmented, i: number): boolean {
  const t = seg.tokens[i];
  const first = seg.sentences[t.sentence].first;
  return i - first <= 2 && seg.tokens[first].text === 'By' && i > first;
}

/** Words that open a description of one unnamed person: "A nurse", "One mother", "An official". */
const ONE = new Set(['a', 'an', 'one']);

/**
 * Whether a sentence after token `after` and up to the pronoun at `pronoun` opens with an unnamed
 * person's description that speaks: "A nurse who works at one of the clinics said", "One parent said".
 */
function unnamedSpeakerBetween(seg: Segmented, after: number, pronoun: number): boolean {
  const from = seg.tokens[after].sentence + 1;
  for (let s = from; s <= seg.tokens[pronoun].sentence; s++) {
    const sentence = seg.sentences[s];
    let i = sentence.first;
    if (!ONE.has(seg.tokens[i]?.lower ?? '')) continue;
    i++;
    while (i < sentence.last && (seg.tokens[i].pos === 'ADJ' || seg.tokens[i].pos === 'NOUN')) i++;
    if (i === sentence.first + 1 || seg.tokens[i - 1].pos !== 'NOUN' || i >= pronoun) continue;
    if (seg.tokens[i].lower === 'who' || speaksAfter(seg, i - 1)) return true;
  }
  return false;
}

/** The entity's type is one the pronoun can refer to. */
function agrees(typeOf: ReadonlyMap<string, EntityType>, types: ReadonlySet<EntityType>, entity: string): boolean {
  const type = typeOf.get(entity);
  return type !== undefined && types.has(type);
}

/**
 * "Lau and Patel both argued the case. She told the court…": where two candidates stand alike, the one
 * whose name or title shows the pronoun's gender beats one whose gender nothing shows. Less than a
 * subject's or a sentence's worth, so it only breaks ties.
 */
function knownToAgree(genderOf: ReadonlyMap<string, Gender>, excluded: Gender | undefined, entity: string): number {
  const gender = genderOf.get(entity);
  return excluded !== undefined && gender !== undefined && gender !== excluded ? KNOWN_GENDER : 0;
}

/** How good an antecedent at tokens [first, last) is for a pronoun in sentence `sentence`. */
function scoreOf(seg: Segmented, sentence: number, first: number, last: number): number {
  const distance = sentence - seg.tokens[first].sentence;
  return -DISTANCE_COST * distance + (isSubject(seg, last) ? SUBJECT : 0);
}

function lastMentionBefore(mentions: readonly Mention[], offset: number): number {
  return partitionPoint(mentions, (m) => m.end <= offset) - 1;
}

/** "Trump said", "Pompeo also told", "Kim has agreed": a verb group follows the mention ending before `last`. */
function isSubject(seg: Segmented, last: number): boolean {
  // "Monroe, who played six seasons for the Gulls, said": the verb after a relative clause on the name;
  // "Hana Delacroix, Jean Delacroix’s sister-in-law, voted": the verb after an appositive
  const comma = seg.tokens[last];
  const next = seg.tokens[last + 1];
  if (comma?.text === ',' && next && (/^(?:who|which)$/.test(next.lower) || /^(?:DET|NOUN|PROPN|ADJ)$/.test(next.pos))) {
    for (let k = last + 2; k < Math.min(seg.tokens.length, last + 30) && seg.tokens[k].sentence === comma.sentence; k++) {
      if (seg.tokens[k].text === ',') {
        last = k + 1;
        break;
      }
    }
  }
  for (let i = last; i < Math.min(seg.tokens.length, last + 3); i++) {
    const pos = seg.tokens[i].pos;
    if (pos === 'VERB' || pos === 'AUX') return true;
    if (pos !== 'ADV') return false;
  }
  return false;
}

/**
 * One diagnostic (`segment/long-sentence`) where a sentence is longer than the pronoun look-back, which
 * is then shorter than the three sentences it spans elsewhere; none in ordinary prose.
 */
export function longSentenceDiagnostics(seg: Segmented): Diagnostic[] {
  let count = 0;
  let first: Segmented['sentences'][number] | undefined;
  for (const s of seg.sentences) {
    if (s.last - s.first <= MAX_LOOKBACK_TOKENS) continue;
    count++;
    first ??= s;
  }
  if (!first) return [];
  return [{
    code: 'segment/long-sentence',
    severity: 'info',
    message: `A sentence longer than ${MAX_LOOKBACK_TOKENS} tokens: a pronoun in it looks back ${MAX_LOOKBACK_TOKENS} tokens for what it refers to.`,
    span: { start: first.start, end: first.end },
    actual: `${count} sentence${count === 1 ? '' : 's'} over ${MAX_LOOKBACK_TOKENS} tokens, the first of ${first.last - first.first}`,
    expected: `sentences of at most ${MAX_LOOKBACK_TOKENS} tokens`,
  }];
}
