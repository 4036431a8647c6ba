/**
 * What every corpus command does around its own work: open the store --db names (a file or a URL), close it
 * however the command ends, and turn a query the parser refuses into a usage error.
 */
import { QueryError } from '../../store/query.js';
import type { Store } from '../../store/store.js';
import { CliError, EXIT } from '../errors.js';
import { openStore } from './open-store.js';

export async function withStore<T>(db: string, mode: 'read' | 'write', work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db, mode);
  try {
    return await work(store);
  } catch (error) {
    if (error instanceof QueryError) throw new CliError(`query: ${error.message}`, EXIT.usage, undefined, error.code);
    throw error;
  } finally {
    await store.close();
  }
}
