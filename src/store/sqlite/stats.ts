/**
 * The corpus's figures for charts (`Store.stats`), as SQL aggregates over the SQLite store: attributions
 * by type, statements per day, the most quoted people by outlet and month by month. Each clause of the
 * filters is fixed text with its values bound (the store's `filterClauses`).
 */
import type Database from 'better-sqlite3';
import type { AttributionType } from '../../core/analysis.js';
import { STATS_OUTLETS, STATS_PEOPLE, type CorpusStats, type Filters } from '../store.js';

export type StatsFilters = Omit<Filters, 'speaker' | 'type' | 'kind' | 'limit'>;

/** What the figures need of the store: its prepared statements and its filter clauses. */
export interface StatsSource {
  sql(text: string): Database.Statement;
  clauses(filters: Filters): { sql: string[]; params: unknown[] };
}

const FROM = 'FROM attributions a JOIN articles ar ON ar.pk = a.article';

export function corpusStats(source: StatsSource, filters: StatsFilters): CorpusStats {
  const all = source.clauses({ ...filters, type: 'all' });
  const statements = source.clauses({ ...filters, type: 'statement' });
  const where = (clauses: string[], ...more: string[]) => {
    const terms = [...clauses, ...more];
    return terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '';
  };

  const byType = source.sql(`SELECT a.type, count(*) AS count ${FROM} ${where(all.sql)} GROUP BY a.type ORDER BY count DESC, a.type`).all(...all.params) as { type: AttributionType; count: number }[];
  const perDay = source.sql(`SELECT a.date AS day, count(*) AS count ${FROM} ${where(statements.sql, 'a.date IS NOT NULL')} GROUP BY a.date ORDER BY a.date`).all(...statements.params) as { day: string; count: number }[];

  // each outlet's people ranked within it, and the outlet's own total, in one pass
  const outletRows = source.sql(
    `WITH counted AS (SELECT ar.outlet AS outlet, a.person_id, count(*) AS n ${FROM} ${where(statements.sql, 'ar.outlet IS NOT NULL', 'a.person_id IS NOT NULL')} GROUP BY ar.outlet, a.person_id),
     ranked AS (SELECT outlet, person_id, n, row_number() OVER (PARTITION BY outlet ORDER BY n DESC, person_id) AS rank, sum(n) OVER (PARTITION BY outlet) AS total FROM counted)
     SELECT r.outlet, r.person_id, p.name, r.n, r.total FROM ranked r JOIN persons p ON p.id = r.person_id
     WHERE r.rank <= ? ORDER BY r.total DESC, r.outlet, r.rank`,
  ).all(...statements.params, STATS_PEOPLE) as { outlet: string; person_id: number; name: string; n: number; total: number }[];
  const byOutlet: CorpusStats['byOutlet'] = [];
  for (const row of outletRows) {
    let outlet = byOutlet.at(-1);
    if (outlet?.outlet !== row.outlet) {
      if (byOutlet.length === STATS_OUTLETS) break;
      outlet = { outlet: row.outlet, statements: row.total, speakers: [] };
      byOutlet.push(outlet);
    }
    outlet.speakers.push({ personId: row.person_id, name: row.name, statements: row.n });
  }

  const top = source.sql(
    `SELECT a.person_id, p.name, count(*) AS n ${FROM} JOIN persons p ON p.id = a.person_id ${where(statements.sql)} GROUP BY a.person_id ORDER BY n DESC, p.name LIMIT ?`,
  ).all(...statements.params, STATS_PEOPLE) as { person_id: number; name: string; n: number }[];
  const monthly = source.sql(
    `SELECT a.person_id, substr(a.date, 1, 7) AS month, count(*) AS count ${FROM} ${where(statements.sql, 'a.date IS NOT NULL', 'a.person_id IN (SELECT value FROM json_each(?))')} GROUP BY a.person_id, month ORDER BY month`,
  ).all(...statements.params, JSON.stringify(top.map((t) => t.person_id))) as { person_id: number; month: string; count: number }[];
  const overTime = top.map((t) => ({
    personId: t.person_id,
    name: t.name,
    statements: t.n,
    months: monthly.filter((m) => m.person_id === t.person_id).map(({ month, count }) => ({ month, count })),
  }));
  return { byType, perDay, byOutlet, overTime };
}
