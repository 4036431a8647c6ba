/**
 * A person's name form read into its parts, for matching people across articles: the courtesy title
 * ("Mr.", "Dr."), a leading role ("Secretary of State" in "Secretary of State Jane Okafor"), the given names
 * ("Jane", "J.", "J.R."), the surname with its particles ("de la Cruz" in "Maria de la Cruz") and a suffix
 * ("Jr."). Pure: no I/O.
 */
import { isRoleWord } from '../core/entities/roles.js';
import { NICKNAMES } from './nicknames.js';

/** A name form read into its parts. Normalized parts are lower case, without diacritics or periods. */
export interface NameParts {
  /** The form as a reader would print it: the name's own words, without title, role or possessive. */
  display: string;
  /** Normalized given names: full words ("jane") or single letters for initials ("j"). */
  given: readonly string[];
  /** For each given name, whether the form gave only its initial ("J." in "J. Okafor"). */
  initials: readonly boolean[];
  /** The normalized surname with its particles: "okafor", "de la cruz", "smith-jones". */
  surname: string;
  /** The gender a courtesy title states ("Mr." → m, "Mrs."/"Ms." → f), where it does. */
  gender?: 'm' | 'f';
}

/** Courtesy titles, stripped from names ("Mr. Okafor" is Okafor). Team-written from the AP Stylebook. */
const HONORIFICS: ReadonlyMap<string, 'm' | 'f' | undefined> = new Map([
  ['mr', 'm'], ['mister', 'm'], ['sir', 'm'], ['messrs', 'm'], ['mrs', 'f'], ['ms', 'f'], ['miss', 'f'], ['madam', 'f'],
  ['dame', 'f'], ['mx', undefined], ['dr', undefined], ['doctor', undefined], ['prof', undefined],
]);

/**
 * Surname particles: lower-case words that belong to the surname after them ("Maria de la Cruz", "Ludwig van
 * Beethoven", "Bill de Blasio"). Team-written from common Romance, Dutch, German and Arabic naming practice.
 */
const PARTICLES: ReadonlySet<string> = new Set([
  'de', 'del', 'della', 'dei', 'der', 'den', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'lo', 'van', 'von',
  'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'st', 'y',
]);

/** Particles that may open a surname given alone, capitalized at a sentence start: "De la Cruz said". */
const LEADING_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'van', 'von', 'ter',
]);

/** Suffixes that follow a name ("Dan Okafor Jr."); kept in the display, not part of the surname. */
const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v', 'phd', 'md', 'esq']);

/** Words that open a role-only mention ("the mayor", "a spokeswoman", "her lawyer"). */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'this', 'that']);

/** Country abbreviations that open a role ("U.S. Secretary of State"). */
const ROLE_OPENERS: ReadonlySet<string> = new Set(['u.s.', 'us', 'u.k.', 'uk', 'u.n.', 'e.u.']);

/** Lower case, no diacritics, straight apostrophes, hyphens for every dash. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u2032`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** A word of a name normalized: folded, without periods ("J." → "j", "Ó'Brien" → "o'brien"). */
function normWord(word: string): string {
  return fold(word).replace(/\./g, '');
}

