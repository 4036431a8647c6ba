/**
 * Speakers a news article names after it first describes them. Two conventions of news writing:
 *
 *   a description, named in the next paragraph or the next sentence, with an age:
 *     "A construction foreman told an inquest that he had asked for a new harness.
 *
 *      Reggie Castillo, 52, said the strap was frayed."                 → the foreman is Reggie Castillo
 *     "The Comets’ captain … called the win “a message.” Marcus Oyelaran, 29, has 11 goals …"
 *
 *   a headline's description, named where the body reports the same words or gives the same description:
 *     "Talks to resume in January, host says"  … "Kristin Aalto said the talks would resume in January"
 *     "‘I panicked,’ driver tells jury"        … "A delivery driver charged with …" (Marcus Hale, above)
 *
 * Only a speaker mention that names no entity is linked: a description ("A construction foreman", "The
 * former treasurer of the fund", "elder"), never a pronoun, a name, or a group ("officials"). The lede's
 * person must be named for the first time at the start of the next paragraph (or sentence), followed by an age
 * ("Castillo, 52,"), as a news article introduces the person its lede described; a headline's speaker
 * takes the speaker of the body statement that repeats its quoted words or at least two of its content
 * words, else of the body statement whose description ends in the same noun, else (for a person's
 * description, not an organization's noun such as "union") the first person the body quotes, as news puts
 * its main speaker first.
 */
import type { Entity, Span } from '../analysis.js';
import type { Segmented, Token } from '../segment/segment.js';
import { tokensWithin } from '../segment/lookup.js';
import { ORGANIZATION_NOUNS } from '../entities/organizations.js';

/** What this step reads of one attribution: where its words and cue are, and its speaker as resolved so far. */
export interface NamedSpeaker {
  readonly content: readonly Span[];
  readonly cue?: Span;
  readonly mention?: Span;
  /** The entity resolved so far; undefined where the mention names none. */
  readonly entity?: string;
}

/** "officials", "residents": a plural description is a group, never one person named later. */
const PLURAL = /(?<!s)s$/;
/** Lemmas that carry no topic: the verbs of saying and the auxiliaries. */
const LIGHT_LEMMAS = new Set(['be', 'have', 'do', 'say', 'tell', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'shall']);
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);

/**
 * The entity each attribution's speaker is, after the two conventions above; `undefined` where nothing
 * changes. `speakers[k]` is attribution k's speaker as resolved from its own mention; attributions are in
 * any order.
 */
export function nameLaterSpeakers(seg: Segmented, speakers: readonly NamedSpeaker[], entities: readonly Entity[]): (string | undefined)[] {
  const named: (string | undefined)[] = speakers.map(() => undefined);
  const heads = speakers.map((s) => (s.mention && s.entity === undefined ? descriptionHead(seg, s.mention) : undefined));
  if (heads.every((h) => h === undefined)) return named;
  const persons = firstMentionsOfPersons(entities);
  const bodyStart = firstBodyParagraph(seg);
  // the lede's description, named in the next paragraph
  for (let k = 0; k < speakers.length; k++) {
    const s = speakers[k];
    if (heads[k] === undefined || !s.mention || seg.tokens.length === 0) continue;
    const [first] = tokensWithin(seg, s.mention.start, s.mention.end);
    const paragraph = seg.tokens[first]?.paragraph;
    if (paragraph === undefined || paragraph < bodyStart) continue;
    // the next paragraph, or the next sentence of the same one ("The Comets’ captain scored twice and
    // called the win … Marcus Oyelaran, 29, has 11 goals …")
    const sentence = seg.sentences[seg.tokens[first].sentence + 1];
    const starts = [seg.paragraphs[paragraph + 1]?.start, sentence?.paragraph === paragraph ? seg.tokens[sentence.first].start : undefined];
    for (const start of starts) {
      const person = start === undefined ? undefined : persons.get(start);
      if (person === undefined || person.firstStart < s.mention.start) continue;
      if (/^,\s*\d{1,3},/.test(seg.text.slice(person.end, person.end + 6))) named[k] = person.id;
    }
  }
  // a headline's description: the body statement with the same words, else with the same description.
  // What is read of each statement whose words are in the body, once: where they start, the words and
  // their content lemmas.
  const inBody = (span: Span) => (seg.tokens[tokensWithin(seg, span.start, span.end)[0]]?.paragraph ?? -1) >= bodyStart;
  const body = speakers.flatMap((other, j) => {
    if (!other.mention || other.content.length === 0 || !inBody(other.content[0])) return [];
    return [{ j, start: other.content[0].start, words: ` ${wordsOf(seg, other.content)} `, lemmas: contentLemmas(seg, other.content) }];
  });
  // the same for every headline: it reads only the body's speakers, which this pass leaves as they are
  let firstPerson: { entity: string | undefined } | undefined;
  const firstQuotedPerson = () => (firstPerson ??= { entity: firstPersonSpeaker(speakers, named, entities, seg, bodyStart) }).entity;
  for (let k = 0; k < speakers.length; k++) {
    const s = speakers[k];
    if (heads[k] === undefined || named[k] !== undefined || !s.mention) continue;
    const [first] = tokensWithin(seg, s.mention.start, s.mention.end);
    if ((seg.tokens[first]?.paragraph ?? bodyStart) >= bodyStart) continue;
    const words = contentLemmas(seg, s.content);
    const headWords = wordsOf(seg, s.content);
    const quoted = headWords.includes(' ') ? headWords : '';
    let best: string | undefined;
    let bestShared = 1;
    let bestStart = Infinity;
    let sameHead: string | undefined;
    let sameHeadStart = Infinity;
    for (const other of body) {
      const entity = named[other.j] ?? speakers[other.j].entity;
      if (other.j === k || entity === undefined) continue;
      const { start } = other;
      // a headline quoting the body's words ("‘I panicked,’ driver tells jury") shares them all
      let shared = quoted.length > 0 && other.words.includes(` ${quoted} `) ? Infinity : 0;
      for (const w of other.lemmas) if (words.has(w)) shared++;
      if (shared > bestShared || shared === bestShared && shared > 1 && start < bestStart) {
        best = entity;
        bestShared = shared;
        bestStart = start;
      }
      if (heads[other.j] === heads[k] && start < sameHeadStart) {
        sameHead = entity;
        sameHeadStart = start;
      }
    }
    named[k] = best ?? sameHead ?? (ORGANIZATION_NOUNS.has(heads[k]!) ? undefined : firstQuotedPerson());
  }
  return named;
}

