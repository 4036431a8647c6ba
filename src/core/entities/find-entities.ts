/**
 * Entities: who and what the article names, each mention tied to one entity.
 *
 * Detectors propose name mentions (proper-noun chunks with their titles split off as roles, and group
 * speakers); typing reads the team's lexicons; clustering joins the mentions of one entity:
 * "President Trump" = "Trump" = "#Trump", "Kim Jong Un" = "Chairman Kim" = "Kim", "Mike [Pompeo]" = "Pompeo".
 */
import type { Entity, EntityType, TextSpan } from '../analysis.js';
import type { Segmented, Token } from '../segment/segment.js';
import { findNameChunks, type Chunk } from './chunks.js';
import { findGroupSpeakers, speaksAfter } from './groups.js';
import { KNOWN_ORGS, ORGANIZATION_NOUNS, ORG_HEADS, ORG_SUFFIXES } from './organizations.js';
import { DEMONYMS, PLACES } from './places.js';
import { DESCRIPTION_NOUNS, NAME_SUFFIXES, PERSONAL_TITLES, isDescriptionWord, isRoleWord } from './roles.js';
import { memoByVocab } from '../segment/vocab-memo.js';
import { partitionPoint } from '../sorted.js';
import { furnitureLabelEnd } from '../segment/furniture.js';
import { genderOfGivenName } from './gender.js';

export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The id of the entity the mention refers to. */
  readonly entity: string;
  /** Token range [first, last). */
  readonly first: number;
  readonly last: number;
}

export interface EntityLayer {
  readonly entities: Entity[];
  /** In document order. */
  readonly mentions: Mention[];
  /** The entity of a mention overlapping [start, end), preferring the longest mention. */
  entityAt(start: number, end: number): string | undefined;
}

/** A proposed mention before clustering. */
interface Proposal {
  readonly first: number;
  readonly last: number;
  type: EntityType;
  /** Lower-cased name words without brackets or '#' ("mike pompeo", "north korea"). */
  readonly key: string;
  /** The name as a reader writes it ("Mike Pompeo" for "Mike [Pompeo]", "North Korea" for "#NorthKorea"). */
  readonly display: string;
  readonly words: readonly string[];
  readonly role?: TextSpan;
}

/** Longest multi-word lexicon entry, in tokens ("united arab emirates", "district of columbia"). */
const MAX_LEXICON_WORDS = 3;
/** Mentions are never longer than this, in characters; it bounds the look-back in `entityAt`. */
const MAX_MENTION_CHARS = 300;

/** Words that join the parts of a title ("Secretary of State") but never open or close one. */
const JOINING = new Set(['of', 'the', 'and', '&', 'for']);

type LexiconType = 'place' | 'organization' | 'demonym';

/** The lexicons as one map from key to type: an organization's name wins over a place's, a place's over a demonym's. */
const LEXICON: ReadonlyMap<string, LexiconType> = new Map<string, LexiconType>([
  ...[...DEMONYMS.keys()].map((k) => [k, 'demonym'] as const),
  ...[...PLACES].map((k) => [k, 'place'] as const),
  ...[...KNOWN_ORGS].map((k) => [k, 'organization'] as const),
]);

/** Every leading part of a lexicon key ("n", "no", …, "north korea"): a key that starts otherwise is in no lexicon. */
const KEY_PREFIXES: ReadonlySet<string> = new Set([...LEXICON.keys()].flatMap((k) => [...k].map((_, n) => k.slice(0, n + 1))));

/** Facts of a token's text that typing asks about, as bits of `wordFacts`. */
const CAPITALIZED_WORD = 1;
const BRACKET = 2;
const ROLE_WORD = 4;
const PERSONAL_TITLE = 8;
const JOINING_WORD = 16;
/** Its lower case starts some lexicon key: only then can a key of several tokens starting with it be one. */
const STARTS_KEY = 32;
/** "FBI", "U.N.": all capitals. */
const ACRONYM = 64;
const ORG_SUFFIX = 128;
const ORG_HEAD = 256;
const PLACE_SUFFIX = 512;
const PLACE_PREFIX = 1024;
/** The bits above this hold the word's own lexicon type, as an index into `LEXICON_TYPES`. */
const TYPE_SHIFT = 12;
const LEXICON_TYPES: readonly (LexiconType | undefined)[] = [undefined, 'place', 'organization', 'demonym'];

