/**
 * The server's view of a SQLite corpus: writes (ingest) on the main thread's connection, as the CLI does
 * them; reads (search, speakers, figures, profiles, traces, counts) in worker threads, each with its own
 * read-only connection (corpus-worker.ts), so that a search over a million attributions never stalls
 * the other requests. Search answers are kept in an AnswerCache keyed by what decides them (the query's
 * words as parseQuery reads them, and the filters), under the corpus's version (SqliteStore.version: a
 * commit here or by any other process makes a new one).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { MAX_QUERY_LENGTH, parseQuery, QueryError } from '../store/query.js';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Filters, SearchResult, Store } from '../store/store.js';
import { AnswerCache } from './answer-cache.js';
import type { CorpusRead, CorpusReadOutcome } from './corpus-worker.js';
import { ApiError } from './errors.js';

export interface ReaderOptions {
  /** Reader threads (default: the cores, at most 2). */
  readerThreads?: number;
  /** Search answers kept (default 256: each holds up to 200 hits, about 20 KB at 20). */
  cachedSearches?: number;
  /** Reads waiting for a thread before more are refused with 429 (default 1000). */
  maxQueuedReads?: number;
}
/** Answers longer than this many hits (deep pages) are not kept: they would cost the cache most. */
const MAX_CACHED_HITS = 200;

function workerFile(): string {
  const here = import.meta.url;
  return new URL(`./corpus-worker${here.endsWith('.ts') ? '.ts' : '.js'}`, here).href;
}

/** The key of a search: the words that decide its hits and snippets, and its filters in a fixed order. */
export function searchKey(query: string, filters: Filters): string {
  const { include, exclude } = parseQuery(query);
  const { speaker, outlet, from, to, type, kind, limit } = filters;
  return JSON.stringify([include, exclude, speaker, outlet, from, to, type, kind, limit]);
}

export function pooledStore(store: SqliteStore, file: string, options: ReaderOptions = {}): Store {
  const threads = options.readerThreads ?? Math.max(1, Math.min(2, availableParallelism()));
  const pool = new Piscina<CorpusRead, CorpusReadOutcome>({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  const cache = new AnswerCache<SearchResult>(options.cachedSearches ?? 256);
  const maxQueued = options.maxQueuedReads ?? 1000;

  async function read<T>(task: Omit<CorpusRead, 'file'>): Promise<T> {
    if (pool.queueSize >= maxQueued) throw new ApiError('server/busy', `${maxQueued} corpus reads are already waiting; try again shortly`);
    const outcome = await pool.run({ ...task, file } as CorpusRead);
    if (outcome.ok) return outcome.value as T;
    if (outcome.name === 'QueryError') throw new QueryError(outcome.code as QueryError['code'], outcome.message);
    throw Object.assign(new Error(outcome.message), { name: outcome.name, ...(outcome.code !== undefined && { code: outcome.code }) });
  }

  return {
    known: (id, sourceHash) => store.known(id, sourceHash),
    ingest: (items, ingestOptions) => store.ingest(items, ingestOptions),
    search(query, filters = {}) {
      const run = () => read<SearchResult>({ method: 'search', args: [query, filters] });
      if (query.length > MAX_QUERY_LENGTH || (filters.limit ?? 0) > MAX_CACHED_HITS) return run();
      return cache.answer(searchKey(query, filters), store.version(), run);
    },
    export: (filters) => store.export(filters),
    speakers: (filters) => read({ method: 'speakers', args: [filters] }),
    stats: (filters) => read({ method: 'stats', args: [filters] }),
    speaker: (name) => read({ method: 'speaker', args: [name] }),
    trace: (target) => read({ method: 'trace', args: [target] }),
    counts: () => read({ method: 'counts', args: [] }),
    analysis: (articleId) => store.analysis(articleId),
    check: () => store.check(),
    async close() {
      cache.clear();
      await pool.destroy();
      await store.close();
    },
  };
}
