/**
 * The corpus in a PostgreSQL database, through a `pg` Pool: the same tables as the SQLite store, search
 * by a tsvector column with a GIN index ranked by ts_rank, people's near spellings by pg_trgm, the schema
 * by numbered migrations under an advisory lock (migrations.ts). Every value is a bound parameter; the
 * only SQL built at run time is the choice among fixed clauses (tsquery.ts for the user's query).
 *
 * Several processes (the fleet's workers) may ingest into one database at once. A batch is one
 * transaction of about a dozen statements whatever its size (batch-plan.ts plans its rows in memory).
 * Its articles are written first, with no lock but the unique article id: two workers storing the same
 * id wait for each other, and the second finds the first's (its batch is read and written again). Then
 * its people and its copies, the part that reads what other ingests wrote, run under a transaction-level
 * advisory lock (INGEST_LOCK) held to COMMIT: a person or a statement two workers meet at once gets one
 * identity and one group. That part is a few set-based statements; analysis, preparing (prepare.ts) and
 * the articles' own bytes (text, analysis JSON, time expressions) stay outside it, so workers' ingests
 * overlap. `within` (store.ts) runs inside the transaction before COMMIT.
 *
 * The logic that is not SQL (matching people, grouping copies, shaping results) is the SQLite store's,
 * from the shared modules of src/corpus and src/store.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Analysis } from '../../core/analysis.js';
import { fingerprint, sameStatement } from '../../corpus/copies.js';
import { personKeys, type KnownPerson } from '../../corpus/people.js';
import { highlight } from '../highlight.js';
import { searchWords } from '../query.js';
import type { PreparedArticle } from '../prepare.js';
import { dayOf, MAX_COPY_CANDIDATES } from '../rows.js';
import type { StatsFilters } from '../stats.js';
import { RANKED_MATCHES, type CorpusStats, type Counts, type Filters, type IngestOptions, type IngestOutcome, type SearchResult, type SpeakerProfile, type SpeakerSummary, type Store, type StoredAttribution, type Trace } from '../store.js';
import { ATTRIBUTION_COLUMNS, ATTRIBUTION_JOINS, toCopies, toProfile, toSpeakerSummary, toStored, type AttributionRowDb, type RoleRowDb, type SpeakerRowDb } from '../stored-row.js';
import { latestVersion } from '../migration.js';
import { INDEX_BANDS, refreshBandKeys } from './band-keys.js';
import { byCodePoint, PENDING, planBatch, type KnownPersonRow, type ListedStatement } from './batch-plan.js';
import { INGEST_LOCK, LOCK_SPACE, migrate, MIGRATIONS, schemaVersion } from './migrations.js';
import { Params } from './params.js';
import { corpusStats } from './stats.js';
import { toTsQuery } from './tsquery.js';

const DEFAULT_SEARCH_LIMIT = 20;
/** A name this similar (pg_trgm's similarity, 0 to 1) to a known name is a near spelling of it. */
const NEAR_NAME_SIMILARITY = 0.5;
/** Rows an export reads from its cursor at a time. */
const EXPORT_PAGE = 500;

export interface PostgresStoreOptions {
  /** Open without writing: no migrations, and every transaction read-only. The corpus must exist. */
  readonly?: boolean;
}

/** The database holds no corpus (opened read-only before any ingest). */
export class NoCorpusError extends Error {
  constructor(url: string) {
    super(`no whosaid corpus in the database at ${redactUrl(url)}`);
    this.name = 'NoCorpusError';
  }
}

/** A connection URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/, '$1:***@');
}

/** Ids and counts are bigint in the database and numbers here (exact below 2^53). */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

type Db = pg.Pool | pg.PoolClient;

const statementNames = new Map<string, string>();

/** Times an ingest is tried when it loses a race to another writer (RaceLost) or a deadlock. */
const MAX_INGEST_ATTEMPTS = 8;

/**
 * Inside an ingest: another writer stored, after this transaction read the articles, an article of the
 * batch (its id, or its content under another id). The transaction rolls back and runs again.
 */
class RaceLost extends Error {
  constructor() {
    super('another writer stored an article of the batch meanwhile');
    this.name = 'RaceLost';
  }
}

/** PostgreSQL's deadlock_detected: one of the transactions is rolled back, and is run again. */
const isDeadlock = (error: unknown) => (error as { code?: unknown } | null)?.code === '40P01';

/**
 * The rows of a statement whose SQL is fixed text, run as a named prepared statement: each connection
 * parses and plans it once (an ingest runs a dozen statements per article).
 */