const wordFacts = memoByVocab((t) => {
  const { text, lower } = t;
  let facts = LEXICON_TYPES.indexOf(LEXICON.get(lower)) << TYPE_SHIFT;
  if (text !== lower) facts |= CAPITALIZED_WORD;
  if (text === '[' || text === ']') facts |= BRACKET;
  if (isRoleWord(lower)) facts |= ROLE_WORD;
  if (PERSONAL_TITLES.has(lower)) facts |= PERSONAL_TITLE;
  if (JOINING.has(lower)) facts |= JOINING_WORD;
  if (KEY_PREFIXES.has(lower)) facts |= STARTS_KEY;
  if (text.length > 1 && /^[A-Z][A-Z.&]+$/.test(text)) facts |= ACRONYM;
  if (ORG_SUFFIXES.has(lower)) facts |= ORG_SUFFIX;
  if (ORG_HEADS.has(lower)) facts |= ORG_HEAD;
  if (PLACE_SUFFIXES.has(lower)) facts |= PLACE_SUFFIX;
  if (PLACE_PREFIXES.has(lower)) facts |= PLACE_PREFIX;
  return facts;
});

function has(t: Token, fact: number): boolean {
  return (wordFacts(t) & fact) !== 0;
}

/** The lexicon type of the key of tokens [first, last); builds the key only when some lexicon key starts like it. */
function lexiconTypeOf(tokens: readonly Token[], first: number, last: number): LexiconType | undefined {
  const facts = wordFacts(tokens[first]);
  // one token's key is its lower case (a bracket's is empty, and no key)
  if (last - first === 1) return LEXICON_TYPES[facts >> TYPE_SHIFT];
  // a key starts with its first token's lower case, unless that token is a bracket
  if ((facts & (STARTS_KEY | BRACKET)) === 0) return undefined;
  return LEXICON.get(keyOf(tokens, first, last));
}

function keyOf(tokens: readonly Token[], first: number, last: number): string {
  let key = '';
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    if (t.text === '[' || t.text === ']') continue;
    key += key === '' || !t.spaceBefore && (t.text === '-' || tokens[i - 1].text === '-') ? t.lower : ` ${t.lower}`;
  }
  return key;
}

/** The longest lexicon entry that starts at token `i` and ends before `limit`, as [width, type]. */
function lexiconAt(tokens: readonly Token[], i: number, limit: number): [number, LexiconType] | undefined {
  for (let w = Math.min(MAX_LEXICON_WORDS, limit - i); w >= 1; w--) {
    const type = lexiconTypeOf(tokens, i, i + w);
    if (type) return [w, type];
  }
  return undefined;
}

/** The longest lexicon entry that ends at token `end - 1` and starts at or after `floor`. */
function lexiconEndingAt(tokens: readonly Token[], end: number, floor: number): [number, LexiconType] | undefined {
  for (let w = Math.min(MAX_LEXICON_WORDS, end - floor); w >= 1; w--) {
    if (!has(tokens[end - w], CAPITALIZED_WORD)) continue;
    const type = lexiconTypeOf(tokens, end - w, end);
    if (type) return [w, type];
  }
  return undefined;
}

/** "#NorthKorea" → "North Korea". */
function splitHashtag(tag: string): string {
  return tag.slice(1).replace(/([a-z])([A-Z])/g, '$1 $2');
}

function textOf(seg: Segmented, first: number, last: number): TextSpan {
  const start = seg.tokens[first].start;
  const end = seg.tokens[last - 1].end;
  return { start, end, text: seg.text.slice(start, end) };
}

