/**
 * What the corpus takes from one analysis: its people, to match with `matchPeople`, and the statements
 * worth fingerprinting, to group with `fingerprint` and `sameStatement`. Pure.
 */
import type { Analysis, Attribution, QuoteKind } from '../core/analysis.js';
import { parseName } from './names.js';
import type { PersonInArticle } from './people.js';
import { normalizeWords } from './copies.js';

/** A person of the article, with the entity id it comes from. */
export interface ArticlePerson extends PersonInArticle {
  entity: string;
}

/** Courtesy titles the entity layer gives as roles ("Mr.", "Dr."): titles, not roles a person holds. */
const COURTESY = /^(mr|mrs|ms|miss|mx|dr|sir|dame|mister|doctor|prof)\.?$/i;

function uniqueBy(values: readonly string[], key: (s: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const k = key(v);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

/**
 * The analysis' person entities as `PersonInArticle`s: the entity's fullest name, every mention's words as a
 * variant, its roles without courtesy titles (which stay in the variants as "Mr. Okafor", so that the
 * gender a title states is kept). Entities of other types (organizations, places, groups) are not people.
 *
 * "Secretary of State Jane Okafor said … Ms. Okafor added …" →
 * `{ entity: 'e2', name: 'Jane Okafor', variants: ['Jane Okafor', 'Okafor', 'Ms. Okafor'], roles: ['Secretary of State'] }`.
 */
export function peopleInArticle(analysis: Pick<Analysis, 'entities'>): ArticlePerson[] {
  const out: ArticlePerson[] = [];
  for (const entity of analysis.entities) {
    if (entity.type !== 'person') continue;
    const roles: string[] = [];
    const titled: string[] = [];
    const parts = parseName(entity.name);
    const surname = parts?.display.split(' ').slice(-parts.surname.split(' ').length).join(' ');
    for (const role of entity.roles ?? []) {
      const text = role.text.trim().replace(/[,;:]+$/, '');
      if (COURTESY.test(text)) {
        if (surname) titled.push(`${text} ${surname}`);
      } else if (text !== '') roles.push(text);
    }
    const variants = uniqueBy(
      [entity.name, ...entity.mentions.map((m) => m.text.trim()), ...titled],
      (s) => s.toLowerCase(),
    );
    out.push({ entity: entity.id, name: entity.name, variants, roles: uniqueBy(roles, (s) => s.toLowerCase()) });
  }
  return out;
}

/** A statement worth tracing across articles. */
export interface StatementToTrace {
  /** The attribution's id in the analysis. */
  attribution: string;
  kind: QuoteKind;
  /** The words to fingerprint: a direct quote's words, a mixed quote's quoted words, an indirect one's text. */
  text: string;
  /** How many normalized words `text` has. */
  words: number;
}

/** Direct and mixed quotes with fewer quoted words than this are not traced ("a disgrace" is said often). */
export const MIN_QUOTED_WORDS = 4;
/** Indirect statements with fewer words than this are not traced: short paraphrases say little alike. */
export const MIN_INDIRECT_WORDS = 8;

/** Double quotation marks that open and close quoted words inside a mixed quote's text. */
const QUOTED = /[“"«„]([^”"»“]+)[”"»“]/g;

/** A mixed quote's quoted words: `he was "deeply worried about the hospitals."` → `deeply worried about the hospitals.` */
function quotedWords(a: Attribution): string {
  const pieces = [...a.text.matchAll(QUOTED)].map((m) => m[1].trim()).filter((p) => p !== '');
  // No marks left in the text: the analysis dropped the enclosing marks, so the whole text was quoted.
  return pieces.length > 0 ? pieces.join(' … ') : a.text;
}

/**
 * The attributions worth fingerprinting, in the analysis' order: direct quotes (their words) and mixed
 * quotes (their quoted words, pieces joined by an ellipsis) of at least `MIN_QUOTED_WORDS` words, of any
 * type; indirect statements (type `statement`) of at least `MIN_INDIRECT_WORDS` words, so that a
 * near-verbatim paraphrase ("Okafor said the city would not pay for the new hospital wing this year") can
 * join the quote it reports.
 */
export function statementsToTrace(analysis: Pick<Analysis, 'attributions'>): StatementToTrace[] {
  const out: StatementToTrace[] = [];
  for (const a of analysis.attributions) {
    const text = a.kind === 'mixed' ? quotedWords(a) : a.text;
    const words = normalizeWords(text).length;
    const min = a.kind === 'indirect' ? MIN_INDIRECT_WORDS : MIN_QUOTED_WORDS;
    if (a.kind === 'indirect' && a.type !== 'statement') continue;
    if (words < min) continue;
    out.push({ attribution: a.id, kind: a.kind, text, words });
  }
  return out;
}
