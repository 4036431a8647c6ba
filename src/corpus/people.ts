/**
 * People across articles: which person of the corpus each person of a new article is. Pure: the store
 * looks candidates up by `personKeys` and persists the answer of `matchPeople`.
 *
 * The rules, each with the sentences it was written for:
 *
 * - A full name matches the known person with the same given name and surname, whatever the role or
 *   courtesy title: "Secretary of State Jane Okafor said …" and, in a later article, "Jane Okafor told …"
 *   are one person; so are "Michael Pompeo" and "Mike Pompeo" (a diminutive, see `nicknames.ts`), and
 *   "J. Okafor" and "Jane Okafor" when no other known Okafor's given name starts with J.
 * - A bare surname ("Okafor said", "Mr. Okafor’s plan", "Dr. Okafor") matches the one known person with that
 *   surname. When the corpus knows two ("Jane Okafor" and "Dan Okafor"), a bare "Okafor" in an article that
 *   names neither fully is ambiguous: the match is `new`, with the candidates in `ambiguous`, never a guess.
 *   A courtesy title that states a gender ("Mr. Okafor") rules out a person known under the other ("Mrs.
 *   Okafor"), which can leave one candidate; so does a role the article gives that exactly one of them is
 *   known by ("Secretary of State Okafor said …" when Jane Okafor is known as Secretary of State and Dan
 *   Okafor as a surgeon).
 * - A surname-only person upgraded: when the corpus knows only "Okafor" (an earlier article said "Okafor
 *   said the talks were over" and named no one else so) and a new article names "Jane Okafor", and no other
 *   Okafor is known, the existing id becomes Jane Okafor (`existing`, with the fuller name). If the corpus
 *   knows another Okafor with a full name (Dan), the surname-only person stays as it is and Jane is `new`:
 *   the earlier "Okafor" may have been Dan, and that cannot be told any more. The upgrade is a decision on
 *   what the corpus knows when the article arrives: a later "Dan Okafor" does not split the merged person.
 * - Within one article, the entity layer has already told people apart: two people of the article never
 *   become one known person unless both name them in full the same way. If "Jane Okafor" and "Dan Okafor"
 *   both arrive in one article while the corpus knows only a surname-only "Okafor", neither takes it.
 * - Role-only mentions ("the mayor", "a spokeswoman"), organizations' names ("Okafor Holdings Ltd.") and
 *   forms with no name are never matched and have no keys: roles change hands, so a role is not an identity.
 * - Known limits: names written surname first ("Kim Jong Un") are read as given names and a surname ("Un"),
 *   so a later bare "Kim" does not find the person; a person first named by a first name alone ("Jane")
 *   is a person named "Jane".
 * - Names are compared folded: case, diacritics ("Ókafor"), curly or straight apostrophes, periods of
 *   initials, a possessive "’s", courtesy titles ("Mr.", "Dr.", "Ms.") and leading roles are ignored.
 *   Multi-word surnames keep their particles ("de la Cruz"); a bare "Cruz" may still mean Maria de la Cruz
 *   when she is the only Cruz known. Hyphenated surnames ("Smith-Jones") are one word.
 */
import { compareGiven, compareSurname, fold, parseName, surnameKey, type NameParts } from './names.js';

/** One person entity of one article: its fullest name, every name form used, its roles. */
export interface PersonInArticle {
  name: string;
  variants: readonly string[];
  roles: readonly string[];
}

/** A person the corpus already knows. */
export interface KnownPerson {
  id: number;
  name: string;
  variants: readonly string[];
  roles: readonly string[];
}

/**
 * The answer for one person of the article. `existing`: the known person it is, with the best display name
 * after merging (the fuller of the known and the new names). `new`: a person the corpus does not know yet, or
 * one it cannot tell apart (`ambiguous` lists the known ids it could be; the store may then keep the speaker
 * unresolved instead of creating a person). `reason` is a stable code saying why.
 */
export type PersonMatch =
  | { kind: 'existing'; id: number; name: string; reason?: MatchReason }
  | { kind: 'new'; name: string; reason?: MatchReason; ambiguous?: number[] };