/** The role phrase that ends just before token `nameStart`: "U.S. Secretary of State", "North Korean leader". */
function roleBefore(seg: Segmented, nameStart: number): [number, boolean] {
  const { tokens } = seg;
  const floor = seg.sentences[tokens[nameStart].sentence].first;
  let r = nameStart;
  let personal = false;
  while (r > floor) {
    const t = tokens[r - 1];
    if (t.pos === 'VERB' || t.pos === 'PUNCT' && t.text !== '.') break;
    const entry = has(t, CAPITALIZED_WORD) ? lexiconEndingAt(tokens, r, floor) : undefined;
    if (entry) {
      r -= entry[0];
      continue;
    }
    const facts = wordFacts(t);
    // "said curator Hana Whitfield", "Team owner Patricia Vance": a description is a role too
    if ((facts & ROLE_WORD) === 0 && !(r === nameStart && isDescriptionWord(t.lower))) break;
    if ((facts & PERSONAL_TITLE) !== 0) personal = true;
    r--;
  }
  // A role starts with its title, never with a joining word ("and North Korean leader" → "North Korean leader"),
  // and ends with a title word: in "Geneva and Stockholm" nothing is a role.
  while (r < nameStart && has(tokens[r], JOINING_WORD)) r++;
  if (r < nameStart && (wordFacts(tokens[nameStart - 1]) & (JOINING_WORD | ROLE_WORD)) !== ROLE_WORD && !isDescriptionWord(tokens[nameStart - 1].lower)) return [nameStart, false];
  return [r, personal];
}

/** Adds to `out` the mentions a chunk proposes: its name, and the places and organizations inside its title. */
function proposeFromChunk(seg: Segmented, chunk: Chunk, out: Proposal[]): void {
  const { tokens } = seg;
  if (chunk.hashtag) {
    const display = splitHashtag(tokens[chunk.first].text);
    const key = display.toLowerCase();
    const known = LEXICON.get(key);
    const type: EntityType = known === 'organization' ? 'organization' : known === 'place' ? 'place' : 'other';
    if (known !== 'demonym') out.push({ first: chunk.first, last: chunk.last, type, key, display, words: key.split(' ') });
    return;
  }
  const whole = lexiconTypeOf(tokens, chunk.first, chunk.last);
  if (whole === 'demonym') return;
  let p = chunk.first;
  if (!whole && !isOrganizationShape(tokens, chunk.first, chunk.last)) {
    // Split the title off the front: "U.S. Secretary of State Mike Pompeo" → "Mike Pompeo".
    while (p < chunk.last - 1) {
      const entry = lexiconAt(tokens, p, chunk.last - 1);
      if (entry) {
        if (entry[1] !== 'demonym') out.push(lexiconProposal(seg, p, p + entry[0], entry[1]));
        p += entry[0];
        continue;
      }
      if (!has(tokens[p], ROLE_WORD)) break;
      p++;
    }
    while (p < chunk.last && has(tokens[p], JOINING_WORD)) p++;
    // "Ashby Mayor Beth Lyons", "Brennic President Aurel Dragan": a place the lexicons do not know, then a
    // title; the name is what follows the last title. "Nurse Jolene Ferrante", "Guitarist Sam Petrov": a
    // description capitalized because it opens the sentence is not part of the name (roles.ts).
    let lastTitle = -1;
    for (let i = p; i < chunk.last - 1; i++) if (has(tokens[i], PERSONAL_TITLE) && /^[A-Z]/.test(tokens[i + 1].text)) lastTitle = i;
    if (lastTitle >= p && chunk.last - lastTitle - 1 >= 1) p = lastTitle + 1;
    else {
      for (let w = ageWidth(tokens, p); w > 0 && chunk.last - p - w >= 2; w = ageWidth(tokens, p)) p += w;
      while (chunk.last - p >= 3 && isDescriptionWord(tokens[p].lower)) p++;
      // "Startup Tallyfin", "Automaker Norvik": what kind of business it is, capitalized as a headline's first word
      if (chunk.last - p >= 2 && BUSINESS_DESCRIPTIONS.has(tokens[p].lower)) p++;
    }
  }
  if (p >= chunk.last) return;
  const last = chunk.last;
  const key = keyOf(tokens, p, last);
  const words = key.split(' ');
  // "“One good winter is not a trend,” Sen said": an abbreviated title written without its period and
  // before no name is a surname ("Rahul Sen"); any other lone role word is no name
  if (words.length === 1 && isRoleWord(key) && !(SURNAME_LIKE_TITLES.has(key) && !/^[A-Z]/.test(tokens[last]?.text ?? '') && tokens[last]?.text !== '.')) return;
  const [roleStart, personal] = roleBefore(seg, p);
  const written = seg.text.slice(tokens[p].start, tokens[last - 1].end);
  const display = written.includes('[') || written.includes(']') ? written.replace(/[[\]]/g, '') : written;
  const type = typeOf(seg, p, last, key, personal, roleStart < p);
  out.push(roleStart < p ? { first: p, last, type, key, display, words, role: textOf(seg, roleStart, p) } : { first: p, last, type, key, display, words });
}

