/**
 * The PostgreSQL store's own cost, measured in one process against a throwaway cluster (part of
 * `npm run bench:fleet`, or alone: `node --import tsx scripts/store-cost.ts [PAGES] [CHUNK]`): N typical
 * synthetic pages (bench-pages.ts) analysed and prepared in this thread (the analysis cost per article,
 * CPU time), then stored in chunks as a worker stores them (one ingest transaction a chunk), on a fresh
 * database, measuring per article
 *
 * - round trips: the statements the store sends (each `query` of a pg client is one);
 * - CPU of this process while it stores (the worker's thread that owns the database);
 * - CPU of the database server (every process of the cluster, from /proc), which is on this machine;
 * - wall time.
 *
 * CPU times, not wall time, are the figures that do not depend on the machine's load.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { analyzeItem } from '../src/cli/corpus/analyze-item.js';
import { defaultServices } from '../src/cli/services.js';
import { prepareArticle, type PreparedArticle } from '../src/store/prepare.js';
import { hashText } from '../src/store/rows.js';
import { openPostgresStore } from '../src/store/postgres/postgres-store.js';
import type { Cluster } from '../src/store/postgres/cluster.js';
import { pageHtml } from './bench-pages.js';
import { statFields, TICKS_PER_SECOND } from './proc-stat.js';

/** What storing cost, per article. */
export interface StoreCost {
  articles: number;
  /** Stores writing at once. */
  writers: number;
  /** Waiting for the ingest lock (wall), ms an article. */
  lockWaitMs: number;
  /** CPU of the analysis and its preparing in this thread, ms an article. */
  analysisCpuMs: number;
  roundTrips: number;
  nodeCpuMs: number;
  serverCpuMs: number;
  wallMs: number;
}

/** The n-th typical page, prepared as a worker thread prepares it. */
export async function preparePages(pages: number): Promise<{ prepared: PreparedArticle[]; cpuMs: number }> {
  const services = defaultServices();
  // the first analysis loads the model: not counted
  await analyzeItem(itemOf(pages), services);
  const start = process.cpuUsage();
  const prepared: PreparedArticle[] = [];
  for (let n = 0; n < pages; n++) prepared.push(prepareArticle(await analyzeItem(itemOf(n), services)));
  return { prepared, cpuMs: cpuMsSince(start) / pages };
}

function itemOf(n: number) {
  const html = pageHtml('typical', n);
  const id = `<urn:uuid:bench-${n}>`;
  return { source: { name: `page ${n}`, kind: 'html' as const, value: html, id, defaultPublishedAt: '2021-03-03T10:00:00Z' }, meta: { url: `https://news.example/${n}` }, id, sourceHash: hashText(html) };
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};

/**
 * CPU time (ms) of every process of the cluster: the postmaster and its children, those running and
 * those ended (a backend ends with its connection; the postmaster's cutime and cstime hold it then).
 */
