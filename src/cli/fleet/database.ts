/** The fleet's --db: a PostgreSQL URL, from the flag or $WHOSAID_DB. */
import { UsageError } from '../errors.js';
import { DB_ENV } from '../corpus/args.js';
import { isPostgresUrl } from '../../store/open.js';

/** The database URL: --db, else $WHOSAID_DB; either must be a postgres:// URL. */
export function fleetDatabase(command: string, flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const url = flag ?? env[DB_ENV] ?? '';
  if (!isPostgresUrl(url)) {
    throw new UsageError(`${command}: --db: expected a PostgreSQL URL (postgres://user@host/database), found ${url === '' ? 'none' : `"${url}"`} (see whosaid ${command} --help)`);
  }
  return url;
}
