/**
 * A store's schema moves by numbered migrations; the database records the version it is at in
 * `schema_version`. A migration is never edited once released: a change to the schema is a new
 * migration at the end. Each store keeps its own list (sqlite/migrations.ts, postgres/migrations.ts).
 */

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** The latest version of a list of migrations, after refusing a database newer than this code. */
export function latestVersion(current: number, migrations: readonly Migration[]): number {
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new Error(`the database is at schema version ${current}, newer than this whosaid (${latest}); upgrade whosaid`);
  return latest;
}
