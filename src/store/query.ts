/**
 * The user's search query — plain words, "quoted phrases" and -exclusions — turned into an FTS5 MATCH
 * expression built only from double-quoted tokens of letters and digits. Nothing the user types reaches
 * FTS5 as syntax: `NEAR`, `AND`, `*`, `^`, `:`, parentheses and quotation marks are either words inside
 * quotes or separators, so no input can break or widen the query. A query with nothing to search for is
 * a `QueryError` saying why. Pure: no SQL here, only the string bound as the MATCH parameter.
 *
 *   denuclearization "North Korea" -Trump   →   "denuclearization" "north" + "korea" NOT "trump"
 */

export class QueryError extends Error {
  readonly code: 'query/empty' | 'query/only-exclusions' | 'query/too-long';
  constructor(code: QueryError['code'], message: string) {
    super(message);
    this.name = 'QueryError';
    this.code = code;
  }
}

export interface ParsedQuery {
  /** Each term a list of words: one word, or a phrase's words in order. */
  include: string[][];
  exclude: string[][];
}

/** Longest query read, in characters; a longer one is an error rather than a slow search. */
export const MAX_QUERY_LENGTH = 1000;
/** Most terms a query may have. */
const MAX_TERMS = 32;

/** The words of a term as FTS5's unicode61 tokenizer sees them: runs of letters, marks and digits. */
function wordsOf(text: string): string[] {
  return (text.normalize('NFKC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
}

/**
 * A word as FTS5's unicode61 tokenizer with remove_diacritics indexes it: lower case, accents removed
 * ("Zürich" → "zurich"). A store without that tokenizer folds its texts and its queries' words with this.
 */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A text's words, folded, as a store without FTS5 indexes them. */
export function searchWords(text: string): string[] {
  return wordsOf(text).map(foldWord).filter((w) => w !== '');
}

/** Splits a query into its terms; never throws. Unclosed quotes run to the end of the query. */
export function parseQuery(query: string): ParsedQuery {
  const include: string[][] = [];
  const exclude: string[][] = [];
  // a term: an optional "-", then a "phrase" (closed or running to the end) or a run of non-space
  const term = /(-?)(?:"([^"]*)"?|([^\s"]+))/gu;
  for (const m of query.replace(/\0/g, ' ').matchAll(term)) {
    const negative = m[1] === '-';
    const words = wordsOf(m[2] ?? m[3] ?? '');
    if (words.length === 0) continue;
    (negative ? exclude : include).push(words);
  }
  return { include, exclude };
}

function quoted(words: readonly string[]): string {
  // words hold only letters, marks and digits, so there is no quote mark to double; the quoting makes
  // FTS5 read NEAR, AND, OR, NOT as words
  return words.map((w) => `"${w}"`).join(' + ');
}

/** The terms of a query a store can search for, or a QueryError saying why there are none. */
export function checkedQuery(query: string): ParsedQuery {
  if (query.length > MAX_QUERY_LENGTH) throw new QueryError('query/too-long', `the query is ${query.length} characters long; the most is ${MAX_QUERY_LENGTH}`);
  const parsed = parseQuery(query);
  const { include, exclude } = parsed;
  if (include.length === 0 && exclude.length === 0) throw new QueryError('query/empty', `the query "${query}" has no words to search for (letters or digits)`);
  if (include.length === 0) throw new QueryError('query/only-exclusions', `the query "${query}" only excludes words; give at least one word to search for`);
  if (include.length + exclude.length > MAX_TERMS) throw new QueryError('query/too-long', `the query has ${include.length + exclude.length} terms; the most is ${MAX_TERMS}`);
  return parsed;
}

/** The FTS5 MATCH expression for a query, or a QueryError saying why there is none. */
export function toMatchExpression(query: string): string {
  const { include, exclude } = checkedQuery(query);
  const positive = include.map(quoted).join(' AND ');
  return exclude.reduce((expr, words) => `${expr} NOT ${quoted(words)}`, include.length > 1 ? `(${positive})` : positive);
}
