/**
 * The values bound to one PostgreSQL statement: each value is added where the SQL uses it and named by
 * its `$n` placeholder, so SQL built from fixed clauses never holds a value itself.
 */
export class Params {
  /** The values in placeholder order, for the query's `values`. */
  readonly values: unknown[] = [];

  /** The placeholder of a new bound value. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
