/**
 * What a batch of new articles writes, decided in memory from what the database holds, so that the
 * PostgreSQL store writes a whole batch with a few set-based statements instead of a dozen round trips
 * an article and two a traced statement. Pure: the store reads (inside its transaction, under its lock)
 * the known people holding one of the batch's name keys and the statements the batch's band keys list,
 * and this plans, article after article in the batch's order, exactly what storing them one after
 * another would do — each article's people matched against the people known so far (the database's and
 * those the batch's earlier articles made or changed), each traced statement grouped with the copies
 * known so far — with ids for the rows it creates taken from a pending range above every stored id
 * (`PENDING`), which the store maps to ids from the tables' sequences, in the same order, before writing.
 */
import { normalizeWords, sameWords } from '../../corpus/copies.js';
import { profileKnown, type KnownPerson, type ProfiledPerson } from '../../corpus/people.js';
import { matchGroups, peopleToMatch, personWrites } from '../article-people.js';
import type { PreparedArticle } from '../prepare.js';
import { dayOf, isEarlierCopy, MAX_BAND_POSTINGS, MAX_COPY_CANDIDATES } from '../rows.js';

/** The first pending id: above any id a table's sequence has given (2^52; ids stay exact below 2^53). */
export const PENDING = 2 ** 52;

/** A known person as the store reads it, with those of the batch's keys it holds. */
export interface KnownPersonRow extends KnownPerson {
  keys: string[];
}

/** A statement some of the batch's band keys list, as the store reads it: its traced words, its group, and those keys. */
export interface ListedStatement {
  id: number;
  text: string;
  group_id: number;
  first_day: string | null;
  bands: string[];
}

/** An attribution row to insert. */
export interface PlannedAttribution {
  id: number;
  article: number;
  /** Index of the row in its article's `attributions`. */
  row: number;
  item: number;
  personId: number | null;
  groupId: number | null;
}

/** Everything a batch writes besides its articles' own rows (written first, so `pk` is known). */
export interface BatchPlan {
  /** People created: pending id, final name. */
  newPersons: { id: number; name: string }[];
  /** Known people whose display name changed: id, final name. */
  renamed: { id: number; name: string }[];
  names: { id: number; name: string }[];
  keys: { id: number; key: string }[];
  roles: { id: number; role: string; article: number }[];
  roleNames: { id: number; role: string }[];
  attributions: PlannedAttribution[];
  /** Groups created: pending id, first copy, its day. */
  newGroups: { id: number; first: number; firstDay: string | null }[];
  /** Known groups whose first copy changed. */
  movedGroups: { id: number; first: number; firstDay: string | null }[];
  bands: { band: string; id: number }[];
  /** People each article created, in the batch's order. */
  createdPeople: number[];
  /** Pending ids used, by kind. */
  pending: { persons: number; attributions: number; groups: number };
}

/** The order of PostgreSQL's "C" collation: UTF-8 bytes, which is code point order. */
export const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

const insertSorted = (list: readonly string[], add: readonly string[]) => {
  const missing = add.filter((x, i) => !list.includes(x) && add.indexOf(x) === i);
  return missing.length === 0 ? list : [...list, ...missing].sort(byCodePoint);
};

/**
 * Plans a batch: `items[i]` stored as the article whose row is `pks[i]`, against the known people
 * (`people`: every person holding one of the batch's name keys) and the statements its band keys list
 * (`listedStatements`, each with those of the batch's keys that list it).
 */
