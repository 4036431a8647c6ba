/**
 * An article's people matched with the corpus's, the steps every store takes around its own SQL: which
 * people are matched together and by which keys their candidates are looked up (`peopleToMatch`), the
 * match of each against those candidates (`matchGroups`, through src/corpus/people.ts), and the
 * identity, names, keys and roles to record for each (`personWrites`). Pure; it works from the people
 * `prepareArticle` (prepare.ts) made, with their keys.
 */
import { matchProfiledPeople, type PersonMatch, type ProfiledPerson } from '../corpus/people.js';
import type { PreparedPerson } from './prepare.js';

/** Indexes of the article's people, grouped so that people sharing a key (even through a third) are together. */
export function keyComponents(keysOf: readonly (readonly string[])[]): number[][] {
  const parent = keysOf.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  keysOf.forEach((keys, i) => {
    for (const key of keys) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, number[]>();
  keysOf.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()];
}

/** An article's people and the groups of them matched together. */
export interface PeopleToMatch {
  people: readonly PreparedPerson[];
  /**
   * People of the article who share no key cannot compete for a known person: each group of people
   * linked by keys is matched on its own, against the known people holding one of its `keys`.
   */
  groups: { members: number[]; keys: string[] }[];
}

/** The article's people and the groups to match together, by the keys each was prepared with. */
export function peopleToMatch(people: readonly PreparedPerson[]): PeopleToMatch {
  const groups = keyComponents(people.map((p) => p.keys)).map((members) => ({ members, keys: [...new Set(members.flatMap((i) => people[i].keys))] }));
  return { people, groups };
}

/**
 * Each person's match, given the known people each group's keys found (`candidates[g]` for `groups[g]`),
 * their names read by `profileKnown` (a store may keep them read between articles).
 */
export function matchGroups({ people, groups }: PeopleToMatch, candidates: readonly (readonly ProfiledPerson[])[]): PersonMatch[] {
  const matches: PersonMatch[] = new Array(people.length);
  groups.forEach(({ members }, g) => {
    matchProfiledPeople(members.map((i) => people[i]), candidates[g]).forEach((match, j) => (matches[members[j]] = match));
  });
  return matches;
}

/** One person of an article to record: an existing identity (`id`) or a new one. */
export interface PersonWrite {
  /** The article's entity id. */
  entity: string;
  /** The known person it is; absent for a person to create. */
  id?: number;
  /** The display name after the match. */
  name: string;
  /** Every name form to record for the person. */
  names: string[];
  keys: readonly string[];
  roles: readonly string[];
}

/**
 * The people to record, in the article's order. A person the corpus cannot tell apart from several it
 * knows ("Pompeo" when two are known), or one with no name ("the mayor"), gets no identity: their
 * attributions keep the article's name for them.
 */
export function personWrites({ people }: PeopleToMatch, matches: readonly PersonMatch[]): PersonWrite[] {
  const writes: PersonWrite[] = [];
  matches.forEach((match, i) => {
    if (match.kind === 'new' && ((match.ambiguous?.length ?? 0) > 0 || match.reason === 'people/no-name')) return;
    const person = people[i];
    writes.push({
      entity: person.entity,
      ...(match.kind === 'existing' && { id: match.id }),
      name: match.name,
      names: [...new Set([match.name, ...person.variants])],
      keys: person.keys,
      roles: person.roles,
    });
  });
  return writes;
}