/**
 * "Short naps may sharpen memory, researcher says": a headline's person, when nothing else names them, is
 * the first person the body quotes, as news puts its main speaker first.
 */
function firstPersonSpeaker(speakers: readonly NamedSpeaker[], named: readonly (string | undefined)[], entities: readonly Entity[], seg: Segmented, bodyStart: number): string | undefined {
  const byId = new Map(entities.map((e) => [e.id, e]));
  let found: string | undefined;
  let foundStart = Infinity;
  for (let j = 0; j < speakers.length; j++) {
    const entity = named[j] ?? speakers[j].entity;
    const mention = speakers[j].mention;
    if (entity === undefined || !mention || mention.start >= foundStart) continue;
    if ((seg.tokens[tokensWithin(seg, mention.start, mention.end)[0]]?.paragraph ?? -1) < bodyStart) continue;
    const person = byId.get(entity);
    if (person?.type !== 'person') continue;
    // the person the mention names, not a name inside a description ("a study in the Journal of Aging Research")
    const inside = person.mentions.find((m) => m.start >= mention.start && m.end <= mention.end);
    if (!inside || /\b(?:of|in|at|with|for|from|by)\b/i.test(seg.text.slice(mention.start, inside.start))) continue;
    found = entity;
    foundStart = mention.start;
  }
  return found;
}

/**
 * The head noun of a description that names no one: "A construction foreman" → foreman, "The former
 * treasurer of the fund" → treasurer, "A delivery driver charged with …" → driver, "elder" → elder;
 * undefined for a pronoun, a name, or a plural group.
 */
function descriptionHead(seg: Segmented, mention: Span): string | undefined {
  const [first, last] = tokensWithin(seg, mention.start, mention.end);
  let head: Token | undefined;
  for (let i = first; i < last; i++) {
    const t = seg.tokens[i];
    if (t.pos === 'ADP' || t.pos === 'VERB' || t.pos === 'PUNCT' || t.pos === 'PRON' || t.pos === 'SCONJ') break;
    // "The Comets’ captain", "the visitors’ captain": a possessor is not the head
    if ((t.pos === 'PROPN' || t.pos === 'NOUN') && i + 2 < last && /^['’]s?$/.test(seg.tokens[i + 1].lower)) {
      i++;
      continue;
    }
    if (t.pos === 'NOUN') head = t;
    else if (t.pos === 'PROPN' && !(i === first && t.text !== t.lower && /^[A-Z][a-z]+$/.test(t.text) && seg.tokens[i + 1]?.pos === 'NOUN')) return undefined;
  }
  if (!head || PLURAL.test(head.lower) || !/^[a-z-]+$/.test(head.lower)) return undefined;
  return head.lower;
}

/** Each person entity's mentions, by start offset, with where the person is first named. */
function firstMentionsOfPersons(entities: readonly Entity[]): Map<number, { id: string; end: number; firstStart: number }> {
  const byStart = new Map<number, { id: string; end: number; firstStart: number }>();
  for (const e of entities) {
    if (e.type !== 'person' || e.mentions.length === 0) continue;
    let firstStart = Infinity;
    for (const m of e.mentions) firstStart = Math.min(firstStart, m.start);
    for (const m of e.mentions) byStart.set(m.start, { id: e.id, end: m.end, firstStart });
  }
  return byStart;
}

/**
 * The first paragraph of running text: the first that ends in a sentence's final mark and holds at least
 * eight words. What comes before it is the headline, a subhead, a byline.
 */
export function firstBodyParagraph(seg: Segmented): number {
  for (const p of seg.paragraphs) {
    const line = seg.text.slice(p.start, p.end).trimEnd();
    if (/[.!?]["”’]?$/.test(line) && line.split(/\s+/).length >= 8) return p.i;
  }
  return 0;
}

/** The words of a content, lower-cased, without punctuation or quotation marks, one space apart. */
function wordsOf(seg: Segmented, content: readonly Span[]): string {
  return content.map((s) => seg.text.slice(s.start, s.end).toLowerCase().replace(/[’']/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/(?<!\p{L})'|'(?!\p{L})/gu, ' ')).join(' ').trim().split(/\s+/).join(' ');
}

function contentLemmas(seg: Segmented, content: readonly Span[]): Set<string> {
  const out = new Set<string>();
  for (const s of content) {
    const [first, last] = tokensWithin(seg, s.start, s.end);
    for (let i = first; i < last; i++) {
      const t = seg.tokens[i];
      if (CONTENT_POS.has(t.pos) && !LIGHT_LEMMAS.has(t.lemma.toLowerCase())) out.add(t.lemma.toLowerCase());
    }
  }
  return out;
}
