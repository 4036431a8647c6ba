/**
 * The corpus store: every analysed article kept, its attributions searchable, its people merged into one
 * identity each across articles, and the same statement followed from copy to copy. This is the one
 * interface every store implements (SQLite in `sqlite/`, PostgreSQL in `postgres/`); the CLI and the shared
 * test suite (`store-suite.ts`) see only this. Methods are async so that a networked store fits the
 * same shape. Results are plain data: ISO strings for dates, no classes.
 */
import type { PoolClient } from 'pg';
import type { Analysis, AttributionType, QuoteKind } from '../core/analysis.js';
import type { PreparedArticle } from './prepare.js';

/** An article as it arrives: what the input says about itself, and the text that was analysed. */
export interface ArticleRecord {
  /** The input's id (a JSON line's id, a file path, a WARC record id, a URL). */
  id: string;
  url?: string;
  outlet?: string;
  title?: string;
  /** ISO date or date-time. */
  publishedAt?: string;
  /** The analysed text (the input text, or the text extracted from a page). */
  text: string;
  /** A hash of the raw input as read (text or HTML), so a re-run can skip it before analysing. */
  sourceHash: string;
}

/** What one ingest did with one article. */
export type IngestStatus = 'new' | 'unchanged' | 'replaced';

export interface IngestOutcome {
  articleId: string;
  status: IngestStatus;
  /** Attributions stored for this article (0 when unchanged). */
  attributions: number;
  /** People created in the corpus by this article (not matched to one already known). */
  newPeople: number;
}

/** What a caller may add to an ingest. */
export interface IngestOptions {
  /**
   * Runs on the ingest's own connection inside its transaction, after the articles are written and just
   * before COMMIT: what it writes commits with them or not at all, and its error rolls the whole ingest
   * back (the fleet marks a chunk done this way). Only the PostgreSQL store takes it; the SQLite store,
   * whose transactions are synchronous, refuses an ingest that passes it.
   */
  within?: (client: PoolClient) => Promise<void>;
}

/** Filters shared by search, export and speakers. Dates are ISO (YYYY-MM-DD), inclusive. */
export interface Filters {
  /** A person's name or one of its variants ("Pompeo", "Mike Pompeo"), case-insensitive. */
  speaker?: string;
  /** An outlet's name, case-insensitive. */
  outlet?: string;
  /** The date said where the text states it, else the article's publication date. */
  from?: string;
  to?: string;
  /** One attribution type, or 'all'; default 'statement'. */
  type?: AttributionType | 'all';
  kind?: QuoteKind;
  /** At most this many rows (default 20 for search, all for export). */
  limit?: number;
}

/** One attribution with its article, as search and export return it. */
export interface StoredAttribution {
  /** The corpus-wide id (`whosaid trace ID`). */
  id: number;
  /** The attribution's id inside its article's analysis ("a3"). */
  localId: string;
  type: AttributionType;
  kind: QuoteKind;
  text: string;
  speaker?: { name: string; mention?: string; personId?: number };
  cue?: string;
  saidOn?: string;
  confidence: number;
  articleId: string;
  title?: string;
  outlet?: string;
  url?: string;
  publishedAt?: string;
}

export interface SearchHit extends StoredAttribution {
  /** The matched part of the text, with the matched words at `highlights` ([start, end) into `snippet`). */
  snippet: string;
  highlights: { start: number; end: number }[];
  /** Relevance, lower is better: SQLite's bm25, PostgreSQL's ts_rank negated. */
  rank: number;
}

/**
 * Most matches a search ranks: when more than this many attributions match a query and pass its filters,
 * the newest RANKED_MATCHES of them (the most recently stored, highest ids) are ranked and the rest are
 * not looked at, so that a search over a common word costs the same in a corpus of any size.
 */
export const RANKED_MATCHES = 1000;

/**
 * A search's answer: its best hits, how many matches passing the filters were ranked and, when those
 * were more than are ranked, how many attributions the words match in all.
 */
export interface SearchResult {
  hits: SearchHit[];
  /** Matches passing the filters that were ranked: all of them, unless `capped`. */
  ranked: number;
  /** Whether more matches passed the filters than were ranked (the newest RANKED_MATCHES were). */
  capped: boolean;
  /** When `capped`: the attributions the query's words match in the whole corpus, before the filters. */
  matches?: number;
}