async function rowsOf<T>(db: Db, sql: string, values: readonly unknown[] = []): Promise<T[]> {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `whosaid_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    statementNames.set(sql, name);
  }
  return (await db.query({ name, text: sql, values: values as unknown[] })).rows as T[];
}

/** The rows of a statement built for one query (its terms and filters), parsed and planned each time. */
async function queryRows<T>(db: Db, sql: string, values: readonly unknown[] = []): Promise<T[]> {
  return (await db.query(sql, values as unknown[])).rows as T[];
}

/**
 * A client checked out of the pool that hears pg's 'error' event: a server that drops the connection (a
 * restart) then fails the statement running, where an unheard event would end the process. `lost` marks
 * it broken (a failed ROLLBACK); `release` gives it back, discarded when broken.
 */
async function checkOut(pool: pg.Pool): Promise<{ client: pg.PoolClient; lost: (error: Error) => void; release: () => void }> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const lost = (error: Error) => void (broken = error);
  client.on('error', lost);
  return {
    client,
    lost,
    release: () => {
      client.off('error', lost);
      client.release(broken);
    },
  };
}

/** The WHERE clauses of a set of filters; each clause is fixed text, each value bound in `params`. */
function filterClauses(filters: Filters, params: Params): string[] {
  const sql: string[] = [];
  const type = filters.type ?? 'statement';
  if (type !== 'all') sql.push(`a.type = ${params.add(type)}`);
  if (filters.kind !== undefined) sql.push(`a.kind = ${params.add(filters.kind)}`);
  if (filters.speaker !== undefined) {
    const speaker = params.add(filters.speaker);
    sql.push(`(a.person_id IN (SELECT person_id FROM person_names WHERE lower(name) = lower(${speaker})) OR (a.person_id IS NULL AND lower(a.speaker_name) = lower(${speaker})))`);
  }
  if (filters.outlet !== undefined) sql.push(`lower(ar.outlet) = lower(${params.add(filters.outlet)})`);
  if (filters.from !== undefined) sql.push(`a.date >= ${params.add(filters.from)}`);
  if (filters.to !== undefined) sql.push(`a.date <= ${params.add(filters.to)}`);
  return sql;
}

const where = (clauses: readonly string[]) => (clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '');

export class PostgresStore implements Store {
  constructor(private readonly pool: pg.Pool) {}

  async known(_id: string, sourceHash: string): Promise<'unchanged' | 'absent'> {
    // the same source under any id counts as stored: an id alone cannot say the content is unchanged
    const rows = await rowsOf(this.pool, 'SELECT 1 FROM articles WHERE source_hash = $1 LIMIT 1', [sourceHash]);
    return rows.length > 0 ? 'unchanged' : 'absent';
  }

  async ingest(items: readonly PreparedArticle[], options: IngestOptions = {}): Promise<IngestOutcome[]> {
    const { client, lost, release } = await checkOut(this.pool);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query('BEGIN');
          const outcomes = await this.ingestBatch(client, items);
          if (options.within) await options.within(client);
          await client.query('COMMIT');
          return outcomes;
        } catch (error) {
          // a connection the server dropped cannot roll back; it is discarded rather than reused
          await client.query('ROLLBACK').catch(lost);
          if (!(error instanceof RaceLost || isDeadlock(error)) || attempt >= MAX_INGEST_ATTEMPTS) throw error;
        }
      }
    } finally {
      release();
    }
  }

  /**
   * Stores a batch in a few statements for the whole batch, with the outcome of storing its articles one
   * after another. Articles are written first, without the ingest lock: the unique article id makes a
   * second writer of the same id wait for the first and then find it (RaceLost: the batch is read and
   * written again). Then, under the ingest lock held to COMMIT, the people and the copies: the known
   * people and band postings of the batch's keys read in two statements, what to write planned in
   * memory (batch-plan.ts), and written in two. An article that replaces a stored one (same id, other
   * content) is stored after those before it, under the lock, as the old per-article path did.
   */
  private async ingestBatch(client: pg.PoolClient, items: readonly PreparedArticle[]): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = new Array(items.length);
    const stored = await rowsOf<{ pk: number; id: string; content_hash: string }>(
      client,
      'SELECT pk, id, content_hash FROM articles WHERE id = ANY($1) OR content_hash = ANY($2) ORDER BY pk',
      [items.map((i) => i.article.id), items.map((i) => i.contentHash)],
    );
    // the articles stored so far by id, and the first stored with each content: the batch's own included
    const byId = new Map<string, { pk?: number; contentHash: string }>();
    const byHash = new Map<string, string>();
    for (const row of stored) {
      byId.set(row.id, { pk: row.pk, contentHash: row.content_hash });
      if (!byHash.has(row.content_hash)) byHash.set(row.content_hash, row.id);
    }
    let locked = false;
    let run: number[] = [];
    const replacing: number[] = [];
    const flush = async () => {
      if (run.length === 0) return;
      const batch = run;
      run = [];
      locked = await this.storeNew(client, batch.map((i) => items[i]), outcomes, batch, byId, locked);
    };
    for (const [i, item] of items.entries()) {
      const { article, contentHash } = item;
      const existing = byId.get(article.id);
      if (existing?.contentHash === contentHash) {
        outcomes[i] = { articleId: article.id, status: 'unchanged', attributions: 0, newPeople: 0 };
        continue;
      }
      if (!existing && byHash.has(contentHash)) {
        outcomes[i] = { articleId: byHash.get(contentHash)!, status: 'unchanged', attributions: 0, newPeople: 0 };
        continue;
      }
      if (existing) {
        // the articles before it are stored first, then the old version removed, under the lock
        await flush();
        if (!locked) locked = await this.lock(client);
        await this.deleteArticle(client, byId.get(article.id)!.pk!);
        replacing.push(i);
      }
      byId.set(article.id, { contentHash });
      if (!byHash.has(contentHash)) byHash.set(contentHash, article.id);
      run.push(i);
    }
    await flush();
    for (const i of replacing) outcomes[i] = { ...outcomes[i], status: 'replaced' };
    return outcomes;
  }

  /** Takes the ingest lock, held until the transaction ends; then reads see every ingest committed before. */
  private async lock(client: pg.PoolClient): Promise<true> {
    await rowsOf(client, 'SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, INGEST_LOCK]);
    return true;
  }

  /** Stores articles new to the corpus (`indexes`: their places in the batch, for `outcomes`). */
  private async storeNew(
    client: pg.PoolClient,
    items: readonly PreparedArticle[],
    outcomes: IngestOutcome[],
    indexes: readonly number[],
    byId: Map<string, { pk?: number; contentHash: string }>,
    locked: boolean,
  ): Promise<true> {
    // one JSON text for the batch's articles (each analysis spliced in as the JSON it already is) and one
    // for their time expressions: JSON.stringify is native, where pg's text arrays escape each element in JS
    const records = [...items]
      // in id order, so that two writers of the same ids wait for each other in one order
      .sort((a, b) => byCodePoint(a.article.id, b.article.id))
      .map(({ article, contentHash, analysisJson }) => {
        const fields = JSON.stringify({ id: article.id, url: article.url, outlet: article.outlet, title: article.title, published_at: article.publishedAt, text: article.text, content_hash: contentHash, source_hash: article.sourceHash });
        return `${fields.slice(0, -1)},"analysis":${analysisJson}}`;
      });
    const times = items.flatMap((item) => item.times.map((t) => ({ id: item.article.id, start: t.start, end: t.end, text: t.text, value: t.value, certainty: t.certainty })));
    const inserted = await rowsOf<{ pk: number; id: string }>(
      client,
      `WITH a AS (
         INSERT INTO articles (id, url, outlet, title, published_at, text, content_hash, source_hash, analysis)
         SELECT r.id, r.url, r.outlet, r.title, r.published_at, r.text, r.content_hash, r.source_hash, r.analysis
         FROM json_to_recordset($1::json) AS r (id text, url text, outlet text, title text, published_at text, text text, content_hash text, source_hash text, analysis json)
         ON CONFLICT (id) DO NOTHING RETURNING pk, id),
       t AS (INSERT INTO times (article, start, "end", text, value, certainty)
         SELECT a.pk, t.start, t."end", t.text, t.value, t.certainty
         FROM json_to_recordset($2::json) AS t (id text, start int, "end" int, text text, value text, certainty text) JOIN a ON a.id = t.id)
       SELECT pk, id FROM a`,
      [`[${records.join(',')}]`, JSON.stringify(times)],
    );
    // another writer stored one of these ids since it was read: read and write the batch again
    if (inserted.length < items.length) throw new RaceLost();
    const pkOf = new Map(inserted.map((r) => [r.id, r.pk]));
    const pks = items.map((item) => pkOf.get(item.article.id)!);
    items.forEach((item, k) => byId.set(item.article.id, { pk: pks[k], contentHash: item.contentHash }));

    // each attribution's words as the search index folds them, before the lock (other ingests wait on it)
    const words = items.map((item) => item.attributions.map((row) => searchWords(row.text).join(' ')));
    if (!locked) await this.lock(client);
    // the same content stored under another id by a writer that held the lock before: read again
    const copies = await rowsOf(client, 'SELECT 1 FROM articles WHERE content_hash = ANY($1) AND pk <> ALL($2) LIMIT 1', [items.map((i) => i.contentHash), pks]);
    if (copies.length > 0) throw new RaceLost();
    const keys = [...new Set(items.flatMap((item) => item.people.flatMap((p) => p.keys)))];
    const people = keys.length === 0 ? [] : await rowsOf<KnownPersonRow>(
      client,
      `SELECT p.id, p.name,
         ARRAY(SELECT n.name FROM person_names n WHERE n.person_id = p.id ORDER BY n.name COLLATE "C") AS variants,
         ARRAY(SELECT r.role FROM person_role_names r WHERE r.person_id = p.id ORDER BY r.role COLLATE "C") AS roles,
         ARRAY(SELECT k.key FROM person_keys k WHERE k.person_id = p.id AND k.key = ANY($1)) AS keys
       FROM persons p WHERE p.id = ANY (ARRAY(SELECT person_id FROM person_keys WHERE key = ANY($1)))`,
      [keys],
    );
    const bands = [...new Set(items.flatMap((item) => item.attributions.flatMap((a) => a.copy?.bands ?? [])))];
    const listed = bands.length === 0 ? [] : await rowsOf<ListedStatement>(
      client,
      `SELECT a.id, a.copy_text AS text, a.group_id, g.first_day, l.bands
       FROM (SELECT attribution_id, array_agg(band) AS bands FROM copy_bands WHERE band = ANY($1) GROUP BY attribution_id) l
         JOIN attributions a ON a.id = l.attribution_id LEFT JOIN copy_groups g ON g.id = a.group_id`,
      [bands],
    );
    const plan = planBatch(items, pks, people, listed);

    // ids for the rows the plan creates, a range from each table's sequence, in the plan's order: only an
    // ingest holding the lock takes these ids, so no other nextval comes between nextval and setval
    const [last] = await rowsOf<{ persons: number | null; attributions: number | null; groups: number | null }>(
      client,
      `SELECT CASE WHEN $1 > 0 THEN setval('persons_id_seq', nextval('persons_id_seq') + $1 - 1) END AS persons,
         CASE WHEN $2 > 0 THEN setval('attributions_id_seq', nextval('attributions_id_seq') + $2 - 1) END AS attributions,
         CASE WHEN $3 > 0 THEN setval('copy_groups_id_seq', nextval('copy_groups_id_seq') + $3 - 1) END AS groups`,
      [plan.pending.persons, plan.pending.attributions, plan.pending.groups],
    );
    const real = (lastId: number | null, count: number) => (id: number) => (id >= PENDING ? lastId! - count + 1 + (id - PENDING) : id);
    const person = real(last.persons, plan.pending.persons);
    const attribution = real(last.attributions, plan.pending.attributions);
    const group = real(last.groups, plan.pending.groups);
    const nullable = <T>(id: T | null, map: (id: T) => T) => (id === null ? null : map(id));

    if (plan.newPersons.length + plan.renamed.length + plan.names.length + plan.keys.length + plan.roles.length + plan.roleNames.length > 0) {
      await rowsOf(
        client,
        `WITH created AS (INSERT INTO persons (id, name) OVERRIDING SYSTEM VALUE SELECT * FROM unnest($1::bigint[], $2::text[])),
           renamed AS (UPDATE persons p SET name = r.name FROM unnest($3::bigint[], $4::text[]) AS r (id, name) WHERE p.id = r.id),
           names AS (INSERT INTO person_names (person_id, name) SELECT * FROM unnest($5::bigint[], $6::text[]) ON CONFLICT DO NOTHING),
           keys AS (INSERT INTO person_keys (key, person_id) SELECT * FROM unnest($7::text[], $8::bigint[]) ON CONFLICT DO NOTHING),
           roles AS (INSERT INTO person_roles (person_id, role, article) SELECT * FROM unnest($9::bigint[], $10::text[], $11::bigint[]) ON CONFLICT DO NOTHING)
         INSERT INTO person_role_names (person_id, role) SELECT * FROM unnest($12::bigint[], $13::text[]) ON CONFLICT DO NOTHING`,
        [
          plan.newPersons.map((p) => person(p.id)), plan.newPersons.map((p) => p.name),
          plan.renamed.map((p) => p.id), plan.renamed.map((p) => p.name),
          plan.names.map((n) => person(n.id)), plan.names.map((n) => n.name),
          plan.keys.map((k) => k.key), plan.keys.map((k) => person(k.id)),
          plan.roles.map((r) => person(r.id)), plan.roles.map((r) => r.role), plan.roles.map((r) => r.article),
          plan.roleNames.map((r) => person(r.id)), plan.roleNames.map((r) => r.role),
        ],
      );
    }
    const rows = plan.attributions.map((a) => {
      const row = items[a.item].attributions[a.row];
      return {
        id: attribution(a.id), article: a.article, local_id: row.localId, type: row.type, kind: row.kind, text: row.text,
        speaker_name: row.speakerName, speaker_mention: row.speakerMention, person_id: nullable(a.personId, person), cue: row.cue,
        said_on: row.saidOn, date: row.date, confidence: row.confidence, copy_text: row.copy?.text, group_id: nullable(a.groupId, group),
        words: words[a.item][a.row],
      };
    });
    await rowsOf(
      client,
      `WITH created AS (INSERT INTO copy_groups (id, first, first_day) OVERRIDING SYSTEM VALUE SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])),
         moved AS (UPDATE copy_groups g SET first = m.first, first_day = m.first_day FROM unnest($4::bigint[], $5::bigint[], $6::text[]) AS m (id, first, first_day) WHERE g.id = m.id),
         rows AS (
           INSERT INTO attributions (id, article, local_id, type, kind, text, speaker_name, speaker_mention, person_id, cue, said_on, date, confidence, copy_text, group_id, search)
           OVERRIDING SYSTEM VALUE
           SELECT r.id, r.article, r.local_id, r.type, r.kind, r.text, r.speaker_name, r.speaker_mention, r.person_id, r.cue, r.said_on, r.date, r.confidence, r.copy_text, r.group_id, to_tsvector('simple', r.words)
           FROM json_to_recordset($7::json) AS r (id bigint, article bigint, local_id text, type text, kind text, text text, speaker_name text, speaker_mention text,
             person_id bigint, cue text, said_on text, date text, confidence float8, copy_text text, group_id bigint, words text))
       INSERT INTO copy_bands (band, attribution_id) SELECT * FROM unnest($8::text[], $9::bigint[]) ON CONFLICT DO NOTHING`,
      [
        plan.newGroups.map((g) => group(g.id)), plan.newGroups.map((g) => attribution(g.first)), plan.newGroups.map((g) => g.firstDay),
        plan.movedGroups.map((g) => g.id), plan.movedGroups.map((g) => attribution(g.first)), plan.movedGroups.map((g) => g.firstDay),
        JSON.stringify(rows),
        plan.bands.map((b) => b.band), plan.bands.map((b) => attribution(b.id)),
      ],
    );
    items.forEach((item, k) => {
      outcomes[indexes[k]] = { articleId: item.article.id, status: 'new', attributions: item.attributions.length, newPeople: plan.createdPeople[k] };
    });
    return true;
  }

  /**
   * The people whose ids `ids` (SQL giving an array of ids) lists, with their names and roles, by id. An
   * array, not `IN (subquery)`: each person is then read by its key, never by scanning every person.
   */
  private async knownPeople(db: Db, ids: string, values: readonly unknown[]): Promise<KnownPerson[]> {
    return rowsOf<KnownPerson>(
      db,
      `SELECT p.id, p.name,
         ARRAY(SELECT n.name FROM person_names n WHERE n.person_id = p.id ORDER BY n.name COLLATE "C") AS variants,
         ARRAY(SELECT r.role FROM person_role_names r WHERE r.person_id = p.id ORDER BY r.role COLLATE "C") AS roles
       FROM persons p WHERE p.id = ANY (${ids}) ORDER BY p.id`,
      values,
    );
  }

  /**
   * The statements sharing the most band keys with `bands`: the words each traced, its group, and the
   * publication day of its group's first copy.
   */
  private copyCandidates(db: Db, bands: readonly string[]): Promise<{ id: number; text: string; group_id: number; first_day: string | null }[]> {
    // planned for each call: a connection's generic plan, made while copy_bands was nearly empty, scanned
    // the whole table for as long as it lived (measured: 1.4 ms a call against 0.5 planned each time)
    return queryRows(
      db,
      `SELECT a.id, a.copy_text AS text, a.group_id, g.first_day FROM (
         SELECT attribution_id, count(*) AS shared FROM copy_bands WHERE band = ANY($1)
         GROUP BY attribution_id ORDER BY shared DESC, attribution_id LIMIT ${MAX_COPY_CANDIDATES}
       ) c JOIN attributions a ON a.id = c.attribution_id LEFT JOIN copy_groups g ON g.id = a.group_id
       ORDER BY c.shared DESC, a.id`,
      [bands],
    );
  }

  /** Removes an article and everything derived from it; the groups it was in keep their other copies. */
  private async deleteArticle(client: pg.PoolClient, pk: number): Promise<void> {
    const groups = await rowsOf<{ group_id: number }>(client, 'SELECT DISTINCT group_id FROM attributions WHERE article = $1 AND group_id IS NOT NULL', [pk]);
    await rowsOf(client, 'DELETE FROM copy_bands WHERE attribution_id IN (SELECT id FROM attributions WHERE article = $1)', [pk]);
    await rowsOf(client, 'DELETE FROM attributions WHERE article = $1', [pk]);
    await rowsOf(client, 'DELETE FROM times WHERE article = $1', [pk]);
    await rowsOf(client, 'DELETE FROM person_roles WHERE article = $1', [pk]);
    await rowsOf(client, 'DELETE FROM articles WHERE pk = $1', [pk]);
    for (const { group_id } of groups) await this.repairGroup(client, group_id);
  }

  /** After copies left a group: drops it when empty, else re-picks its first copy and re-indexes its bands. */
  private async repairGroup(client: pg.PoolClient, group: number): Promise<void> {
    const members = await rowsOf<{ id: number; text: string; published_at: string | null }>(
      client,
      `SELECT a.id, a.copy_text AS text, ar.published_at FROM attributions a JOIN articles ar ON ar.pk = a.article WHERE a.group_id = $1
       ORDER BY substr(ar.published_at, 1, 10) NULLS LAST, a.id`,
      [group],
    );
    if (members.length === 0) {
      await rowsOf(client, 'DELETE FROM copy_groups WHERE id = $1', [group]);
      return;
    }
    await rowsOf(client, 'UPDATE copy_groups SET first = $1, first_day = $3 WHERE id = $2', [members[0].id, group, dayOf(members[0].published_at ?? undefined) ?? null]);
    const indexed = await rowsOf(client, 'SELECT 1 FROM copy_bands WHERE attribution_id IN (SELECT id FROM attributions WHERE group_id = $1) LIMIT 1', [group]);
    if (indexed.length === 0) await rowsOf(client, INDEX_BANDS, [members[0].id, [...new Set(fingerprint(members[0].text).bands)]]);
  }

  async search(query: string, filters: Filters = {}): Promise<SearchResult> {
    const params = new Params();
    const match = toTsQuery(query, params);
    const clauses = [`a.search @@ (${match})`, ...filterClauses(filters, params)];
    // the newest RANKED_MATCHES matches passing the filters are ranked (one more is read: it tells that
    // there were more), as in the SQLite store
    const rows = await queryRows<AttributionRowDb & { rank: number; passing: string; matches: string | null }>(
      this.pool,
      `WITH newest AS (SELECT a.id, a.search FROM attributions a JOIN articles ar ON ar.pk = a.article ${where(clauses)} ORDER BY a.id DESC LIMIT ${RANKED_MATCHES + 1}),
         kept AS (SELECT id, search FROM newest ORDER BY id DESC LIMIT ${RANKED_MATCHES}),
         best AS (SELECT id, -ts_rank(search, ${match}) AS rank FROM kept ORDER BY rank, id LIMIT ${params.add(filters.limit ?? DEFAULT_SEARCH_LIMIT)})
       SELECT ${ATTRIBUTION_COLUMNS}, best.rank, (SELECT count(*) FROM newest) AS passing,
         CASE WHEN (SELECT count(*) FROM newest) > ${RANKED_MATCHES} THEN (SELECT count(*) FROM attributions m WHERE m.search @@ (${match})) END AS matches
       FROM (SELECT 1) one LEFT JOIN (best JOIN attributions a ON a.id = best.id ${ATTRIBUTION_JOINS}) ON true ORDER BY best.rank, best.id`,
      params.values,
    );
    const passing = Number(rows[0]?.passing ?? 0);
    const capped = passing > RANKED_MATCHES;
    const result = { ranked: Math.min(passing, RANKED_MATCHES), capped, ...(capped && { matches: Number(rows[0].matches) }) };
    const hits = rows.filter((row) => row.id !== null).map((row) => {
      const stored = toStored(row);
      return { ...stored, ...highlight(stored.text, query), rank: row.rank };
    });
    return { hits, ...result };
  }

  async *export(filters: Filters & { query?: string } = {}): AsyncIterable<StoredAttribution> {
    const params = new Params();
    const clauses = filterClauses(filters, params);
    if (filters.query !== undefined) clauses.unshift(`a.search @@ (${toTsQuery(filters.query, params)})`);
    // a cursor reads the rows a page at a time, so an export of the whole corpus runs in constant memory
    const { client, lost, release } = await checkOut(this.pool);
    try {
      await client.query('BEGIN');
      await client.query(
        `DECLARE export_rows NO SCROLL CURSOR FOR SELECT ${ATTRIBUTION_COLUMNS} FROM attributions a ${ATTRIBUTION_JOINS}
         ${where(clauses)} ORDER BY a.date NULLS LAST, a.id LIMIT ${params.add(filters.limit ?? null)}`,
        params.values,
      );
      for (;;) {
        const page = await queryRows<AttributionRowDb>(client, `FETCH ${EXPORT_PAGE} FROM export_rows`);
        for (const row of page) yield toStored(row);
        if (page.length < EXPORT_PAGE) break;
      }
    } finally {
      await client.query('ROLLBACK').catch(lost);
      release();
    }
  }

  async speakers(filters: Omit<Filters, 'speaker' | 'type' | 'kind'> = {}): Promise<SpeakerSummary[]> {
    const params = new Params();
    const clauses = filterClauses({ ...filters, type: 'statement' }, params);
    const rows = await queryRows<SpeakerRowDb>(
      this.pool,
      `SELECT p.id AS person_id, p.name, count(*) AS statements, count(DISTINCT a.article) AS articles,
         count(DISTINCT ar.outlet) AS outlets, min(a.date) AS first, max(a.date) AS last
       FROM attributions a JOIN persons p ON p.id = a.person_id JOIN articles ar ON ar.pk = a.article
       ${where(clauses)}
       GROUP BY p.id ORDER BY statements DESC, p.name COLLATE "C" LIMIT ${params.add(filters.limit ?? null)}`,
      params.values,
    );
    return rows.map(toSpeakerSummary);
  }

  async stats(filters: StatsFilters = {}): Promise<CorpusStats> {
    return corpusStats(this.pool, filterClauses, filters);
  }

  /**
   * As the SQLite store: the people with this name or variant, and with this surname when it is one word;
   * when none has it, the people with a near spelling of it (pg_trgm: "Mike Pompeio" finds Mike Pompeo).
   */
  async speaker(name: string): Promise<SpeakerProfile[]> {
    const given = name.trim();
    // a bare surname ("Bell") also names everyone known by it, whether or not an article used it alone
    const keys = /\s/.test(given) ? [] : personKeys({ name: given, variants: [given] });
    let people = await this.knownPeople(
      this.pool,
      'ARRAY(SELECT person_id FROM person_names WHERE lower(name) = lower($1) UNION SELECT person_id FROM person_keys WHERE key = ANY($2))',
      [given, keys],
    );
    if (people.length === 0) {
      people = await this.knownPeople(
        this.pool,
        'ARRAY(SELECT person_id FROM person_names WHERE lower(name) % lower($1) AND similarity(lower(name), lower($1)) >= $2)',
        [given, NEAR_NAME_SIMILARITY],
      );
    }
    const profiles: SpeakerProfile[] = [];
    for (const person of people) {
      const roles = await rowsOf<RoleRowDb>(
        this.pool,
        `SELECT r.role, min(substr(ar.published_at, 1, 10)) AS first, max(substr(ar.published_at, 1, 10)) AS last, count(*) AS articles
         FROM person_roles r JOIN articles ar ON ar.pk = r.article WHERE r.person_id = $1 GROUP BY r.role ORDER BY first NULLS LAST, r.role COLLATE "C"`,
        [person.id],
      );
      const timeline = await rowsOf<AttributionRowDb>(
        this.pool,
        `SELECT ${ATTRIBUTION_COLUMNS} FROM attributions a ${ATTRIBUTION_JOINS} WHERE a.person_id = $1 ORDER BY a.date NULLS LAST, a.id`,
        [person.id],
      );
      profiles.push(toProfile(person, roles, timeline));
    }
    return profiles;
  }

  async trace(target: string | number): Promise<Trace | undefined> {
    const group = typeof target === 'number' ? await this.groupOfAttribution(target) : await this.groupOfText(target);
    if (group === undefined) return undefined;
    const rows = await rowsOf<AttributionRowDb & { copy_text: string }>(
      this.pool,
      `SELECT ${ATTRIBUTION_COLUMNS}, a.copy_text FROM attributions a ${ATTRIBUTION_JOINS} WHERE a.group_id = $1
       ORDER BY substr(ar.published_at, 1, 10) NULLS LAST, a.id`,
      [group],
    );
    if (rows.length === 0) return undefined;
    return { groupId: group, copies: toCopies(rows) };
  }

  private async groupOfAttribution(id: number): Promise<number | undefined> {
    const [row] = await rowsOf<{ group_id: number | null }>(this.pool, 'SELECT group_id FROM attributions WHERE id = $1', [id]);
    return row?.group_id ?? undefined;
  }

  /** The group whose statement the text is (verified on the words), else the best search hit's group. */
  private async groupOfText(text: string): Promise<number | undefined> {
    const { bands } = fingerprint(text);
    if (bands.length > 0) {
      const match = (await this.copyCandidates(this.pool, bands)).find((c) => sameStatement(c.text, text));
      if (match) return match.group_id;
    }
    const params = new Params();
    const match = toTsQuery(text, params);
    const [hit] = await queryRows<{ group_id: number }>(
      this.pool,
      `SELECT a.group_id FROM attributions a WHERE a.search @@ (${match}) AND a.group_id IS NOT NULL
       ORDER BY ts_rank(a.search, ${match}) DESC, a.id LIMIT 1`,
      params.values,
    );
    return hit?.group_id;
  }

  async counts(): Promise<Counts> {
    const [row] = await rowsOf<Counts>(
      this.pool,
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM attributions) AS attributions,
         (SELECT count(*) FROM persons) AS people,
         (SELECT count(*) FROM (SELECT group_id FROM attributions WHERE group_id IS NOT NULL GROUP BY group_id HAVING count(*) > 1) shared) AS "sharedStatements"`,
    );
    return row;
  }

  async analysis(articleId: string): Promise<Analysis | undefined> {
    const [row] = await rowsOf<{ analysis: Analysis }>(this.pool, 'SELECT analysis FROM articles WHERE id = $1', [articleId]);
    return row?.analysis;
  }

  /** Foreign keys and NOT NULL are the server's to enforce; this checks what the schema cannot say. */
  async check(): Promise<string[]> {
    const problems: string[] = [];
    const count = async (sql: string) => (await rowsOf<{ n: number }>(this.pool, sql))[0].n;
    const partial = await count(
      `SELECT count(*) AS n FROM articles ar
       WHERE json_array_length(ar.analysis -> 'attributions') != (SELECT count(*) FROM attributions a WHERE a.article = ar.pk)`,
    );
    if (partial > 0) problems.push(`${partial} articles whose stored attributions differ from their analysis`);
    const orphanGroups = await count('SELECT count(*) AS n FROM copy_groups g WHERE NOT EXISTS (SELECT 1 FROM attributions a WHERE a.group_id = g.id)');
    if (orphanGroups > 0) problems.push(`${orphanGroups} copy groups without copies`);
    const misplacedFirsts = await count(
      `SELECT count(*) AS n FROM copy_groups g LEFT JOIN attributions a ON a.id = g.first AND a.group_id = g.id LEFT JOIN articles ar ON ar.pk = a.article
       WHERE a.id IS NULL OR g.first_day IS DISTINCT FROM substring(ar.published_at FROM '^\\d{4}-\\d{2}-\\d{2}')`,
    );
    if (misplacedFirsts > 0) problems.push(`${misplacedFirsts} copy groups whose first copy or its day is not one of theirs`);
    const unsearchable = await count("SELECT count(*) AS n FROM attributions WHERE search = ''::tsvector AND text ~ '[[:alnum:]]'");
    if (unsearchable > 0) problems.push(`${unsearchable} attributions with words missing from the full-text index`);
    return problems;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Opens the corpus in the PostgreSQL database at `url`, creating or migrating its schema unless read-only. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: url,
    types: TYPES,
    ...(options.readonly && { options: '-c default_transaction_read_only=on' }),
  });
  // an idle connection the server dropped (a restart) is discarded by the pool; the next query opens another
  pool.on('error', () => undefined);
  try {
    const { client, release } = await checkOut(pool);
    try {
      if (!options.readonly) {
        await migrate(client);
        await refreshBandKeys(client);
      } else {
        const version = await schemaVersion(client);
        if (version === 0) throw new NoCorpusError(url);
        if (version < latestVersion(version, MIGRATIONS)) throw new Error(`the corpus is at schema version ${version}; open it once for writing (whosaid ingest) to migrate it`);
      }
    } finally {
      release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(pool);
}