/** Splits a form into words, dropping a trailing possessive ("Okafor's", "Okafor’s", "Jones'"). */
function words(form: string): string[] {
  const out = form
    .replace(/[,;:()"“”]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  const last = out.length - 1;
  if (last >= 0) {
    out[last] = out[last].replace(/['’](s)?$/iu, '');
    if (out[last] === '') out.pop();
  }
  return out;
}

/** "J.", "J", "J.R.": a given name written as initials, one letter each. */
function initialLetters(word: string): string[] | undefined {
  if (/^\p{Lu}\.?$/u.test(word)) return [normWord(word)];
  if (/^(\p{Lu}\.){2,3}$/u.test(word)) return normWord(word).split('');
  return undefined;
}

function hasLetter(word: string): boolean {
  return /\p{L}/u.test(word);
}

function startsUpper(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * Reads one name form. `roles` are role phrases the article gives the person ("Secretary of State"): a form
 * that opens with one loses it, as does a form that opens with title words from the entity layer's lexicon.
 * Returns undefined for a form that names no one: "the mayor", "Mayor", "a spokeswoman", "".
 *
 * "Secretary of State Jane Okafor" → given ["jane"], surname "okafor", display "Jane Okafor".
 * "Mr. Okafor's" → given [], surname "okafor", gender m, display "Okafor".
 * "Maria de la Cruz" → given ["maria"], surname "de la cruz".
 */
export function parseName(form: string, roles: readonly string[] = []): NameParts | undefined {
  let text = form.trim();
  for (const role of roles) {
    const r = role.trim().replace(/[,.]$/, '');
    if (r !== '' && fold(text).startsWith(fold(r) + ' ')) text = text.slice(r.length).trim();
  }
  let ws = words(text);
  let gender: 'm' | 'f' | undefined;
  // Leading determiners, honorifics and role words ("the", "Dr.", "U.S. Secretary of State").
  let i = 0;
  while (i < ws.length) {
    const lower = fold(ws[i]);
    const bare = lower.replace(/\.$/, '');
    if (HONORIFICS.has(bare) && (i + 1 < ws.length || !startsUpper(ws[i]))) {
      gender = HONORIFICS.get(bare) ?? gender;
      i++;
    } else if (HONORIFICS.has(bare)) {
      return undefined; // "Mr." alone
    } else if (DETERMINERS.has(lower) || ROLE_OPENERS.has(lower) || isRoleWord(lower) || isRoleWord(bare)) {
      i++;
    } else break;
  }
  ws = ws.slice(i);
  // Trailing suffixes ("Jr.") stay in the display but are no part of the surname.
  let end = ws.length;
  while (end > 1 && SUFFIXES.has(normWord(ws[end - 1]))) end--;
  const core = ws.slice(0, end).filter(hasLetter);
  if (core.length === 0) return undefined;
  // A role-only mention: no word of the name is capitalized ("the mayor", "officials").
  if (!core.some((w) => startsUpper(w))) return undefined;
  // The surname: the last word, with particles before it.
  let s = core.length - 1;
  while (s > 1 && PARTICLES.has(normWord(core[s - 1]))) s--;
  if (s === 1 && LEADING_PARTICLES.has(normWord(core[0])) && core.length > 1 && PARTICLES.has(normWord(core[0]))) {
    // "De la Cruz", "Van Gogh": a surname that opens with a particle, given alone.
    s = 0;
  } else if (s === 1 && PARTICLES.has(normWord(core[0])) && !startsUpper(core[0])) {
    s = 0;
  }
  const given: string[] = [];
  const initials: boolean[] = [];
  for (const w of core.slice(0, s)) {
    const letters = initialLetters(w);
    if (letters) {
      for (const l of letters) {
        given.push(l);
        initials.push(true);
      }
    } else {
      given.push(normWord(w));
      initials.push(false);
    }
  }
  const surname = core.slice(s).map(normWord).join(' ');
  const display = ws.join(' ').replace(/,$/, '');
  const parts: NameParts = { display, given, initials, surname };
  return gender ? { ...parts, gender } : parts;
}

/** The key a form is indexed under: the last word of its surname ("de la cruz" → "cruz"). */
export function surnameKey(parts: NameParts): string {
  const ws = parts.surname.split(' ');
  return ws[ws.length - 1];
}

/** How two given names relate: the same, one a diminutive of the other, one an initial of the other. */
export function compareGiven(a: string, aInitial: boolean, b: string, bInitial: boolean): 'same' | 'nickname' | 'initial' | 'different' {
  if (aInitial || bInitial) return a[0] === b[0] ? 'initial' : 'different';
  if (a === b) return 'same';
  if (NICKNAMES.get(a)?.has(b) || NICKNAMES.get(b)?.has(a)) return 'nickname';
  return 'different';
}

/** How two surnames relate: equal, or one ends the other ("cruz" and "de la cruz"). */
export function compareSurname(a: string, b: string): 'same' | 'ends' | 'different' {
  if (a === b) return 'same';
  if (a.endsWith(' ' + b) || b.endsWith(' ' + a)) return 'ends';
  return 'different';
}