/** Title abbreviations that are also surnames when written without their period ("Sen", "Rev"). */
const SURNAME_LIKE_TITLES: ReadonlySet<string> = new Set(['sen', 'rep', 'gov', 'gen', 'col', 'lt', 'maj', 'rev']);

/** Nouns for kinds of business that news writes before a company's name and that no name starts with. */
const BUSINESS_DESCRIPTIONS: ReadonlySet<string> = new Set(['startup', 'automaker', 'retailer', 'grocer', 'insurer', 'broadcaster', 'publisher', 'carrier', 'manufacturer', 'maker', 'chipmaker', 'drugmaker', 'brewer', 'miner', 'lender', 'developer', 'builder', 'supplier', 'distributor']);

/** "Sixteen-year-old", "Five-month-old": the width of an age written as hyphenated tokens at `i`, else 0. */
function ageWidth(tokens: readonly Token[], i: number): number {
  const unit = tokens[i + 2]?.lower;
  if (tokens[i + 1]?.text !== '-' || tokens[i + 3]?.text !== '-' || tokens[i + 4]?.lower !== 'old') return 0;
  return unit !== undefined && /^(?:year|month|week|day)s?$/.test(unit) ? 5 : 0;
}

/** "The Washington Post", "Bank of England": a name shaped like an organization keeps its place words. */
function isOrganizationShape(tokens: readonly Token[], first: number, last: number): boolean {
  if (last - first > 1 && has(tokens[last - 1], ORG_SUFFIX)) return true;
  return last - first > 2 && has(tokens[first], ORG_HEAD) && tokens[first + 1].lower === 'of';
}

function lexiconProposal(seg: Segmented, first: number, last: number, type: 'place' | 'organization'): Proposal {
  const key = keyOf(seg.tokens, first, last);
  return { first, last, type, key, display: textOf(seg, first, last).text, words: key.split(' ') };
}

