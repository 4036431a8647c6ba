/**
 * One read of the corpus as a worker-thread task: each thread opens the SQLite file read-only once and
 * answers searches, speaker lists, figures, profiles and traces on it, so that a slow query never holds
 * the server's event loop. WAL lets these readers run while the main thread writes; each read sees the
 * corpus as last committed. A failure comes back as plain data (an error's own fields do not survive
 * the trip between threads).
 */
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';

/** The read methods a thread answers, with their arguments as the Store interface takes them. */
export type CorpusRead =
  | { file: string; method: 'search'; args: Parameters<SqliteStore['search']> }
  | { file: string; method: 'speakers'; args: Parameters<SqliteStore['speakers']> }
  | { file: string; method: 'stats'; args: Parameters<SqliteStore['stats']> }
  | { file: string; method: 'speaker'; args: Parameters<SqliteStore['speaker']> }
  | { file: string; method: 'trace'; args: Parameters<SqliteStore['trace']> }
  | { file: string; method: 'counts'; args: [] };

export type CorpusReadOutcome = { ok: true; value: unknown } | { ok: false; name: string; code?: string; message: string };

let opened: Promise<{ file: string; store: SqliteStore }> | undefined;

function storeFor(file: string): Promise<{ file: string; store: SqliteStore }> {
  opened ??= (async () => {
    // run from source, a thread inherits `--import tsx` but on Node 20 not its hooks for what it imports
    if (import.meta.url.endsWith('.ts')) (await import('tsx/esm/api')).register();
    const { openSqliteStore } = await import('../store/sqlite/sqlite-store.js');
    return { file, store: openSqliteStore(file, { readonly: true }) };
  })();
  return opened;
}

export default async function readCorpus(task: CorpusRead): Promise<CorpusReadOutcome> {
  try {
    const { file, store } = await storeFor(task.file);
    if (file !== task.file) throw new Error(`this thread reads ${file}, not ${task.file}`);
    const method = store[task.method] as (...args: unknown[]) => Promise<unknown>;
    return { ok: true, value: await method.apply(store, task.args) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, name: error instanceof Error ? error.name : 'Error', ...(typeof code === 'string' && { code }), message: error instanceof Error ? error.message : String(error) };
  }
}