export function serverCpuMs(cluster: Cluster): number {
  const postmaster = Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (!fields) continue; // ended meanwhile
    const pid = Number(entry);
    if (pid === postmaster) ticks += fields[11] + fields[12] + fields[13] + fields[14];
    else if (fields[1] === postmaster) ticks += fields[11] + fields[12];
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Stores the prepared articles in chunks into a fresh database `database` of the cluster, with `writers`
 * stores at once (each its own connection, as workers are), chunk k going to writer k mod `writers`.
 */
export async function storeCost(cluster: Cluster, database: string, prepared: readonly PreparedArticle[], chunkSize: number, writers = 1): Promise<Omit<StoreCost, 'analysisCpuMs'>> {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = cluster.url.replace(/\/postgres$/, `/${database}`);
  const stores = await Promise.all(Array.from({ length: writers }, () => openPostgresStore(url)));
  const query = pg.Client.prototype.query;
  let roundTrips = 0;
  let lockWaitMs = 0;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    roundTrips++;
    const result = (query as (...a: unknown[]) => unknown).apply(this, args);
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
    if (text?.includes('pg_advisory_xact_lock') && result instanceof Promise) {
      const start = performance.now();
      void result.then(() => (lockWaitMs += performance.now() - start), () => undefined);
    }
    return result;
  } as typeof query;
  try {
    const server = serverCpuMs(cluster);
    const node = process.cpuUsage();
    const start = performance.now();
    const chunks: PreparedArticle[][] = [];
    for (let at = 0; at < prepared.length; at += chunkSize) chunks.push(prepared.slice(at, at + chunkSize));
    await Promise.all(stores.map(async (store, w) => {
      for (let k = w; k < chunks.length; k += writers) await store.ingest(chunks[k], { within: async (client) => void (await client.query('SELECT 1')) });
    }));
    const wallMs = performance.now() - start;
    const nodeCpuMs = cpuMsSince(node);
    const n = prepared.length;
    return { articles: n, writers, roundTrips: roundTrips / n, nodeCpuMs: nodeCpuMs / n, serverCpuMs: (serverCpuMs(cluster) - server) / n, wallMs: wallMs / n, lockWaitMs: lockWaitMs / n };
  } finally {
    pg.Client.prototype.query = query;
    await Promise.all(stores.map((s) => s.close()));
  }
}

/** The store's cost per article as one line. */
export function formatStoreCost(cost: StoreCost): string {
  const store = cost.nodeCpuMs + cost.serverCpuMs;
  return (
    `store alone (${cost.articles} articles, ${cost.writers} writer${cost.writers === 1 ? '' : 's'} at once): ${cost.roundTrips.toFixed(2)} round trips, ${cost.nodeCpuMs.toFixed(2)} ms CPU in the worker + ` +
    `${cost.serverCpuMs.toFixed(2)} ms CPU in the server = ${store.toFixed(2)} ms CPU an article (${((100 * store) / cost.analysisCpuMs).toFixed(1)}% of the analysis's ` +
    `${cost.analysisCpuMs.toFixed(2)} ms CPU); ${cost.wallMs.toFixed(2)} ms wall an article, ${cost.lockWaitMs.toFixed(2)} of it waiting for the ingest lock`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { startCluster } = await import('../src/store/postgres/cluster.js');
  const pages = Number(process.argv[2] ?? 400);
  const chunkSize = Number(process.argv[3] ?? 50);
  const { prepared, cpuMs } = await preparePages(pages);
  const cluster = await startCluster();
  // --statements: the server's time by statement (pg_stat_statements), for finding where it goes
  const statements = process.argv.includes('--statements');
  if (statements) {
    const { appendFileSync } = await import('node:fs');
    appendFileSync(join(cluster.dir, 'data', 'postgresql.conf'), "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track_planning = on\n");
    await cluster.restart('fast');
  }
  try {
    for (const round of [1, 2, 3]) {
      // the third round: two writers at once, as two workers store
      console.log(formatStoreCost({ analysisCpuMs: cpuMs, ...(await storeCost(cluster, `store_cost_${round}`, prepared, chunkSize, round === 3 ? 2 : 1)) }));
      if (!statements) continue;
      const db = new pg.Client({ connectionString: cluster.url.replace(/\/postgres$/, `/store_cost_${round}`) });
      await db.connect();
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      const { rows } = await db.query(`SELECT calls, round((total_exec_time + total_plan_time)::numeric, 1) AS ms, round(total_plan_time::numeric, 1) AS plan, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS query
        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1 ORDER BY 2 DESC LIMIT 15`, [`store_cost_${round}`]);
      for (const r of rows) console.log(`  ${String(r.calls).padStart(6)} calls ${String(r.ms).padStart(8)} ms (plan ${r.plan}) ${r.query}`);
      await db.end();
    }
  } finally {
    await cluster.stop();
  }
}