/**
 * - `people/same-name`: the same given name and surname.
 * - `people/nickname`: a diminutive of the given name ("Mike" for "Michael").
 * - `people/initial`: an initial for the given name ("J. Okafor").
 * - `people/surname-only`: a bare surname, the only person known with it.
 * - `people/upgraded`: a full name given to the only, surname-only, known person with that surname.
 * - `people/same-role`: several known people fit the name, and the article's role for the person is known
 *   for exactly one of them.
 * - `people/ambiguous`: several known people fit; not merged.
 * - `people/taken`: the one fitting person is already another person of the same article.
 * - `people/unknown`: no known person fits.
 * - `people/no-name`: no person's name: a role-only mention ("the mayor"), an organization's name ("Alder
 *   Foundation"), or nothing. The store should not make a person of it.
 */
export type MatchReason =
  | 'people/same-name'
  | 'people/nickname'
  | 'people/initial'
  | 'people/surname-only'
  | 'people/upgraded'
  | 'people/same-role'
  | 'people/ambiguous'
  | 'people/taken'
  | 'people/unknown'
  | 'people/no-name';

/** The name forms of a person, read; role-only forms dropped. */
function formsOf(p: { name: string; variants: readonly string[]; roles?: readonly string[] }): NameParts[] {
  const out: NameParts[] = [];
  const seen = new Set<string>();
  for (const form of [p.name, ...p.variants]) {
    const parts = parseName(form, p.roles ?? []);
    if (!parts) continue;
    const key = parts.given.join(' ') + '|' + parts.surname + '|' + (parts.gender ?? '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(parts);
  }
  return out;
}

/**
 * The keys to index a person under and to look candidates up by: the folded last word of each surname it
 * goes by. "Secretary of State Jane Okafor" → ["okafor"]; "Maria de la Cruz" → ["cruz"]; "the mayor" → [].
 */
export function personKeys(p: { name: string; variants: readonly string[]; roles?: readonly string[] }): string[] {
  return [...new Set(formsOf(p).map(surnameKey))];
}

/** What a person is known as: its name forms (and the full ones among them), surnames, gender and roles. */
export interface Profile {
  forms: NameParts[];
  full: NameParts[];
  surnames: string[];
  /** The gender courtesy titles state, when all that state one agree. */
  gender?: 'm' | 'f';
  /** Roles, folded, without "former" and the like: "Former Secretary of State" → "secretary of state". */
  roles: Set<string>;
}

/** Words before a role that do not change whose role it is. */
const ROLE_TIME = /^(?:the|a|an|former|then|acting|interim|outgoing|incoming|current|now)\s+/;

function roleKey(role: string): string {
  let r = fold(role).replace(/[.,;:]+$/, '').replace(/\s+/g, ' ').trim();
  while (ROLE_TIME.test(r)) r = r.replace(ROLE_TIME, '');
  return r;
}

function profileOf(p: { name: string; variants: readonly string[]; roles?: readonly string[] }): Profile {
  const forms = formsOf(p);
  const genders = new Set(forms.map((f) => f.gender).filter((g) => g !== undefined));
  const profile: Profile = {
    forms,
    full: forms.filter((f) => f.given.length > 0),
    surnames: [...new Set(forms.map((f) => f.surname))],
    roles: new Set((p.roles ?? []).map(roleKey).filter((r) => r !== '')),
  };
  if (genders.size === 1) profile.gender = [...genders][0];
  return profile;
}

/** How an article's person relates to a known one, strongest first. */
type Relation = 'same-name' | 'nickname' | 'initial' | 'surname' | 'none';
const STRENGTH: Record<Relation, number> = { 'same-name': 4, nickname: 3, initial: 2, surname: 1, none: 0 };

/** Two full forms: the given names and surnames agree? */
function relateFull(a: NameParts, b: NameParts): Relation {
  const s = compareSurname(a.surname, b.surname);
  if (s === 'different') return 'none';
  // "García Márquez" said alone and "Gabriel García Márquez": the shorter is the end of the longer.
  const aw = [...a.given, ...a.surname.split(' ')];
  const bw = [...b.given, ...b.surname.split(' ')];
  const [short, long] = aw.length <= bw.length ? [aw, bw] : [bw, aw];
  const tail = short.length < long.length && short.every((w, i) => w === long[long.length - short.length + i]);
  const first = compareGiven(a.given[0], a.initials[0], b.given[0], b.initials[0]);
  if (first === 'different') return tail ? 'surname' : 'none';
  // Middle names, where both give one, must agree too ("John F. Okafor" is not "John A. Okafor").
  if (a.given.length > 1 && b.given.length > 1) {
    const second = compareGiven(a.given[1], a.initials[1], b.given[1], b.initials[1]);
    if (second === 'different') return 'none';
  }
  if (s === 'ends') return 'surname';
  return first === 'same' ? 'same-name' : first;
}

/** Any form's surname fits any of the other's? */
function surnamesFit(a: Profile, b: Profile): boolean {
  return a.surnames.some((x) => b.surnames.some((y) => compareSurname(x, y) !== 'different'));
}

function relate(p: Profile, k: Profile): Relation {
  if (p.gender && k.gender && p.gender !== k.gender) return 'none';
  if (!surnamesFit(p, k)) return 'none';
  if (p.full.length > 0 && k.full.length > 0) {
    let best: Relation = 'none';
    for (const a of p.full) {
      for (const b of k.full) {
        const r = relateFull(a, b);
        if (STRENGTH[r] > STRENGTH[best]) best = r;
      }
    }
    return best;
  }
  return 'surname';
}

/** How full a form is, to choose the display name: a given name, spelled out, more of them, not in capitals. */
function fullness(f: NameParts): number[] {
  const spelled = f.initials.filter((x) => !x).length;
  const caps = f.display === f.display.toUpperCase() ? 0 : 1;
  return [f.given.length > 0 ? 1 : 0, f.initials[0] === false ? 1 : 0, spelled, f.given.length, caps];
}

function fuller(a: NameParts, b: NameParts): boolean {
  const x = fullness(a);
  const y = fullness(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
}

/** The best display name among forms; `current` wins ties, so a known person's name stays stable. */
function bestName(current: string, forms: readonly NameParts[], roles: readonly string[] = []): string {
  let best = parseName(current, roles);
  for (const f of forms) if (!best || fuller(f, best)) best = f;
  return best ? best.display : current;
}

interface Proposal {
  relation: Relation;
  id?: number;
  ambiguous?: number[];
  reason: MatchReason;
}

/**
 * What one person of the article would match, alone. Where several known people fit, a role the article
 * gives that exactly one of them is known by decides: "Secretary of State Okafor said …" is Jane Okafor
 * when the corpus knows Jane Okafor as Secretary of State and Dan Okafor as a surgeon.
 */
function propose(p: Profile, known: readonly { person: KnownPerson; profile: Profile }[]): Proposal {
  const proposal = proposeByName(p, known);
  if (!proposal.ambiguous || p.roles.size === 0) return proposal;
  const byRole = known.filter((k) => proposal.ambiguous!.includes(k.person.id) && [...k.profile.roles].some((r) => p.roles.has(r)));
  return byRole.length === 1 ? { relation: 'surname', id: byRole[0].person.id, reason: 'people/same-role' } : proposal;
}

function proposeByName(p: Profile, known: readonly { person: KnownPerson; profile: Profile }[]): Proposal {
  if (p.forms.length === 0) return { relation: 'none', reason: 'people/no-name' };
  const related = known
    .map((k) => ({ k, r: relate(p, k.profile) }))
    .filter((x) => x.r !== 'none');
  const sharing = known.filter((k) => surnamesFit(p, k.profile) && !(p.gender && k.profile.gender && p.gender !== k.profile.gender));
  if (p.full.length > 0) {
    for (const level of ['same-name', 'nickname', 'initial'] as const) {
      const hits = related.filter((x) => x.r === level).map((x) => x.k.person.id);
      if (level === 'same-name' && hits.length > 0) return { relation: level, id: Math.min(...hits), reason: 'people/same-name' };
      if (hits.length === 1) return { relation: level, id: hits[0], reason: `people/${level}` };
      if (hits.length > 1) return { relation: 'none', ambiguous: hits.sort((a, b) => a - b), reason: 'people/ambiguous' };
    }
    // Only surname-level fits: a surname-only person, or the end of a longer name. Taken only when it is the
    // one person known with that surname.
    const surnameOnly = related.filter((x) => x.r === 'surname');
    if (surnameOnly.length === 1 && sharing.length === 1) {
      const k = surnameOnly[0].k;
      return { relation: 'surname', id: k.person.id, reason: k.profile.full.length === 0 ? 'people/upgraded' : 'people/surname-only' };
    }
    if (surnameOnly.length > 0 && sharing.length > 1 && surnameOnly.length === sharing.length) {
      return { relation: 'none', ambiguous: surnameOnly.map((x) => x.k.person.id).sort((a, b) => a - b), reason: 'people/ambiguous' };
    }
    return { relation: 'none', reason: 'people/unknown' };
  }
  // A bare surname: the one person known with it, or no one.
  if (related.length === 1) return { relation: 'surname', id: related[0].k.person.id, reason: 'people/surname-only' };
  if (related.length > 1) return { relation: 'none', ambiguous: related.map((x) => x.k.person.id).sort((a, b) => a - b), reason: 'people/ambiguous' };
  return { relation: 'none', reason: 'people/unknown' };
}

/**
 * Which known person each person of one article is: one answer per input, in the same order. `candidates`
 * are every known person sharing a key (`personKeys`) with any input; passing more is harmless.
 *
 * Known: Jane Okafor (1), Dan Okafor (2). Article: "Okafor said the vote would wait." →
 * `[{ kind: 'new', name: 'Okafor', reason: 'people/ambiguous', ambiguous: [1, 2] }]`.
 * Known: Okafor (1). Article: "Secretary of State Jane Okafor said …" →
 * `[{ kind: 'existing', id: 1, name: 'Jane Okafor', reason: 'people/upgraded' }]`.
 */
export function matchPeople(people: readonly PersonInArticle[], candidates: readonly KnownPerson[]): PersonMatch[] {
  return matchProfiledPeople(people, candidates.map(profileKnown));
}

/** A known person with its name forms read once (`profileKnown`): what a store can keep between articles. */
export interface ProfiledPerson {
  readonly person: KnownPerson;
  readonly profile: Profile;
}

/** Reads a known person's names, surnames, gender and roles, for `matchProfiledPeople`. */
export function profileKnown(person: KnownPerson): ProfiledPerson {
  return { person, profile: profileOf(person) };
}

/**
 * `matchPeople` with the candidates' names already read (`profileKnown`), so that a store matching many
 * articles against the same people reads each person's names once, not once per article.
 */
export function matchProfiledPeople(people: readonly PersonInArticle[], known: readonly ProfiledPerson[]): PersonMatch[] {
  const byId = new Map(known.map((k) => [k.person.id, k]));
  const profiles = people.map(profileOf);
  const proposals = profiles.map((p) => propose(p, known));
  // Within one article: a known person claimed by a full name keeps it; weaker claims on it by other people
  // of the article are refused; two weak claims on one person cancel each other.
  const claims = new Map<number, number[]>();
  proposals.forEach((prop, i) => {
    if (prop.id === undefined) return;
    const list = claims.get(prop.id) ?? [];
    list.push(i);
    claims.set(prop.id, list);
  });
  for (const [id, list] of claims) {
    if (list.length < 2) continue;
    const strong = list.filter((i) => STRENGTH[proposals[i].relation] >= STRENGTH['nickname']);
    for (const i of list) {
      if (strong.includes(i)) continue;
      const reason: MatchReason = strong.length > 0 ? 'people/taken' : 'people/ambiguous';
      proposals[i] = reason === 'people/ambiguous' ? { relation: 'none', reason, ambiguous: [id] } : { relation: 'none', reason };
    }
  }
  // The display name of each known person after the article: the fullest of its names and the new ones.
  const merged = new Map<number, NameParts[]>();
  proposals.forEach((prop, i) => {
    if (prop.id === undefined) return;
    const list = merged.get(prop.id) ?? [...(byId.get(prop.id)?.profile.forms ?? [])];
    list.push(...profiles[i].forms);
    merged.set(prop.id, list);
  });
  return proposals.map((prop, i): PersonMatch => {
    const person = people[i];
    if (prop.id !== undefined) {
      const k = byId.get(prop.id)!.person;
      return { kind: 'existing', id: prop.id, name: bestName(k.name, merged.get(prop.id) ?? [], k.roles), reason: prop.reason };
    }
    const name = bestName(person.name, profiles[i].forms, person.roles);
    const match: PersonMatch = { kind: 'new', name, reason: prop.reason };
    return prop.ambiguous ? { ...match, ambiguous: prop.ambiguous } : match;
  });
}
