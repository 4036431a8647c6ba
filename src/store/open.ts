/**
 * The store a `--db` value names: a `postgres://` or `postgresql://` URL is the PostgreSQL store (loaded,
 * with `pg`, only then), anything else the SQLite store at that path. For every layer that opens a corpus
 * (the CLI's commands, the server, the fleet).
 */
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Whether --db names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db);
}

/** Opens the store `db` names, read-only (it must hold a corpus) or for writing (created or migrated as needed). */
export async function openStoreAt(db: string, options: { readonly?: boolean } = {}): Promise<Store> {
  if (!isPostgresUrl(db)) return openSqliteStore(db);
  const { openPostgresStore } = await import('./postgres/postgres-store.js');
  return openPostgresStore(db, { readonly: options.readonly === true });
}
