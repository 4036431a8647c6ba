/**
 * The queries behind `Store.stats` in SQLite: attributions by type, statements per day, the most quoted
 * people of each outlet (ranked by a window function) and month by month. Each clause of the filters is
 * fixed text with its values bound (the store's `filterClauses`).
 */
import type Database from 'better-sqlite3';
import { assembleStats, type StatsFilters, type StatsRows } from '../stats.js';
import { STATS_PEOPLE, type CorpusStats, type Filters } from '../store.js';

/** What the figures need of the store: its prepared statements and its filter clauses. */
export interface StatsSource {
  sql(text: string): Database.Statement;
  clauses(filters: Filters): { sql: string[]; params: unknown[] };
}

const FROM = 'FROM attributions a JOIN articles ar ON ar.pk = a.article';
const where = (...terms: string[]) => (terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '');

export function corpusStats(source: StatsSource, filters: StatsFilters): CorpusStats {
  const all = source.clauses({ ...filters, type: 'all' });
  const said = source.clauses({ ...filters, type: 'statement' });
  const top = source.sql(
    `SELECT a.person_id, p.name, count(*) AS n ${FROM} JOIN persons p ON p.id = a.person_id ${where(...said.sql)} GROUP BY a.person_id ORDER BY n DESC, p.name LIMIT ?`,
  ).all(...said.params, STATS_PEOPLE) as StatsRows['top'];
  return assembleStats({
    byType: source.sql(`SELECT a.type, count(*) AS count ${FROM} ${where(...all.sql)} GROUP BY a.type ORDER BY count DESC, a.type`).all(...all.params) as StatsRows['byType'],
    perDay: source.sql(`SELECT a.date AS day, count(*) AS count ${FROM} ${where(...said.sql, 'a.date IS NOT NULL')} GROUP BY a.date ORDER BY a.date`).all(...said.params) as StatsRows['perDay'],
    outlets: source.sql(
      `WITH counted AS (SELECT ar.outlet AS outlet, a.person_id, count(*) AS n ${FROM} ${where(...said.sql, 'ar.outlet IS NOT NULL', 'a.person_id IS NOT NULL')} GROUP BY ar.outlet, a.person_id),
       ranked AS (SELECT outlet, person_id, n, row_number() OVER (PARTITION BY outlet ORDER BY n DESC, person_id) AS rank, sum(n) OVER (PARTITION BY outlet) AS total FROM counted)
       SELECT r.outlet, r.person_id, p.name, r.n, r.total FROM ranked r JOIN persons p ON p.id = r.person_id
       WHERE r.rank <= ? ORDER BY r.total DESC, r.outlet, r.rank`,
    ).all(...said.params, STATS_PEOPLE) as StatsRows['outlets'],
    top,
    monthly: source.sql(
      `SELECT a.person_id, substr(a.date, 1, 7) AS month, count(*) AS count ${FROM} ${where(...said.sql, 'a.date IS NOT NULL', 'a.person_id IN (SELECT value FROM json_each(?))')} GROUP BY a.person_id, month ORDER BY month`,
    ).all(...said.params, JSON.stringify(top.map((t) => t.person_id))) as StatsRows['monthly'],
  });
}
