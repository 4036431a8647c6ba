/**
 * A user's search query as a PostgreSQL tsquery, from the same parser as SQLite's (../query.ts): each
 * term's folded words are one bound parameter of `phraseto_tsquery('simple', …)` (a single word is a
 * one-word phrase), terms joined by `&&`, exclusions by `&& !!`. The SQL around the parameters is fixed
 * text, so nothing the user types is read as tsquery or SQL syntax.
 *
 *   denuclearization "North Korea" -Trump   →
 *   phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2) && (!!phraseto_tsquery('simple', $3))
 *   with $1 = 'denuclearization', $2 = 'north korea', $3 = 'trump'
 */
import { checkedQuery, foldWord } from '../query.js';
import type { Params } from './params.js';

/** The tsquery expression of a query, its words added to `params`; a QueryError when it has nothing to search for. */
export function toTsQuery(query: string, params: Params): string {
  const { include, exclude } = checkedQuery(query);
  const phrase = (words: readonly string[]) => `phraseto_tsquery('simple', ${params.add(words.map(foldWord).join(' '))})`;
  return [...include.map(phrase), ...exclude.map((words) => `(!!${phrase(words)})`)].join(' && ');
}
