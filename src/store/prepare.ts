/**
 * One analysed article turned into what a store writes: the rows of its attributions and time
 * expressions, its people with the keys to look candidates up by, the statements to trace with their
 * fingerprint band keys, its content hash and its analysis as JSON text. Pure CPU and plain data, so
 * that it runs where the article was analysed (a worker thread, src/parallel/prepare-task.ts) and the
 * thread that owns the database only writes. Every store takes the same prepared articles.
 */
import type { Analysis, TimeExpression } from '../core/analysis.js';
import { fingerprint } from '../corpus/copies.js';
import { peopleInArticle, statementsToTrace, type ArticlePerson } from '../corpus/from-analysis.js';
import { personKeys } from '../corpus/people.js';
import { attributionRowsOf, hashText, type AttributionRow } from './rows.js';
import type { ArticleRecord } from './store.js';

/** The words of a statement traced across articles, and the LSH band keys to find its copies by. */
export interface TracedWords {
  text: string;
  /** `fingerprint(text).bands` (copies.ts, at its `FINGERPRINT_VERSION`). */
  bands: string[];
}

/** An attribution's row, with the words it is traced by where it is traced. */
export interface PreparedAttribution extends AttributionRow {
  /** Where the statement is traced across articles. */
  copy?: TracedWords;
}

/** A person of the article, with the keys to find its candidates in the corpus by. */
export interface PreparedPerson extends ArticlePerson {
  /** `personKeys` of the person: the keys its candidates in the corpus are looked up by. */
  keys: string[];
}

/** A time expression of the article, as stored. */
export type TimeRow = Pick<TimeExpression, 'start' | 'end' | 'text' | 'value' | 'certainty'>;

/** An article ready to store: plain data (it crosses threads by structured clone). */
export interface PreparedArticle {
  article: ArticleRecord;
  /** sha256 of the analysed text: the same content under another id is stored once. */
  contentHash: string;
  /** `JSON.stringify(analysis)`, as the store keeps it. */
  analysisJson: string;
  /** One row per attribution of the analysis, in its order. */
  attributions: PreparedAttribution[];
  people: PreparedPerson[];
  times: TimeRow[];
}

/** What a store writes for one analysed article. */
export function prepareArticle({ article, analysis }: { article: ArticleRecord; analysis: Analysis }): PreparedArticle {
  const traced = new Map(statementsToTrace(analysis).map((s) => [s.attribution, s.text]));
  const attributions = attributionRowsOf(analysis, article.publishedAt).map((row): PreparedAttribution => {
    const text = traced.get(row.localId);
    return text === undefined ? row : { ...row, copy: { text, bands: fingerprint(text).bands } };
  });
  return {
    article,
    contentHash: hashText(article.text),
    analysisJson: JSON.stringify(analysis),
    attributions,
    people: peopleInArticle(analysis).map((p) => ({ ...p, keys: personKeys(p) })),
    times: analysis.times.map((t) => ({ start: t.start, end: t.end, text: t.text, value: t.value, certainty: t.certainty })),
  };
}