/** The type of the name at [first, last), from the lexicons, its title and its shape. */
function typeOf(seg: Segmented, first: number, last: number, key: string, personal: boolean, roled = false): EntityType {
  const known = LEXICON.get(key);
  if (known === 'organization') return 'organization';
  if (known === 'place') return 'place';
  const { tokens } = seg;
  if (inDateline(seg, tokens[first].start, tokens[last - 1].end)) return 'place';
  const words = last - first;
  const firstFacts = wordFacts(tokens[first]);
  const lastFacts = wordFacts(tokens[last - 1]);
  if (words > 1 && (lastFacts & ORG_SUFFIX) !== 0) return 'organization';
  if (words > 2 && (firstFacts & ORG_HEAD) !== 0 && tokens[first + 1].lower === 'of') return 'organization';
  if (words === 1 && (firstFacts & ACRONYM) !== 0) return 'organization';
  if (words > 1 && hasAmpersand(tokens, first, last)) return 'organization';
  // "Jen Park", "Grace Hall": a given name and a surname that is also a place word is a person; "Mary Street" is not.
  if (words === 2 && genderOfGivenName(tokens[first].lower) !== undefined && !STREET_WORDS.has(tokens[last - 1].lower)) return 'person';
  // "Board chair Glen Moreau", "Coach Lake Harmon": two words after a person's role are a given name and a
  // surname, whatever place word they begin with
  if (words === 2 && roled && !STREET_WORDS.has(tokens[last - 1].lower) && (lastFacts & PLACE_SUFFIX) === 0) return 'person';
  if (words > 1 && ((lastFacts & PLACE_SUFFIX) !== 0 || (firstFacts & PLACE_PREFIX) !== 0)) return 'place';
  if (personal) return 'person';
  // "the Harbour City Storm Chasers", "with the Ridgeway Hawks": a plural name after "the" is a team or a
  // company, never a person
  if (words > 1 && /^the$/i.test(tokens[first - 1]?.text ?? '') && /[a-z][^s]s$/.test(tokens[last - 1].text)) return 'organization';
  // "Environmental group BlueCurrent", "the streaming service Corvid": a name right after a lower-case
  // organization noun is that organization
  const before = tokens[first - 1];
  if (before && before.text === before.lower && (ORGANIZATION_NOUNS.has(before.lower) || before.lower === 'group') && !(words > 1 && genderOfGivenName(tokens[first].lower) !== undefined)) return 'organization';
  if (precedesCorporateTitle(seg, last) && (words > 1 || first > seg.sentences[tokens[first].sentence].first)) return 'organization';
  if (words > 1 && (lastFacts & ORG_SUFFIX) === 0) return 'person';
  if (speaksAfter(seg, last - 1) || speaksAfterAside(seg, last)) return 'person';
  // "Her husband, Tom, said …", "who gave only his first name, Tomas, said …": a lone name set off by
  // commas after a noun, as the subject of a verb of saying, is the person's name
  if (words === 1 && tokens[first - 1]?.text === ',' && tokens[first - 2]?.pos === 'NOUN' && tokens[last]?.text === ',' && speaksAfter(seg, last)) return 'person';
  return 'other';
}

/**
 * Titles a company, club or group gives its people, written in lower case between the organization's name
 * and the person's: "Coastline Ferries chief executive Martin Adair", "Crestline president Roger Dunn".
 * The team's list of corporate titles (no government titles: "Ashby mayor Beth Lyons" names a place).
 */
const CORPORATE_TITLES: ReadonlySet<string> = new Set(['chief', 'executive', 'ceo', 'cfo', 'president', 'vice-president', 'spokesperson', 'spokesman', 'spokeswoman', 'founder', 'co-founder', 'owner', 'chair', 'chairman', 'chairwoman', 'director', 'manager', 'coach', 'economist', 'analyst', 'partner']);

/** Whether the name ending before token `last` is followed by a lower-case corporate title and then a capitalized name. */
function precedesCorporateTitle(seg: Segmented, last: number): boolean {
  const { tokens } = seg;
  const first = tokens[last];
  if (!first || first.text !== first.lower || !CORPORATE_TITLES.has(first.lower)) return false;
  for (let i = last + 1; i < Math.min(tokens.length, last + 4); i++) {
    const t = tokens[i];
    if (/^[A-Z]/.test(t.text)) return t.pos === 'PROPN';
    if (!isRoleWord(t.lower) && !CORPORATE_TITLES.has(t.lower)) return false;
  }
  return false;
}

/** A dateline opening a line: a place in capitals and a dash, "HALDEN — ", "SALTHAVEN, Norland — ". */
const DATELINE = /^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .'’-]*)?\s+[—–-]\s/;

/** [start, end) lies in the dateline that opens its line ("ASHBY" in "ASHBY — Greyline Foods Inc. will …"). */
function inDateline(seg: Segmented, start: number, end: number): boolean {
  // a dateline's first word opens its line, and the place never runs past the dash
  let lineStart = start;
  while (lineStart > 0 && start - lineStart < 60 && seg.text[lineStart - 1] !== '\n') lineStart--;
  if (lineStart > 0 && seg.text[lineStart - 1] !== '\n') return false;
  const m = DATELINE.exec(seg.text.slice(lineStart, lineStart + 80));
  return m !== null && end <= lineStart + m[0].length;
}

