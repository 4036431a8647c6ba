/**
 * The entity a speaker mention names, when the mention is more than a name:
 *
 *   "Alvarez, a policy researcher with Lakeside General Hospital,"   → Alvarez, not the hospital
 *   "a spokeswoman for the city, Jen Park"                           → Jen Park
 *   "the mayor" (after "Mayor Dan Okafor")                           → Dan Okafor, the entity given that role
 *   "officials", "a spokesperson"                                    → no entity: the mention stays, no name is invented
 *
 * The head is the first person named in the mention who is not the object of a preposition ("with",
 * "for", "of"); else the first named entity that is not such an object; else the longest entity mention
 * overlapping it, as before. A bare role noun with a determiner links to the entity the article last gave
 * that role before the mention.
 */
import type { Entity, TextSpan } from '../analysis.js';
import type { Segmented } from '../segment/segment.js';
import { tokensWithin } from '../segment/lookup.js';

export interface SpeakerEntities {
  readonly entities: readonly Entity[];
  entityAt(start: number, end: number): string | undefined;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that']);

export function speakerEntity(seg: Segmented, mention: TextSpan, layer: SpeakerEntities, byId: ReadonlyMap<string, Entity>): string | undefined {
  const [first, last] = tokensWithin(seg, mention.start, mention.end);
  let firstNamed: string | undefined;
  let afterPreposition = false;
  for (let i = first; i < last; i++) {
    const t = seg.tokens[i];
    if (t.pos === 'ADP') afterPreposition = true;
    else if (t.text === ',' || t.pos === 'VERB') afterPreposition = false;
    if (afterPreposition || t.pos !== 'PROPN' && t.pos !== 'NOUN') continue;
    const id = layer.entityAt(t.start, t.end);
    if (id === undefined) continue;
    const type = byId.get(id)?.type;
    if (type === 'person') return id;
    firstNamed ??= id;
  }
  if (firstNamed !== undefined) return firstNamed;
  const whole = layer.entityAt(mention.start, mention.end);
  if (whole !== undefined) return whole;
  return entityOfRole(seg, first, last, mention.start, layer.entities);
}

/** "the mayor", "the company's chief executive": the entity whose role, given before `before`, ends in the same noun. */
function entityOfRole(seg: Segmented, first: number, last: number, before: number, entities: readonly Entity[]): string | undefined {
  if (last - first < 2 || !DETERMINERS.has(seg.tokens[first].lower)) return undefined;
  const head = seg.tokens[last - 1];
  if (head.pos !== 'NOUN') return undefined;
  let best: string | undefined;
  let at = -1;
  for (const e of entities) {
    for (const r of e.roles ?? []) {
      if (r.start >= before || r.start <= at) continue;
      const words = r.text.toLowerCase().split(/\s+/);
      if (words[words.length - 1] === head.lower) {
        best = e.id;
        at = r.start;
      }
    }
  }
  return best;
}
