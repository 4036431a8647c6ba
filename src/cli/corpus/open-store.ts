/**
 * Opening the corpus for a command: the SQLite store at the --db path. A command that only reads needs
 * the file to exist, and says so plainly when it does not.
 */
import { existsSync } from 'node:fs';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { Store } from '../../store/store.js';
import { CliError, EXIT, InputNotFoundError } from '../errors.js';

export function openStore(file: string, mode: 'read' | 'write'): Store {
  if (mode === 'read' && file !== ':memory:' && !existsSync(file)) {
    throw new InputNotFoundError(file, 'no corpus here; create one with whosaid ingest --db FILE (or set WHOSAID_DB)', 'store/not-found');
  }
  try {
    return openSqliteStore(file);
  } catch (error) {
    throw new CliError(`cannot open the corpus: ${(error as Error).message}`, EXIT.noInput, file, 'store/unreadable');
  }
}
