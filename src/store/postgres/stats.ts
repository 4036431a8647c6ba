/**
 * The queries behind `Store.stats` in PostgreSQL, the SQLite store's (sqlite/stats.ts) in PostgreSQL's
 * SQL: counts as integers, names and outlets ordered by code point as SQLite orders them.
 */
import type pg from 'pg';
import { Params } from './params.js';
import { assembleStats, type StatsFilters, type StatsRows } from '../stats.js';
import { STATS_PEOPLE, type CorpusStats, type Filters } from '../store.js';

/** The store's filter clauses, each value bound in `params`. */
export type Clauses = (filters: Filters, params: Params) => string[];

const FROM = 'FROM attributions a JOIN articles ar ON ar.pk = a.article';
const where = (...terms: string[]) => (terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '');

async function rows<T>(db: pg.Pool, build: (params: Params) => string): Promise<T[]> {
  const params = new Params();
  const sql = build(params);
  return (await db.query(sql, params.values)).rows as T[];
}

export async function corpusStats(db: pg.Pool, clauses: Clauses, filters: StatsFilters): Promise<CorpusStats> {
  const said = (params: Params) => clauses({ ...filters, type: 'statement' }, params);
  const top = await rows<StatsRows['top'][number]>(db, (p) =>
    `SELECT a.person_id, p.name, count(*)::int AS n ${FROM} JOIN persons p ON p.id = a.person_id ${where(...said(p))} GROUP BY a.person_id, p.name ORDER BY n DESC, p.name COLLATE "C" LIMIT ${p.add(STATS_PEOPLE)}`,
  );
  const [byType, perDay, outlets, monthly] = await Promise.all([
    rows<StatsRows['byType'][number]>(db, (p) => `SELECT a.type, count(*)::int AS count ${FROM} ${where(...clauses({ ...filters, type: 'all' }, p))} GROUP BY a.type ORDER BY count DESC, a.type COLLATE "C"`),
    rows<StatsRows['perDay'][number]>(db, (p) => `SELECT a.date AS day, count(*)::int AS count ${FROM} ${where(...said(p), 'a.date IS NOT NULL')} GROUP BY a.date ORDER BY a.date COLLATE "C"`),
    rows<StatsRows['outlets'][number]>(db, (p) =>
      `WITH counted AS (SELECT ar.outlet AS outlet, a.person_id, count(*)::int AS n ${FROM} ${where(...said(p), 'ar.outlet IS NOT NULL', 'a.person_id IS NOT NULL')} GROUP BY ar.outlet, a.person_id),
       ranked AS (SELECT outlet, person_id, n, row_number() OVER (PARTITION BY outlet ORDER BY n DESC, person_id) AS rank, (sum(n) OVER (PARTITION BY outlet))::int AS total FROM counted)
       SELECT r.outlet, r.person_id, p.name, r.n, r.total FROM ranked r JOIN persons p ON p.id = r.person_id
       WHERE r.rank <= ${p.add(STATS_PEOPLE)} ORDER BY r.total DESC, r.outlet COLLATE "C", r.rank`,
    ),
    rows<StatsRows['monthly'][number]>(db, (p) =>
      `SELECT a.person_id, substr(a.date, 1, 7) AS month, count(*)::int AS count ${FROM} ${where(...said(p), 'a.date IS NOT NULL', `a.person_id = ANY(${p.add(top.map((t) => t.person_id))})`)} GROUP BY a.person_id, month ORDER BY substr(a.date, 1, 7) COLLATE "C"`,
    ),
  ]);
  return assembleStats({ byType, perDay, outlets, top, monthly });
}