/** "Ortega, who proposed the change, said": a name, an aside between commas, then a speech verb. */
function speaksAfterAside(seg: Segmented, after: number): boolean {
  const { tokens } = seg;
  const open = tokens[after];
  if (!open || open.text !== ',') return false;
  for (let k = after + 1; k < Math.min(tokens.length, after + 20) && tokens[k].sentence === open.sentence; k++) {
    if (tokens[k].text === ',') return speaksAfter(seg, k);
    if (tokens[k].text === '“' || tokens[k].text === '"') return false;
  }
  return false;
}

const STREET_WORDS: ReadonlySet<string> = new Set(['street', 'st.', 'avenue', 'ave.', 'road', 'boulevard', 'highway', 'bridge', 'station', 'square', 'tower', 'airport']);

function hasAmpersand(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (tokens[i].text === '&') return true;
  return false;
}

/**
 * Words that end or start the names of places and structures ("Harbor Bridge", "Port Alder", "Lake
 * Placid"). Team-written from English toponym patterns.
 */
const PLACE_SUFFIXES: ReadonlySet<string> = new Set([
  'bridge', 'street', 'st.', 'avenue', 'ave.', 'road', 'boulevard', 'highway', 'park', 'river', 'lake', 'mountain',
  'mountains', 'island', 'islands', 'bay', 'harbor', 'harbour', 'airport', 'station', 'square', 'tower', 'hall',
  'stadium', 'arena', 'plaza', 'county', 'city', 'valley', 'beach', 'coast', 'peninsula', 'strait', 'sea', 'ocean',
  'canal', 'dam', 'port', 'district', 'province', 'region', 'heights', 'hills', 'falls', 'springs',
]);
const PLACE_PREFIXES: ReadonlySet<string> = new Set(['port', 'fort', 'mount', 'mt.', 'lake', 'san', 'santa', 'saint', 'st.', 'cape', 'glen', 'isle']);

interface Cluster {
  type: EntityType;
  readonly members: Proposal[];
  /** Its name words, over all mentions. */
  readonly words: Set<string>;
  /** Some mention has more than one word ("Kim Jong Un", not only "Kim"). */
  multiWord: boolean;
}

/** Joins proposals, in document order, into entities. Look-ups go through indexes, so this is linear. */
function cluster(proposals: readonly Proposal[]): Cluster[] {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  /** Each word of a multi-word person name → the person last mentioned with it. */
  const byNameWord = new Map<string, Cluster>();
  /** Each one-word name not (yet) part of a longer one → its entity. */
  const bySingleWord = new Map<string, Cluster>();
  for (const p of proposals) {
    let target = byKey.get(p.key);
    if (target && !compatible(target, p)) target = undefined;
    if (!target && p.words.length === 1 && (p.type === 'person' || p.type === 'other')) {
      // "Kim" after "Kim Jong Un", "Pompeo" after "Mike Pompeo": any word of an earlier person's name, most recent first.
      target = byNameWord.get(p.key);
    }
    if (!target && p.words.length > 1 && p.type === 'person') {
      // "Mike Pompeo" after a bare "Pompeo": the surname (or the family name first, "Kim Jong Un") named it before.
      const bySurname = bySingleWord.get(lastNameWord(p.words));
      // "Ms. de la Vega" after "Ines de la Vega": every word of it in an earlier person's name
      const byWords = byNameWord.get(lastNameWord(p.words));
      if (byWords && p.words.every((w) => byWords.words.has(w)) && compatible(byWords, p)) target = byWords;
      else if (bySurname && !bySurname.multiWord && compatible(bySurname, p)) target = bySurname;
      else {
        const byFirstWord = bySingleWord.get(p.words[0]);
        if (byFirstWord && !byFirstWord.multiWord && compatible(byFirstWord, p)) target = byFirstWord;
      }
    }
    if (!target) {
      target = { type: p.type, members: [], words: new Set(), multiWord: false };
      clusters.push(target);
    }
    // join it
    const c = target;
    c.members.push(p);
    for (const w of p.words) c.words.add(w);
    if (c.type === 'other') c.type = p.type;
    if (p.words.length > 1) c.multiWord = true;
    byKey.set(p.key, c);
    if (c.multiWord && c.type === 'person') for (const w of c.words) byNameWord.set(w, c);
    else if (!c.multiWord && (c.type === 'person' || c.type === 'other')) bySingleWord.set(p.key, c);
  }
  return clusters;
}

