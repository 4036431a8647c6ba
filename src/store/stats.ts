/**
 * The corpus's figures for charts (`Store.stats`), assembled the same way by every store from the rows of
 * four aggregate queries; each store runs the queries in its own SQL (sqlite/stats.ts, postgres/stats.ts).
 */
import type { AttributionType } from '../core/analysis.js';
import { STATS_OUTLETS, type CorpusStats, type Filters } from './store.js';

export type StatsFilters = Omit<Filters, 'speaker' | 'type' | 'kind' | 'limit'>;

/** What the four queries return. */
export interface StatsRows {
  byType: { type: AttributionType; count: number }[];
  perDay: { day: string; count: number }[];
  /** Each outlet's most quoted people, best first within the outlet, outlets with most statements first. */
  outlets: { outlet: string; person_id: number; name: string; n: number; total: number }[];
  /** The most quoted people, most first. */
  top: { person_id: number; name: string; n: number }[];
  /** The top people's statements per month, earliest first. */
  monthly: { person_id: number; month: string; count: number }[];
}

export function assembleStats(rows: StatsRows): CorpusStats {
  const byOutlet: CorpusStats['byOutlet'] = [];
  for (const row of rows.outlets) {
    let outlet = byOutlet.at(-1);
    if (outlet?.outlet !== row.outlet) {
      if (byOutlet.length === STATS_OUTLETS) break;
      outlet = { outlet: row.outlet, statements: row.total, speakers: [] };
      byOutlet.push(outlet);
    }
    outlet.speakers.push({ personId: row.person_id, name: row.name, statements: row.n });
  }
  const overTime = rows.top.map((t) => ({
    personId: t.person_id,
    name: t.name,
    statements: t.n,
    months: rows.monthly.filter((m) => m.person_id === t.person_id).map(({ month, count }) => ({ month, count })),
  }));
  return { byType: rows.byType, perDay: rows.perDay, byOutlet, overTime };
}