export interface SpeakerSummary {
  personId: number;
  name: string;
  statements: number;
  articles: number;
  outlets: number;
  first?: string;
  last?: string;
}

export interface SpeakerProfile {
  personId: number;
  name: string;
  /** Every form of the name the corpus has seen. */
  variants: string[];
  /** Each role the person was given, with the first and last date it was given. */
  roles: { role: string; first?: string; last?: string; articles: number }[];
  /** The person's attributions, earliest first. */
  timeline: StoredAttribution[];
}

/** One copy of a statement in a trace. */
export interface Copy {
  attributionId: number;
  articleId: string;
  outlet?: string;
  publishedAt?: string;
  text: string;
  speaker?: string;
  /** Whether the words differ from the earliest copy's. */
  variant: boolean;
  /** The earliest copy's words turned into this copy's, word by word (variants only). */
  diff?: { op: 'same' | 'added' | 'removed'; text: string }[];
}

export interface Trace {
  groupId: number;
  /** Earliest first (by publication date, then by id). */
  copies: Copy[];
}

export interface Counts {
  articles: number;
  attributions: number;
  people: number;
  /** Groups of the same statement with at least two copies. */
  sharedStatements: number;
}

/** A person and how many statements they made, in a chart of the corpus. */
export interface QuotedPerson {
  personId: number;
  name: string;
  statements: number;
}

/** What the corpus holds, in figures for charts (`whosaid serve`'s overview page). */
export interface CorpusStats {
  /** Attributions of each type, most first. */
  byType: { type: AttributionType; count: number }[];
  /** Statements per day (the date said, else the publication date), earliest first. */
  perDay: { day: string; count: number }[];
  /** The outlets with most statements (at most `STATS_OUTLETS`), each with its most quoted people (at most `STATS_PEOPLE`). */
  byOutlet: { outlet: string; statements: number; speakers: QuotedPerson[] }[];
  /** The most quoted people (at most `STATS_PEOPLE`), each with their statements per month (YYYY-MM), earliest first. */
  overTime: (QuotedPerson & { months: { month: string; count: number }[] })[];
}

export const STATS_OUTLETS = 8;
export const STATS_PEOPLE = 5;

/** The store every corpus command talks to. */
export interface Store {
  /** 'unchanged' when this source (same id and source hash, or the same source under any id) is stored. */
  known(id: string, sourceHash: string): Promise<'unchanged' | 'absent'>;
  /**
   * Stores analysed articles, made ready by `prepareArticle` (prepare.ts), in one transaction: all or
   * none of them.
   */
  ingest(items: readonly PreparedArticle[], options?: IngestOptions): Promise<IngestOutcome[]>;
  /**
   * Attributions matching a query (see query.ts), best first among the matches passing the filters, or
   * among the newest RANKED_MATCHES of them when more pass.
   */
  search(query: string, filters?: Filters): Promise<SearchResult>;
  /** Attributions matching the filters (and a query, if given), oldest first. */
  export(filters?: Filters & { query?: string }): AsyncIterable<StoredAttribution>;
  speakers(filters?: Omit<Filters, 'speaker' | 'type' | 'kind'>): Promise<SpeakerSummary[]>;
  /** Figures of the corpus, or of one outlet or span of dates, for charts. */
  stats(filters?: Omit<Filters, 'speaker' | 'type' | 'kind' | 'limit'>): Promise<CorpusStats>;
  /** The people whose name or a variant is `name` (case-insensitive); several when it is ambiguous. */
  speaker(name: string): Promise<SpeakerProfile[]>;
  /** The copies of the statement given by its words or its attribution id; undefined when none. */
  trace(target: string | number): Promise<Trace | undefined>;
  counts(): Promise<Counts>;
  /** The stored analysis of an article, as ingested. */
  analysis(articleId: string): Promise<Analysis | undefined>;
  /** Checks the store's internal consistency; returns the problems found (none when sound). */
  check(): Promise<string[]>;
  close(): Promise<void>;
}
