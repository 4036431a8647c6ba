/**
 * The corpus in a PostgreSQL database, through a `pg` Pool: the same tables as the SQLite store, search
 * by a tsvector column with a GIN index ranked by ts_rank, people's near spellings by pg_trgm, the schema
 * by numbered migrations under an advisory lock (migrations.ts). Every value is a bound parameter; the
 * only SQL built at run time is the choice among fixed clauses (tsquery.ts for the user's query).
 *
 * Several processes (the fleet's workers) may ingest into one database at once. A batch is one
 * transaction that first takes a transaction-level advisory lock, so ingests into the same database run
 * one after another: the same article sent by two workers is stored once (the second finds it), and a
 * person or a statement two workers meet at once gets one identity and one group. Analysis and its
 * preparing (prepare.ts: rows, name keys, band keys), the costly part, run outside the lock, in the
 * threads that analysed. `within` (store.ts) runs inside the transaction before COMMIT.
 *
 * The logic that is not SQL (matching people, grouping copies, shaping results) is the SQLite store's,
 * from the shared modules of src/corpus and src/store.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Analysis } from '../../core/analysis.js';
import { fingerprint, sameStatement } from '../../corpus/copies.js';
import { personKeys, profileKnown, type KnownPerson, type ProfiledPerson } from '../../corpus/people.js';
import { highlight } from '../highlight.js';
import { matchGroups, peopleToMatch, personWrites } from '../article-people.js';
import { searchWords } from '../query.js';
import type { PreparedArticle, PreparedPerson, TracedWords } from '../prepare.js';
import { dayOf, isEarlierCopy, MAX_COPY_CANDIDATES } from '../rows.js';
import type { StatsFilters } from '../stats.js';
import type { CorpusStats, Counts, Filters, IngestOptions, IngestOutcome, SearchHit, SpeakerProfile, SpeakerSummary, Store, StoredAttribution, Trace } from '../store.js';
import { ATTRIBUTION_COLUMNS, ATTRIBUTION_JOINS, toCopies, toProfile, toSpeakerSummary, toStored, type AttributionRowDb, type RoleRowDb, type SpeakerRowDb } from '../stored-row.js';
import { latestVersion } from '../migration.js';
import { INDEX_BANDS, refreshBandKeys } from './band-keys.js';
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
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, INGEST_LOCK]);
      const outcomes: IngestOutcome[] = [];
      for (const item of items) outcomes.push(await this.ingestOne(client, item));
      if (options.within) await options.within(client);
      await client.query('COMMIT');
      return outcomes;
    } catch (error) {
      // a connection the server dropped cannot roll back; it is discarded rather than reused
      await client.query('ROLLBACK').catch(lost);
      throw error;
    } finally {
      release();
    }
  }

  private async ingestOne(client: pg.PoolClient, item: PreparedArticle): Promise<IngestOutcome> {
    const { article, contentHash } = item;
    // the article stored under this id, and the first stored with this content, in one round trip
    const stored = await rowsOf<{ pk: number; id: string; content_hash: string }>(
      client,
      'SELECT pk, id, content_hash FROM articles WHERE id = $1 UNION ALL (SELECT pk, id, content_hash FROM articles WHERE content_hash = $2 ORDER BY pk LIMIT 1)',
      [article.id, contentHash],
    );
    const existing = stored.find((r) => r.id === article.id);
    if (existing?.content_hash === contentHash) return { articleId: article.id, status: 'unchanged', attributions: 0, newPeople: 0 };
    if (!existing) {
      const same = stored.find((r) => r.content_hash === contentHash);
      if (same) return { articleId: same.id, status: 'unchanged', attributions: 0, newPeople: 0 };
    }
    if (existing) await this.deleteArticle(client, existing.pk);
    const [{ pk }] = await rowsOf<{ pk: number }>(
      client,
      `INSERT INTO articles (id, url, outlet, title, published_at, text, content_hash, source_hash, analysis)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING pk`,
      [article.id, article.url ?? null, article.outlet ?? null, article.title ?? null, article.publishedAt ?? null, article.text, contentHash, article.sourceHash, item.analysisJson],
    );
    const { persons, created } = await this.matchArticlePeople(client, pk, item.people);
    const rows = item.attributions;
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
    const inserted = await rowsOf<{ id: number; local_id: string }>(
      client,
      `INSERT INTO attributions (article, local_id, type, kind, text, speaker_name, speaker_mention, person_id, cue, said_on, date, confidence, copy_text, search)
       SELECT $1, r.local_id, r.type, r.kind, r.text, r.speaker_name, r.speaker_mention, r.person_id, r.cue, r.said_on, r.date, r.confidence, r.copy_text, to_tsvector('simple', r.words)
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[], $10::text[], $11::text[], $12::float8[], $13::text[], $14::text[])
         AS r (local_id, type, kind, text, speaker_name, speaker_mention, person_id, cue, said_on, date, confidence, copy_text, words)
       RETURNING id, local_id`,
      [
        pk,
        column((r) => r.localId),
        column((r) => r.type),
        column((r) => r.kind),
        column((r) => r.text),
        column((r) => r.speakerName ?? null),
        column((r) => r.speakerMention ?? null),
        column((r) => (r.speakerEntity !== undefined ? (persons.get(r.speakerEntity) ?? null) : null)),
        column((r) => r.cue ?? null),
        column((r) => r.saidOn ?? null),
        column((r) => r.date ?? null),
        column((r) => r.confidence),
        column((r) => r.copy?.text ?? null),
        column((r) => searchWords(r.text).join(' ')),
      ],
    );
    const idOf = new Map(inserted.map((r) => [r.local_id, r.id]));
    const published = dayOf(article.publishedAt) ?? null;
    // in document order, as the SQLite store groups them
    for (const row of rows) if (row.copy !== undefined) await this.groupCopy(client, idOf.get(row.localId)!, row.copy, published);
    if (item.times.length > 0) {
      const times = item.times;
      await rowsOf(
        client,
        `INSERT INTO times (article, start, "end", text, value, certainty)
         SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[])`,
        [pk, times.map((t) => t.start), times.map((t) => t.end), times.map((t) => t.text), times.map((t) => t.value), times.map((t) => t.certainty)],
      );
    }
    return { articleId: article.id, status: existing ? 'replaced' : 'new', attributions: rows.length, newPeople: created };
  }

  /** Matches the article's people to the corpus's; returns entity id → person id, and how many are new. */
  private async matchArticlePeople(client: pg.PoolClient, pk: number, people: readonly PreparedPerson[]): Promise<{ persons: Map<string, number>; created: number }> {
    const plan = peopleToMatch(people);
    const persons = new Map<string, number>();
    if (people.length === 0) return { persons, created: 0 };
    // read for each article: other processes write the same people (the SQLite store keeps them read)
    const candidates: ProfiledPerson[][] = [];
    for (const { keys } of plan.groups) candidates.push((await this.knownPeople(client, 'ARRAY(SELECT person_id FROM person_keys WHERE key = ANY($1))', [keys])).map(profileKnown));
    const matches = matchGroups(plan, candidates);
    let created = 0;
    for (const write of personWrites(plan, matches)) {
      // the person (renamed, or created when write.id is absent) and its names, keys and roles in one statement
      const person = write.id === undefined ? 'INSERT INTO persons (name) SELECT $2 WHERE $1::bigint IS NULL RETURNING id' : 'UPDATE persons SET name = $2 WHERE id = $1::bigint RETURNING id';
      const [{ id }] = await rowsOf<{ id: number }>(
        client,
        `WITH person AS (${person}),
           names AS (INSERT INTO person_names (person_id, name) SELECT person.id, n FROM person, unnest($3::text[]) n ON CONFLICT DO NOTHING),
           keys AS (INSERT INTO person_keys (key, person_id) SELECT k, person.id FROM person, unnest($4::text[]) k ON CONFLICT DO NOTHING),
           roles AS (INSERT INTO person_roles (person_id, role, article) SELECT person.id, r, $5 FROM person, unnest($6::text[]) r ON CONFLICT DO NOTHING),
           role_names AS (INSERT INTO person_role_names (person_id, role) SELECT person.id, r FROM person, unnest($6::text[]) r ON CONFLICT DO NOTHING)
         SELECT id FROM person`,
        [write.id ?? null, write.name, write.names, write.keys, pk, write.roles],
      );
      if (write.id === undefined) created++;
      persons.set(write.entity, id);
    }
    return { persons, created };
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

  /** Puts a new attribution in the group of the statement it copies, or starts a group with it (one statement each way). */
  private async groupCopy(client: pg.PoolClient, id: number, { text, bands }: TracedWords, published: string | null): Promise<void> {
    if (bands.length === 0) return;
    const match = (await this.copyCandidates(client, bands)).find((c) => sameStatement(c.text, text));
    if (match) {
      await rowsOf(client, 'WITH joined AS (UPDATE attributions SET group_id = $1 WHERE id = $2) UPDATE copy_groups SET first = $2, first_day = $4 WHERE id = $1 AND $3', [
        match.group_id,
        id,
        isEarlierCopy(published, match.first_day),
        published,
      ]);
      return;
    }
    await rowsOf(
      client,
      `WITH g AS (INSERT INTO copy_groups (first, first_day) VALUES ($1, $3) RETURNING id),
         joined AS (UPDATE attributions SET group_id = (SELECT id FROM g) WHERE id = $1)
       ${INDEX_BANDS}`,
      [id, [...new Set(bands)], published],
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

  async search(query: string, filters: Filters = {}): Promise<SearchHit[]> {
    const params = new Params();
    const match = toTsQuery(query, params);
    const clauses = [`a.search @@ (${match})`, ...filterClauses(filters, params)];
    const rows = await queryRows<AttributionRowDb & { rank: number }>(
      this.pool,
      `SELECT ${ATTRIBUTION_COLUMNS}, -ts_rank(a.search, ${match}) AS rank FROM attributions a ${ATTRIBUTION_JOINS}
       ${where(clauses)} ORDER BY rank, a.id LIMIT ${params.add(filters.limit ?? DEFAULT_SEARCH_LIMIT)}`,
      params.values,
    );
    return rows.map((row) => {
      const stored = toStored(row);
      return { ...stored, ...highlight(stored.text, query), rank: row.rank };
    });
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