/**
 * Organizations, read over whole entities once mentions are joined:
 *   "Tallyfin, an Ashby-based maker of payroll software," → an appositive headed by an organization noun
 *     makes the entity an organization, whatever its one-word name looked like;
 *   "Greyline" and "Greyline Foods" after "Greyline Foods Inc." → a name that is the leading words of an
 *     organization's name is that organization (a person's surname never is: "Ford" beside "Ford Motor Co."
 *     joins only where nothing made it a person with a given name).
 */
function joinOrganizations(seg: Segmented, clusters: Cluster[]): Cluster[] {
  for (const c of clusters) {
    if (c.type === 'organization' || c.type === 'place') continue;
    if (c.members.some((m) => appositiveIsOrganization(seg, m.last))) c.type = 'organization';
    // "Hearthstone Bakeries" in a headline, then "Hearthstone chief executive Claire Dumont": a name one of
    // whose mentions reads as an organization is one, unless a given name makes it a person
    else if (c.type === 'person' && c.members.some((m) => m.type === 'organization') && !givenNamed(c)) c.type = 'organization';
  }
  // the longest name of each organization, by its first word
  const byFirstWord = new Map<string, { words: readonly string[]; c: Cluster }[]>();
  for (const c of clusters) {
    if (c.type !== 'organization') continue;
    const longest = c.members.reduce((a, m) => (m.words.length > a.words.length ? m : a));
    let list = byFirstWord.get(longest.words[0]);
    if (!list) byFirstWord.set(longest.words[0], (list = []));
    list.push({ words: longest.words, c });
  }
  // the longest name first: "Greyline" joins "Greyline Foods Inc.", not "Greyline Foods", which joins it too
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  if (byFirstWord.size === 0) return clusters;
  const out: Cluster[] = [];
  for (const c of clusters) {
    const into = c.type === 'place' || c.type === 'group' || givenNamed(c) ? undefined : longerOrganization(c, byFirstWord.get(c.members[0].words[0]));
    if (!into) {
      out.push(c);
      continue;
    }
    for (const m of c.members) into.members.push(m);
    into.members.sort((a, b) => a.first - b.first);
  }
  return out;
}

/** A person named with a given name ("Mira Castellanos") is never an organization's short name. */
function givenNamed(c: Cluster): boolean {
  return c.type === 'person' && c.members.some((m) => m.words.length > 1 && genderOfGivenName(m.words[0]) !== undefined);
}

/** The organization whose longest name starts with every name of `c` and is longer than each. */
function longerOrganization(c: Cluster, candidates: readonly { words: readonly string[]; c: Cluster }[] | undefined): Cluster | undefined {
  if (!candidates) return undefined;
  for (const { words, c: org } of candidates) {
    if (org === c) continue;
    if (c.members.every((m) => m.words.length < words.length && m.words.every((w, k) => w === words[k]))) return org;
  }
  return undefined;
}

/** Nouns that head an organization's description and never a person's. */
const ORGANIZATION_HEADS: ReadonlySet<string> = new Set([...ORGANIZATION_NOUNS].filter((w) => !DESCRIPTION_NOUNS.has(w)));

