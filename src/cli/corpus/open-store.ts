/**
 * Opening the corpus for a command: a `postgres://` or `postgresql://` URL in --db (or $WHOSAID_DB) is
 * the PostgreSQL store, anything else the SQLite store at that path. A command that only reads needs the
 * corpus to exist, and says so plainly when it does not. The PostgreSQL store (and `pg`) is loaded only
 * when a URL asks for it.
 */
import { existsSync } from 'node:fs';
import { isPostgresUrl, openStoreAt } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import { CliError, EXIT, InputNotFoundError } from '../errors.js';


async function openPostgres(url: string, mode: 'read' | 'write'): Promise<Store> {
  const { NoCorpusError, redactUrl } = await import('../../store/postgres/postgres-store.js');
  try {
    return await openStoreAt(url, { readonly: mode === 'read' });
  } catch (error) {
    if (error instanceof NoCorpusError) {
      throw new InputNotFoundError(redactUrl(url), 'no corpus in this database; create one with whosaid ingest --db URL (or set WHOSAID_DB)', 'store/not-found');
    }
    throw new CliError(`cannot open the corpus: ${(error as Error).message}`, EXIT.noInput, redactUrl(url), 'store/unreadable');
  }
}

/** The store --db names, for reading (it must exist) or writing (created or migrated as needed). */
export async function openStore(db: string, mode: 'read' | 'write'): Promise<Store> {
  if (isPostgresUrl(db)) return openPostgres(db, mode);
  if (mode === 'read' && db !== ':memory:' && !existsSync(db)) {
    throw new InputNotFoundError(db, 'no corpus here; create one with whosaid ingest --db FILE (or set WHOSAID_DB)', 'store/not-found');
  }
  try {
    return await openStoreAt(db);
  } catch (error) {
    throw new CliError(`cannot open the corpus: ${(error as Error).message}`, EXIT.noInput, db, 'store/unreadable');
  }
}
