/**
 * The entity a speaker mention names, when the mention is more than a name:
 *
 *   "Alvarez, a policy researcher with Lakeside General Hospital,"   → Alvarez, not the hospital
 *   "a spokeswoman for the city, Jen Park"                           → Jen Park
 *   "the mayor" (after "Mayor Dan Okafor")                           → Dan Okafor, the entity given that role
 *   "officials", "a spokesperson"                                    → no entity: the mention stays, no name is invented
 *
 * In each comma-separated part of the mention, in turn, the head is the last name that is neither a
 * preposition's object ("with", "for", "of") nor a possessor ("Voight’s lawyer"); the first part whose head
 * is a person names the speaker; else the first head that names anything; else the longest entity mention
 * overlapping it, as before. A bare role noun with a determiner links to the entity the article last gave
 * that role before the mention.
 */
import type { Entity, TextSpan } from '../analysis.js';
import type { Segmented } from '../segment/segment.js';
import { tokensWithin } from '../segment/lookup.js';
import { partitionPoint } from '../sorted.js';
import { ORGANIZATION_NOUNS } from '../entities/organizations.js';
import { isRoleWord } from '../entities/roles.js';

export interface SpeakerEntities {
  readonly entities: readonly Entity[];
  entityAt(start: number, end: number): string | undefined;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that']);
/** English indefinite articles. */
const INDEFINITE = new Set(['a', 'an']);

export function speakerEntity(seg: Segmented, mention: TextSpan, layer: SpeakerEntities, byId: ReadonlyMap<string, Entity>): string | undefined {
  const [first, last] = tokensWithin(seg, mention.start, mention.end);
  let firstNamed: string | undefined;
  // Each comma-separated part in turn: its head is the last name in it that is no preposition's object
  // and no possessor ("Crestline president Roger Dunn", "Voight’s lawyer, Peter Graves").
  let head: string | undefined;
  let afterPreposition = false;
  const closePart = (): string | undefined => {
    const found = head;
    head = undefined;
    afterPreposition = false;
    if (found === undefined) return undefined;
    if (byId.get(found)?.type === 'person') return found;
    firstNamed ??= found;
    return undefined;
  };
  for (let i = first; i < last; i++) {
    const t = seg.tokens[i];
    if (t.text === ',' || t.text === '(' || t.text === ')' || t.text === '—') {
      const person = closePart();
      if (person !== undefined) return person;
      continue;
    }
    if (t.pos === 'ADP') afterPreposition = true;
    // "Mother of two Leyla Dursun": a number is the preposition's whole object
    else if (t.pos === 'VERB' || afterPreposition && t.pos === 'NUM') {
      afterPreposition = false;
      continue;
    }
    if (afterPreposition || t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.text[0] !== '#' && t.text[0] !== '@') continue;
    const next = seg.tokens[i + 1];
    if (next && /^['’]s?$/.test(next.lower)) continue;
    const id = layer.entityAt(t.start, t.end);
    if (id !== undefined) head = id;
    // "Artistic director", "Crestline president": a common noun after the name heads the phrase, and the
    // name before it only modifies it
    // ("the Port Alder city council" stays the place's, as a place stands for its government)
    else if (head !== undefined && t.pos === 'NOUN' && t.text === t.lower && byId.get(head)?.type !== 'place') head = undefined;
  }
  const person = closePart();
  if (person !== undefined) return person;
  if (firstNamed !== undefined) return firstNamed;
  // "Kaldora’s interior ministry", "Norland’s security police": a possessor or a preposition's object
  // does not name the speaker; the mention stays, with no name.
  if (first < last) return entityOfRole(seg, first, last, mention.start, layer.entities);
  return layer.entityAt(mention.start, mention.end);
}


/** "the mayor", "the company's chief executive": the entity whose role, given before `before`, ends in the same noun. */
function entityOfRole(seg: Segmented, first: number, last: number, before: number, entities: readonly Entity[]): string | undefined {
  while (last > first && seg.tokens[last - 1].pos === 'PUNCT') last--;
  if (last <= first) return undefined;
  // "A Tollgate spokesperson said": an indefinite article introduces someone new, never the one the
  // article gave that role before
  if (INDEFINITE.has(seg.tokens[first].lower)) return undefined;
  const determined = DETERMINERS.has(seg.tokens[first].lower);
  // "the mayor", "the company"; or, as headlines and noun compounds write them, "Owner", "Club", "Artistic director"
  if (determined ? last - first < 2 : last - first > 3) return undefined;
  const head = seg.tokens[last - 1];
  // "the chief said": wink-nlp tags some role nouns as adjectives
  if (head.pos !== 'NOUN' && !(head.pos === 'PROPN' && last - 1 === first) && !(head.pos === 'ADJ' && isRoleWord(head.lower))) return undefined;
  if (!/^[A-Za-z-]+$/.test(head.text) || PLURAL_SOURCES.test(head.lower)) return undefined;
  // "the city", "the province": a government known by its place is no organization named before it
  if (PLACE_GOVERNMENTS.has(head.lower)) return undefined;
  const index = indexOf(entities, seg.text);
  // "the company", "the union": the organization named with that noun, else the one the article named
  // last before the mention, else, for a headline's bare "Club", the first it names after ("the council"
  // in an article's first line is no organization named later)
  if (last - first === (determined ? 2 : 1) && ORGANIZATION_NOUNS.has(head.lower)) {
    const named = index.organizationsByHead.get(head.lower);
    const found = (named && (lastBefore(named, before) ?? firstAfter(named, before))) ?? lastBefore(index.organizations, before) ?? (determined ? undefined : firstAfter(index.organizations, before));
    if (found !== undefined) return found;
  }
  // "the coach said": the entity given that role last before the mention, else the first given it after
  const roles = index.rolesByHead.get(ROLE_SYNONYMS.get(head.lower) ?? head.lower);
  return roles ? lastBefore(roles, before) ?? firstAfter(roles, before) : undefined;
}

/** Nouns for a government by its place: "the city said" names no company or group. */
const PLACE_GOVERNMENTS: ReadonlySet<string> = new Set(['city', 'town', 'village', 'province', 'county', 'state', 'municipality', 'region', 'country']);

/** The words before an organization named as someone's affiliation: "of", "with", "at" (and "the"). */
const AFFILIATION = /\b(?:of|with|at)\s+(?:the\s+)?$/i;

/** "the chair, ", "Norland’s trade minister, ", "its artistic director, ": a role noun set off before a name. */
const ROLE_APPOSITIVE = /(?:^|\s)(?:the|its|his|her|their|[A-Z][\w-]*['’]s?)\s+(?:[a-z-]+\s+){0,2}([a-z-]+),\s*$/;

/** Role nouns news uses for one another: "Justice Samuel Okoro" is "the judge". Keyed by the word, to the role it stands for. */
const ROLE_SYNONYMS: ReadonlyMap<string, string> = new Map([['justice', 'judge']]);

/** "officials", "sources", "residents": plural sources are groups, never one named entity. */
const PLURAL_SOURCES = /(?<!s)s$/;

/** Where an entity was named or given a role: an offset and the entity, in text order. */
interface Place {
  readonly start: number;
  readonly id: string;
}

interface PlaceIndex {
  /** Every mention of an organization. */
  readonly organizations: readonly Place[];
  /** Every mention of a name that is not a person's, by its last word ("union" for "Food Workers Union"). */
  readonly organizationsByHead: ReadonlyMap<string, readonly Place[]>;
  /** Every role, by the last word of its text ("mayor" for "Port Alder Mayor"). */
  readonly rolesByHead: ReadonlyMap<string, readonly Place[]>;
}

const indexes = new WeakMap<readonly Entity[], PlaceIndex>();

/** The places of an article's entities, sorted once per article so each speaker mention is a binary search. */
function indexOf(entities: readonly Entity[], text: string): PlaceIndex {
  let index = indexes.get(entities);
  if (index) return index;
  const organizations: Place[] = [];
  const rolesByHead = new Map<string, Place[]>();
  const organizationsByHead = new Map<string, Place[]>();
  for (const e of entities) {
    // "Analyst Marcus Webb of Lindell Securities": an affiliation is not what "the company" goes back to
    if (e.type === 'organization') for (const m of e.mentions) if (!AFFILIATION.test(text.slice(Math.max(0, m.start - 12), m.start))) organizations.push({ start: m.start, id: e.id });
    const key = e.type === 'person' ? undefined : /([A-Za-z]+)\W*$/.exec(e.name)?.[1].toLowerCase();
    if (key !== undefined && ORGANIZATION_NOUNS.has(key)) {
      let list = organizationsByHead.get(key);
      if (!list) organizationsByHead.set(key, (list = []));
      for (const m of e.mentions) list.push({ start: m.start, id: e.id });
    }
    // "On Wednesday the chair, Lillian Osei-Mensah, said": a role in an appositive before a person's name
    if (e.type === 'person') {
      for (const m of e.mentions) {
        const role = ROLE_APPOSITIVE.exec(text.slice(Math.max(0, m.start - 50), m.start))?.[1].toLowerCase();
        if (role === undefined || !isRoleWord(role)) continue;
        const key = ROLE_SYNONYMS.get(role) ?? role;
        let list = rolesByHead.get(key);
        if (!list) rolesByHead.set(key, (list = []));
        list.push({ start: m.start, id: e.id });
      }
    }
    for (const r of e.roles ?? []) {
      const words = r.text.toLowerCase().split(/\s+/);
      const key = ROLE_SYNONYMS.get(words[words.length - 1]) ?? words[words.length - 1];
      let list = rolesByHead.get(key);
      if (!list) rolesByHead.set(key, (list = []));
      list.push({ start: r.start, id: e.id });
    }
  }
  // stable: among places at one offset, the entity listed first stays first
  organizations.sort((a, b) => a.start - b.start);
  for (const list of rolesByHead.values()) list.sort((a, b) => a.start - b.start);
  for (const list of organizationsByHead.values()) list.sort((a, b) => a.start - b.start);
  indexes.set(entities, (index = { organizations, organizationsByHead, rolesByHead }));
  return index;
}

/** The entity at the last place before `before`; among places at one offset, the first listed. */
function lastBefore(places: readonly Place[], before: number): string | undefined {
  let k = partitionPoint(places, (p) => p.start < before) - 1;
  if (k < 0) return undefined;
  while (k > 0 && places[k - 1].start === places[k].start) k--;
  return places[k].id;
}

/** The entity at the first place at or after `after`. */
function firstAfter(places: readonly Place[], after: number): string | undefined {
  return places[partitionPoint(places, (p) => p.start < after)]?.id;
}