/** ", an Ashby-based maker of payroll software,": after the name at token `after`, an appositive with an organization noun as its head. */
function appositiveIsOrganization(seg: Segmented, after: number): boolean {
  const { tokens } = seg;
  const comma = tokens[after];
  const det = tokens[after + 1];
  if (!comma || comma.text !== ',' || !det || !/^(?:a|an|the)$/.test(det.lower)) return false;
  let head: Token | undefined;
  for (let k = after + 2; k < Math.min(tokens.length, after + 10) && tokens[k].sentence === comma.sentence; k++) {
    const t = tokens[k];
    // "Ashby-based": a verb glued to a hyphen is part of a modifier
    const glued = !t.spaceBefore && tokens[k - 1].text === '-';
    if (t.pos === 'ADP' || t.pos === 'PUNCT' && t.text !== '-' || t.pos === 'PRON' || t.pos === 'VERB' && !glued || t.pos === 'AUX') break;
    if (t.pos === 'NOUN') head = t;
    // "Dr. Leila Haddad, the hospital’s chief of emergency medicine": a possessor is never the head
    if (t.pos === 'PART' && /^['’]s?$/.test(t.text.slice(0, 2))) head = undefined;
  }
  return head !== undefined && ORGANIZATION_HEADS.has(head.lower);
}

function compatible(c: Cluster, p: Proposal): boolean {
  return c.type === p.type || c.type === 'other' || p.type === 'other';
}

function lastNameWord(words: readonly string[]): string {
  for (let i = words.length - 1; i > 0; i--) if (!NAME_SUFFIXES.has(words[i])) return words[i];
  return words[0];
}

/** Finds the entities the text names, with every mention and the roles the text gives them. */
export function findEntities(seg: Segmented): EntityLayer {
  const proposals: Proposal[] = [];
  const labels = furnitureLabels(seg);
  for (const chunk of findNameChunks(seg)) {
    // "FILE PHOTO:", "WATCH:", "Story continues below advertisement": a page's labels name no one.
    if (labels.length > 0 && insideLabel(labels, seg.tokens[chunk.first].start)) continue;
    proposeFromChunk(seg, chunk, proposals);
  }
  for (const g of findGroupSpeakers(seg)) {
    if (namesInside(proposals, g.first, g.last)) continue;
    proposals.push({ first: g.first, last: g.last, type: 'group', key: g.key, display: textOf(seg, g.first, g.last).text, words: [g.key] });
  }
  proposals.sort((a, b) => a.first - b.first || b.last - a.last);
  const mentions: Mention[] = [];
  const entities: Entity[] = [];
  for (const c of joinOrganizations(seg, cluster(proposals))) {
    // a name typed by nothing and mentioned once is no entity
    if (c.type === 'other' && c.members.length === 1) continue;
    const id = `e${entities.length + 1}`;
    let name = c.members[0].display;
    let size = c.members[0].words.length;
    const spans: TextSpan[] = [];
    const roles: TextSpan[] = [];
    for (const m of c.members) {
      if (m.words.length > size) {
        name = m.display;
        size = m.words.length;
      }
      if (m.role) roles.push(m.role);
      const span = textOf(seg, m.first, m.last);
      spans.push(span);
      mentions.push({ start: span.start, end: span.end, text: span.text, entity: id, first: m.first, last: m.last });
    }
    entities.push(roles.length > 0 ? { id, type: c.type, name, mentions: spans, roles } : { id, type: c.type, name, mentions: spans });
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { entities, mentions, entityAt: (start, end) => entityAt(mentions, start, end) };
}

/** The [start, end) ranges of the furniture labels and boilerplate lines of `seg`, in text order. */
function furnitureLabels(seg: Segmented): [number, number][] {
  const out: [number, number][] = [];
  for (const p of seg.paragraphs) {
    const end = furnitureLabelEnd(seg.text.slice(p.start, p.end));
    if (end > 0) out.push([p.start, p.start + end]);
  }
  return out;
}

function insideLabel(labels: readonly [number, number][], offset: number): boolean {
  const k = partitionPoint(labels, (l) => l[1] <= offset);
  return k < labels.length && labels[k][0] <= offset;
}

/** A name other than a place lies inside [first, last): "Trump aides said" is about Trump, not a group. */
function namesInside(proposals: readonly Proposal[], first: number, last: number): boolean {
  for (const p of proposals) if (p.first >= first && p.last <= last && p.type !== 'place') return true;
  return false;
}

function entityAt(mentions: readonly Mention[], start: number, end: number): string | undefined {
  const lo = partitionPoint(mentions, (m) => m.start < end);
  let best: Mention | undefined;
  for (let i = lo - 1; i >= 0 && mentions[i].start > start - MAX_MENTION_CHARS; i--) {
    const m = mentions[i];
    if (m.end > start && m.start < end && (!best || m.end - m.start > best.end - best.start)) best = m;
  }
  return best?.entity;
}
