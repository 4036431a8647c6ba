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

export interface SpeakerEntities {
  readonly entities: readonly Entity[];
  entityAt(start: number, end: number): string | undefined;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that']);

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
    else if (t.pos === 'VERB') afterPreposition = false;
    if (afterPreposition || t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.text[0] !== '#' && t.text[0] !== '@') continue;
    const next = seg.tokens[i + 1];
    if (next && /^['’]s?$/.test(next.lower)) continue;
    const id = layer.entityAt(t.start, t.end);
    if (id !== undefined) head = id;
  }
  const person = closePart();
  if (person !== undefined) return person;
  if (firstNamed !== undefined) return firstNamed;
  // "Kaldora’s interior ministry", "Norland’s security police": a possessor or a preposition's object
  // does not name the speaker; the mention stays, with no name.
  if (first < last) return entityOfRole(seg, first, last, mention.start, layer.entities);
  return layer.entityAt(mention.start, mention.end);
}

/**
 * Nouns by which news refers back to an organization it has named: "the company", "the retailer", "the
 * museum". The team's list of the common ones.
 */
const ORGANIZATION_NOUNS = new Set(['company', 'firm', 'retailer', 'chain', 'museum', 'hospital', 'university', 'school', 'board', 'club', 'team', 'league', 'union', 'agency', 'ministry', 'department', 'council', 'city', 'province', 'charity', 'group', 'bank', 'developer', 'builder', 'insurer', 'airline', 'carrier', 'utility', 'network', 'broadcaster', 'publisher', 'studio', 'startup', 'maker', 'manufacturer', 'producer', 'operator', 'theatre', 'theater', 'festival', 'organization', 'organisation', 'association', 'foundation', 'society', 'service', 'automaker', 'grocer', 'brewery', 'restaurant', 'clinic', 'lab', 'laboratory', 'institute', 'centre', 'center']);

/** "the mayor", "the company's chief executive": the entity whose role, given before `before`, ends in the same noun. */
function entityOfRole(seg: Segmented, first: number, last: number, before: number, entities: readonly Entity[]): string | undefined {
  while (last > first && seg.tokens[last - 1].pos === 'PUNCT') last--;
  if (last - first < 2 || !DETERMINERS.has(seg.tokens[first].lower)) return undefined;
  const head = seg.tokens[last - 1];
  if (head.pos !== 'NOUN') return undefined;
  const index = indexOf(entities);
  // "the company": the organization the article named last before the mention
  if (last - first === 2 && ORGANIZATION_NOUNS.has(head.lower)) {
    const found = lastBefore(index.organizations, before);
    if (found !== undefined) return found;
  }
  const roles = index.rolesByHead.get(head.lower);
  return roles ? lastBefore(roles, before) : undefined;
}

/** Where an entity was named or given a role: an offset and the entity, in text order. */
interface Place {
  readonly start: number;
  readonly id: string;
}

interface PlaceIndex {
  /** Every mention of an organization. */
  readonly organizations: readonly Place[];
  /** Every role, by the last word of its text ("mayor" for "Port Alder Mayor"). */
  readonly rolesByHead: ReadonlyMap<string, readonly Place[]>;
}

const indexes = new WeakMap<readonly Entity[], PlaceIndex>();

/** The places of an article's entities, sorted once per article so each speaker mention is a binary search. */
function indexOf(entities: readonly Entity[]): PlaceIndex {
  let index = indexes.get(entities);
  if (index) return index;
  const organizations: Place[] = [];
  const rolesByHead = new Map<string, Place[]>();
  for (const e of entities) {
    if (e.type === 'organization') for (const m of e.mentions) organizations.push({ start: m.start, id: e.id });
    for (const r of e.roles ?? []) {
      const words = r.text.toLowerCase().split(/\s+/);
      const key = words[words.length - 1];
      let list = rolesByHead.get(key);
      if (!list) rolesByHead.set(key, (list = []));
      list.push({ start: r.start, id: e.id });
    }
  }
  // stable: among places at one offset, the entity listed first stays first
  organizations.sort((a, b) => a.start - b.start);
  for (const list of rolesByHead.values()) list.sort((a, b) => a.start - b.start);
  indexes.set(entities, (index = { organizations, rolesByHead }));
  return index;
}

/** The entity at the last place before `before`; among places at one offset, the first listed. */
function lastBefore(places: readonly Place[], before: number): string | undefined {
  let k = partitionPoint(places, (p) => p.start < before) - 1;
  if (k < 0) return undefined;
  while (k > 0 && places[k - 1].start === places[k].start) k--;
  return places[k].id;
}