export function planBatch(items: readonly PreparedArticle[], pks: readonly number[], people: readonly KnownPersonRow[], listedStatements: readonly ListedStatement[]): BatchPlan {
  const plan: BatchPlan = { newPersons: [], renamed: [], names: [], keys: [], roles: [], roleNames: [], attributions: [], newGroups: [], movedGroups: [], bands: [], createdPeople: [], pending: { persons: 0, attributions: 0, groups: 0 } };

  // people: known ones by id, and the ids holding each key
  const known = new Map<number, { person: KnownPerson; profiled?: ProfiledPerson; storedName?: string; created: boolean }>();
  const holders = new Map<string, Set<number>>();
  const hold = (key: string, id: number) => {
    let set = holders.get(key);
    if (!set) holders.set(key, (set = new Set()));
    set.add(id);
  };
  for (const { keys, ...person } of people) {
    known.set(person.id, { person, storedName: person.name, created: false });
    for (const key of keys) hold(key, person.id);
  }
  const profiled = (id: number) => {
    const entry = known.get(id)!;
    return (entry.profiled ??= profileKnown(entry.person));
  };
  const keysWritten = new Set<string>();
  const rolesWritten = new Set<string>();

  // copies: the statements each band lists, each listed statement's words and group, each group's first day
  const listed = new Map<string, number[]>();
  const statements = new Map<number, { text: string; group: number }>();
  const groups = new Map<number, { first?: number; firstDay: string | null; created: boolean; moved: boolean }>();
  for (const s of listedStatements) {
    for (const band of s.bands) {
      let list = listed.get(band);
      if (!list) listed.set(band, (list = []));
      list.push(s.id);
    }
    statements.set(s.id, { text: s.text, group: s.group_id });
    if (!groups.has(s.group_id)) groups.set(s.group_id, { firstDay: s.first_day, created: false, moved: false });
  }

  // sameStatement, with each text's words normalized once: the same groups' copies are checked again and
  // again. The same text is the same statement (it has words: its band keys come from them).
  const wordsOf = new Map<string, string[]>();
  const words = (text: string) => {
    let list = wordsOf.get(text);
    if (!list) wordsOf.set(text, (list = normalizeWords(text)));
    return list;
  };

  items.forEach((item, i) => {
    const pk = pks[i];
    // the article's people against the people known so far, as matchArticlePeople did one article at a time
    const toMatch = peopleToMatch(item.people);
    const candidates = toMatch.groups.map(({ keys }) => {
      const ids = new Set<number>();
      for (const key of keys) for (const id of holders.get(key) ?? []) ids.add(id);
      return [...ids].sort((a, b) => a - b).map(profiled);
    });
    const persons = new Map<string, number>();
    let created = 0;
    if (item.people.length > 0) {
      for (const write of personWrites(toMatch, matchGroups(toMatch, candidates))) {
        let id = write.id;
        if (id === undefined) {
          id = PENDING + plan.pending.persons++;
          known.set(id, { person: { id, name: write.name, variants: [], roles: [] }, created: true });
          created++;
        }
        const entry = known.get(id)!;
        const names = write.names.filter((n) => !entry.person.variants.includes(n));
        const roles = write.roles.filter((r) => !entry.person.roles.includes(r));
        for (const name of new Set(names)) plan.names.push({ id, name });
        for (const role of new Set(roles)) plan.roleNames.push({ id, role });
        for (const key of write.keys) {
          hold(key, id);
          if (!keysWritten.has(`${id}\0${key}`)) {
            keysWritten.add(`${id}\0${key}`);
            plan.keys.push({ id, key });
          }
        }
        for (const role of write.roles) {
          if (rolesWritten.has(`${id}\0${pk}\0${role}`)) continue;
          rolesWritten.add(`${id}\0${pk}\0${role}`);
          plan.roles.push({ id, role, article: pk });
        }
        entry.person = { id, name: write.name, variants: insertSorted(entry.person.variants, write.names), roles: insertSorted(entry.person.roles, write.roles) };
        entry.profiled = undefined;
        persons.set(write.entity, id);
      }
    }
    plan.createdPeople.push(created);

    // the article's attributions, then its traced statements grouped in document order
    const rows = item.attributions.map((row, r): PlannedAttribution => ({
      id: PENDING + plan.pending.attributions++,
      article: pk,
      row: r,
      item: i,
      personId: row.speakerEntity !== undefined ? (persons.get(row.speakerEntity) ?? null) : null,
      groupId: null,
    }));
    const published = dayOf(item.article.publishedAt) ?? null;
    item.attributions.forEach(({ copy }, r) => {
      if (copy === undefined || copy.bands.length === 0) return;
      const planned = rows[r];
      const bands = [...new Set(copy.bands)];
      const shared = new Map<number, number>();
      for (const band of bands) for (const id of listed.get(band) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      const match = [...shared]
        .sort(([a, n], [b, m]) => m - n || a - b)
        .slice(0, MAX_COPY_CANDIDATES)
        .map(([id]) => statements.get(id)!)
        .find((c) => c.text === copy.text || sameWords(words(c.text), words(copy.text)));
      if (match) {
        planned.groupId = match.group;
        const group = groups.get(match.group)!;
        if (isEarlierCopy(published, group.firstDay)) {
          group.first = planned.id;
          group.firstDay = published;
          group.moved = true;
        }
      } else {
        const id = PENDING + plan.pending.groups++;
        groups.set(id, { first: planned.id, firstDay: published, created: true, moved: false });
        planned.groupId = id;
        // a band that lists MAX_BAND_POSTINGS statements takes no more (INDEX_BANDS)
        for (const band of bands) {
          let list = listed.get(band);
          if (!list) listed.set(band, (list = []));
          if (list.length >= MAX_BAND_POSTINGS) continue;
          list.push(planned.id);
          plan.bands.push({ band, id: planned.id });
        }
      }
      statements.set(planned.id, { text: copy.text, group: planned.groupId });
    });
    plan.attributions.push(...rows);
  });

  for (const [id, entry] of known) {
    if (entry.created) plan.newPersons.push({ id, name: entry.person.name });
    else if (entry.person.name !== entry.storedName) plan.renamed.push({ id, name: entry.person.name });
  }
  for (const [id, group] of groups) {
    if (group.created) plan.newGroups.push({ id, first: group.first!, firstDay: group.firstDay });
    else if (group.moved) plan.movedGroups.push({ id, first: group.first!, firstDay: group.firstDay });
  }
  return plan;
}
