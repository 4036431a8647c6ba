/**
 * The corpus in one SQLite file, through better-sqlite3: WAL journal (readers never wait for the writer;
 * a killed writer loses only its open transaction), FTS5 with bm25 for search, the schema by numbered
 * migrations (migrations.ts). Every value is a bound parameter of a prepared statement; the only SQL
 * built at run time is the choice among fixed filter clauses. A batch of articles is one transaction.
 *
 * People and copies are matched by the pure modules in src/corpus/: candidates are looked up by key
 * (a person's normalized surnames, a statement's LSH band keys), so the cost of an article does not grow
 * with the corpus, and the modules decide among the candidates.
 */
import Database from 'better-sqlite3';
import type { Analysis } from '../../core/analysis.js';
import { fingerprint, sameStatement } from '../../corpus/copies.js';
import { personKeys, profileKnown, type KnownPerson, type ProfiledPerson } from '../../corpus/people.js';
import { highlight } from '../highlight.js';
import { matchGroups, peopleToMatch, personWrites, type PersonWrite } from '../article-people.js';
import { toMatchExpression } from '../query.js';
import type { PreparedArticle, PreparedPerson, TracedWords } from '../prepare.js';
import { dayOf, isEarlierCopy, MAX_COPY_CANDIDATES } from '../rows.js';
import { RANKED_MATCHES, type CorpusStats, type Counts, type Filters, type IngestOptions, type IngestOutcome, type SearchResult, type SpeakerProfile, type SpeakerSummary, type Store, type StoredAttribution, type Trace } from '../store.js';
import { ATTRIBUTION_COLUMNS, ATTRIBUTION_JOINS, toCopies, toProfile, toSpeakerSummary, toStored, type AttributionRowDb, type RoleRowDb, type SpeakerRowDb } from '../stored-row.js';
import { indexBands, refreshBandKeys } from './band-keys.js';
import { migrate } from './migrations.js';
import type { StatsFilters } from '../stats.js';
import { corpusStats } from './stats.js';

export interface SqliteStoreOptions {
  /** Open without writing: no migrations (the file must exist and be current). */
  readonly?: boolean;
  /**
   * Also count `timings` in CPU time, for the benchmark. Off by default: reading the process's CPU time is
   * a system call that, with busy worker threads beside, cost more than storing the article (ingest --jobs).
   */
  cpuTimings?: boolean;
}

const DEFAULT_SEARCH_LIMIT = 20;
/** Most known people whose read names the store keeps (the least recently matched leave first). */
const MAX_PROFILES = 20_000;
/**
 * SQLite's own page cache per connection, in KiB (the default is 2 MB): a search reads the same index
 * pages again and again. (Mapping the file instead, `mmap_size`, measured no faster on searches and
 * counts every page read in the process's resident memory.)
 */
const CACHE_KIB = 8 * 1024;

/** The WHERE clauses and parameters of a set of filters; each clause is fixed text, each value bound. */
function filterClauses(filters: Filters): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  const type = filters.type ?? 'statement';
  if (type !== 'all') {
    sql.push('a.type = ?');
    params.push(type);
  }
  if (filters.kind !== undefined) {
    sql.push('a.kind = ?');
    params.push(filters.kind);
  }
  if (filters.speaker !== undefined) {
    sql.push('(a.person_id IN (SELECT person_id FROM person_names WHERE name = ? COLLATE NOCASE) OR (a.person_id IS NULL AND a.speaker_name = ? COLLATE NOCASE))');
    params.push(filters.speaker, filters.speaker);
  }
  if (filters.outlet !== undefined) {
    sql.push('a.outlet = ? COLLATE NOCASE');
    params.push(filters.outlet);
  }
  if (filters.from !== undefined) {
    sql.push('a.date >= ?');
    params.push(filters.from);
  }
  if (filters.to !== undefined) {
    sql.push('a.date <= ?');
    params.push(filters.to);
  }
  return { sql, params };
}

/** The ids a speaker names, found by index (the person's name forms, or the name of a speaker without an identity). */
const SPEAKER_IDS = `SELECT id FROM attributions WHERE person_id IN (SELECT person_id FROM person_names WHERE name = ? COLLATE NOCASE)
  UNION ALL SELECT id FROM attributions WHERE person_id IS NULL AND speaker_name = ? COLLATE NOCASE`;

/** Where ingest's time went inside the store, for the benchmark (milliseconds since the store opened). */
export interface StoreTimings {
  /** Matching the articles' people against the corpus's. */
  peopleMs: number;
  /** Fingerprinting statements and finding the group of each. */
  groupingMs: number;
  /**
   * The same two in this process's CPU time (steadier than the clock on a machine other work also uses),
   * counted only when the store was opened with `cpuTimings`.
   */
  peopleCpuMs: number;
  groupingCpuMs: number;
}

/** This process's CPU time (user and system), in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** No CPU time read: the timings' CPU figures stay 0. */
const noCpu = (): number => 0;

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  readonly timings: StoreTimings = { peopleMs: 0, groupingMs: 0, peopleCpuMs: 0, groupingCpuMs: 0 };
  private readonly cpuMs: () => number;
  /**
   * Known people with their names read (`profileKnown`), by id, least recently used first: a person
   * matched in many articles has its names parsed once. An entry leaves when this connection writes the
   * person, when a batch rolls back (its people may never have been), and all of them when another
   * connection has committed since the last batch (`PRAGMA data_version`).
   */
  private readonly profiles = new Map<number, ProfiledPerson>();
  private dataVersion = -1;
  /** Ingests this connection has committed (`version`). */
  private commits = 0;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    this.cpuMs = options.cpuTimings ? cpuMs : noCpu;
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`cache_size = -${CACHE_KIB}`);
    // statement journals (a statement's own undo, which foreign keys and OR IGNORE need) in memory, not
    // in a temporary file each: a third of the CPU of storing an article went to those files' system calls
    this.db.pragma('temp_store = MEMORY');
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // in WAL mode NORMAL loses no committed transaction when the process dies, only on power loss
      this.db.pragma('synchronous = NORMAL');
      migrate(this.db);
      refreshBandKeys(this.db);
    }
    this.db.pragma('foreign_keys = ON');
  }

  /** A prepared statement, prepared once per SQL text. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async known(_id: string, sourceHash: string): Promise<'unchanged' | 'absent'> {
    // the same source under any id counts as stored: an id alone cannot say the content is unchanged
    const row = this.sql('SELECT 1 FROM articles WHERE source_hash = ? LIMIT 1').get(sourceHash);
    return row ? 'unchanged' : 'absent';
  }

  async ingest(items: readonly PreparedArticle[], options: IngestOptions = {}): Promise<IngestOutcome[]> {
    if (options.within !== undefined) throw new Error('the SQLite store cannot run a step inside its ingest transaction (within); use the PostgreSQL store');
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.dataVersion) this.profiles.clear();
    this.dataVersion = version;
    try {
      const outcomes = this.db.transaction(() => items.map((item) => this.ingestOne(item))).immediate();
      this.commits++;
      return outcomes;
    } catch (error) {
      this.profiles.clear();
      throw error;
    }
  }

  private ingestOne(item: PreparedArticle): IngestOutcome {
    const { article, contentHash } = item;
    const existing = this.sql('SELECT pk, content_hash FROM articles WHERE id = ?').get(article.id) as { pk: number; content_hash: string } | undefined;
    if (existing?.content_hash === contentHash) return { articleId: article.id, status: 'unchanged', attributions: 0, newPeople: 0 };
    if (!existing) {
      const same = this.sql('SELECT id FROM articles WHERE content_hash = ? LIMIT 1').get(contentHash) as { id: string } | undefined;
      if (same) return { articleId: same.id, status: 'unchanged', attributions: 0, newPeople: 0 };
    }
    if (existing) this.deleteArticle(existing.pk);
    const { lastInsertRowid } = this.sql(
      'INSERT INTO articles (id, url, outlet, title, published_at, text, content_hash, source_hash, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(article.id, article.url ?? null, article.outlet ?? null, article.title ?? null, article.publishedAt ?? null, article.text, contentHash, article.sourceHash, item.analysisJson);
    const pk = Number(lastInsertRowid);
    let [started, cpu] = [performance.now(), this.cpuMs()];
    const { persons, created } = this.matchArticlePeople(pk, item.people);
    this.timings.peopleMs += performance.now() - started;
    this.timings.peopleCpuMs += this.cpuMs() - cpu;
    const insertAttribution = this.sql(
      `INSERT INTO attributions (article, local_id, type, kind, text, speaker_name, speaker_mention, person_id, cue, said_on, date, confidence, copy_text, outlet)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const published = dayOf(article.publishedAt) ?? null;
    const traced: [number, TracedWords][] = [];
    // each date's span of the article's ids (its ids grow: a date's first seen is its least)
    const days = new Map<string, { first: number; last: number }>();
    for (const row of item.attributions) {
      const personId = row.speakerEntity !== undefined ? (persons.get(row.speakerEntity) ?? null) : null;
      const id = Number(
        insertAttribution.run(pk, row.localId, row.type, row.kind, row.text, row.speakerName ?? null, row.speakerMention ?? null, personId, row.cue ?? null, row.saidOn ?? null, row.date ?? null, row.confidence, row.copy?.text ?? null, article.outlet ?? null)
          .lastInsertRowid,
      );
      if (row.copy !== undefined) traced.push([id, row.copy]);
      if (typeof row.date === 'string') {
        const day = days.get(row.date);
        if (day) day.last = id;
        else days.set(row.date, { first: id, last: id });
      }
    }
    // grouped in the rows' order once they are all in (a row is a candidate only once it has band keys,
    // so the groups are those of grouping each right after its insert), and timed once per article: a
    // clock read per statement was a system call per statement
    [started, cpu] = [performance.now(), this.cpuMs()];
    for (const [id, copy] of traced) this.groupCopy(id, copy, published);
    this.timings.groupingMs += performance.now() - started;
    this.timings.groupingCpuMs += this.cpuMs() - cpu;
    // each date's span of ids widened to take in the article's
    const extendDay = this.sql('INSERT INTO attribution_days (date, first, last) VALUES (?, ?, ?) ON CONFLICT (date) DO UPDATE SET first = min(first, excluded.first), last = max(last, excluded.last)');
    for (const [date, { first, last }] of days) extendDay.run(date, first, last);
    const insertTime = this.sql('INSERT INTO times (article, start, "end", text, value, certainty) VALUES (?, ?, ?, ?, ?, ?)');
    for (const t of item.times) insertTime.run(pk, t.start, t.end, t.text, t.value, t.certainty);
    return { articleId: article.id, status: existing ? 'replaced' : 'new', attributions: item.attributions.length, newPeople: created };
  }

  /**
   * Matches the article's people to the corpus's; returns entity id → person id, and how many are new
   * (who gets no identity is personWrites' decision).
   */
  private matchArticlePeople(pk: number, people: readonly PreparedPerson[]): { persons: Map<string, number>; created: number } {
    const plan = peopleToMatch(people);
    const persons = new Map<string, number>();
    if (people.length === 0) return { persons, created: 0 };
    const candidates = plan.groups.map(({ keys }) =>
      (this.sql('SELECT DISTINCT person_id FROM person_keys WHERE key IN (SELECT value FROM json_each(?))').all(JSON.stringify(keys)) as { person_id: number }[]).map((r) => this.profiled(r.person_id)),
    );
    const matches = matchGroups(plan, candidates);
    let created = 0;
    for (const write of personWrites(plan, matches)) {
      let id: number;
      if (write.id !== undefined) {
        id = write.id;
        this.sql('UPDATE persons SET name = ? WHERE id = ?').run(write.name, id);
      } else {
        id = Number(this.sql('INSERT INTO persons (name) VALUES (?)').run(write.name).lastInsertRowid);
        created++;
      }
      persons.set(write.entity, id);
      if (this.changes(id, write)) this.profiles.delete(id);
      const insertName = this.sql('INSERT OR IGNORE INTO person_names (person_id, name) VALUES (?, ?)');
      for (const name of write.names) insertName.run(id, name);
      const insertKey = this.sql('INSERT OR IGNORE INTO person_keys (key, person_id) VALUES (?, ?)');
      for (const key of write.keys) insertKey.run(key, id);
      const insertRole = this.sql('INSERT OR IGNORE INTO person_roles (person_id, role, article) VALUES (?, ?, ?)');
      const insertRoleName = this.sql('INSERT OR IGNORE INTO person_role_names (person_id, role) VALUES (?, ?)');
      for (const role of write.roles) {
        insertRole.run(id, role, pk);
        insertRoleName.run(id, role);
      }
    }
    return { persons, created };
  }

  /** Whether writing a person's name, name forms and roles changes what the cache holds for `id`. */
  private changes(id: number, write: PersonWrite): boolean {
    const cached = this.profiles.get(id)?.person;
    if (!cached) return false;
    return cached.name !== write.name || write.names.some((n) => !cached.variants.includes(n)) || write.roles.some((r) => !cached.roles.includes(r));
  }

  /** A known person with its names read, from the cache or read now and kept. */
  private profiled(id: number): ProfiledPerson {
    let profiled = this.profiles.get(id);
    if (profiled) this.profiles.delete(id);
    else profiled = profileKnown(this.knownPerson(id));
    this.profiles.set(id, profiled);
    if (this.profiles.size > MAX_PROFILES) this.profiles.delete(this.profiles.keys().next().value!);
    return profiled;
  }

  private knownPerson(id: number): KnownPerson {
    const { name } = this.sql('SELECT name FROM persons WHERE id = ?').get(id) as { name: string };
    const variants = (this.sql('SELECT name FROM person_names WHERE person_id = ?').all(id) as { name: string }[]).map((r) => r.name);
    const roles = (this.sql('SELECT role FROM person_role_names WHERE person_id = ?').all(id) as { role: string }[]).map((r) => r.role);
    return { id, name, variants, roles };
  }

  /** The statements sharing the most band keys with `bands`, with the words each traced and its group. */
  private copyCandidates(bands: readonly string[]): { id: number; text: string; group_id: number }[] {
    return this.sql(
      `SELECT a.id, a.copy_text AS text, a.group_id FROM (
         SELECT attribution_id, count(*) AS shared FROM copy_bands WHERE band IN (SELECT value FROM json_each(?))
         GROUP BY attribution_id ORDER BY shared DESC, attribution_id LIMIT ${MAX_COPY_CANDIDATES}
       ) c JOIN attributions a ON a.id = c.attribution_id ORDER BY c.shared DESC, a.id`,
    ).all(JSON.stringify(bands)) as { id: number; text: string; group_id: number }[];
  }

  /** Puts a new attribution in the group of the statement it copies, or starts a group with it. */
  private groupCopy(id: number, { text, bands }: TracedWords, published: string | null): void {
    if (bands.length === 0) return;
    const match = this.copyCandidates(bands).find((c) => sameStatement(c.text, text));
    if (match) {
      this.sql('UPDATE attributions SET group_id = ? WHERE id = ?').run(match.group_id, id);
      const first = this.sql(
        'SELECT ar.published_at FROM copy_groups g JOIN attributions a ON a.id = g.first JOIN articles ar ON ar.pk = a.article WHERE g.id = ?',
      ).get(match.group_id) as { published_at: string | null };
      if (isEarlierCopy(published, first.published_at)) this.sql('UPDATE copy_groups SET first = ? WHERE id = ?').run(id, match.group_id);
      return;
    }
    const group = Number(this.sql('INSERT INTO copy_groups (first) VALUES (?)').run(id).lastInsertRowid);
    this.sql('UPDATE attributions SET group_id = ? WHERE id = ?').run(group, id);
    indexBands((text) => this.sql(text), id, bands);
  }

  /** Removes an article and everything derived from it; the groups it was in keep their other copies. */
  private deleteArticle(pk: number): void {
    const groups = (this.sql('SELECT DISTINCT group_id FROM attributions WHERE article = ? AND group_id IS NOT NULL').all(pk) as { group_id: number }[]).map((r) => r.group_id);
    this.sql('DELETE FROM copy_bands WHERE attribution_id IN (SELECT id FROM attributions WHERE article = ?)').run(pk);
    this.sql('DELETE FROM attributions WHERE article = ?').run(pk);
    this.sql('DELETE FROM times WHERE article = ?').run(pk);
    this.sql('DELETE FROM person_roles WHERE article = ?').run(pk);
    this.sql('DELETE FROM articles WHERE pk = ?').run(pk);
    for (const group of groups) this.repairGroup(group);
  }

  /** After copies left a group: drops it when empty, else re-picks its first copy and re-indexes its bands. */
  private repairGroup(group: number): void {
    const members = this.sql(
      `SELECT a.id, a.copy_text AS text FROM attributions a JOIN articles ar ON ar.pk = a.article WHERE a.group_id = ?
       ORDER BY ar.published_at IS NULL, substr(ar.published_at, 1, 10), a.id`,
    ).all(group) as { id: number; text: string }[];
    if (members.length === 0) {
      this.sql('DELETE FROM copy_groups WHERE id = ?').run(group);
      return;
    }
    this.sql('UPDATE copy_groups SET first = ? WHERE id = ?').run(members[0].id, group);
    const indexed = this.sql('SELECT 1 FROM copy_bands WHERE attribution_id IN (SELECT id FROM attributions WHERE group_id = ?) LIMIT 1').get(group);
    if (indexed) return;
    indexBands((text) => this.sql(text), members[0].id, fingerprint(members[0].text).bands);
  }

  async search(query: string, filters: Filters = {}): Promise<SearchResult> {
    const match = toMatchExpression(query);
    const limit = filters.limit ?? DEFAULT_SEARCH_LIMIT;
    const { top, passing } = this.rankedIds(match, filters, limit);
    const capped = passing > RANKED_MATCHES;
    const counts = { ranked: Math.min(passing, RANKED_MATCHES), capped };
    // counted only when it tells more than `ranked` does: a phrase's count reads every row that holds it
    if (capped) Object.assign(counts, { matches: (this.sql('SELECT count(*) AS n FROM attributions_fts WHERE attributions_fts MATCH ?').get(match) as { n: number }).n });
    if (top.length === 0) return { hits: [], ...counts };
    const rows = new Map(
      (this.sql(`SELECT ${ATTRIBUTION_COLUMNS} FROM attributions a ${ATTRIBUTION_JOINS} WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(top.map((r) => r.id))) as AttributionRowDb[]).map((r) => [r.id, r]),
    );
    const hits = top.map(({ id, rank }) => {
      const stored = toStored(rows.get(id)!);
      return { ...stored, ...highlight(stored.text, query), rank };
    });
    return { hits, ...counts };
  }

  /**
   * The best `limit` of the newest RANKED_MATCHES matches passing the filters, best first by FTS5's
   * bm25 (its weights are the whole corpus's: only the set ranked is bounded), and how many matches
   * passed the filters (counted up to RANKED_MATCHES + 1, which says whether there were more). FTS5
   * reads the matches newest first and stops at the bound, so a common word costs what a rarer one does:
   * - each match's type, kind, date and outlet are read from a narrow index by id (migration 4), not
   *   from its row;
   * - dates also bound the ids FTS5 reads to those of the first and last attribution in the span, read
   *   from each day's span of ids (`attribution_days`; a short stretch when articles arrive in date order);
   * - a speaker's ids are set aside by index first, and each match is probed against them.
   */
  private rankedIds(match: string, filters: Filters, limit: number): { top: { id: number; rank: number }[]; passing: number } {
    const { speaker, ...checked } = filters;
    const { sql, params } = filterClauses(checked);
    const rowid = 'attributions_fts.rowid';
    const narrowing: string[] = [];
    const narrowingParams: unknown[] = [];
    if (speaker !== undefined) {
      // "+rowid": the set is probed for each match, never handed to FTS5 (which would run the query once per id)
      narrowing.push(`+${rowid} IN (${SPEAKER_IDS})`);
      narrowingParams.push(speaker, speaker);
    }
    if (filters.from !== undefined || filters.to !== undefined) {
      const bounds = [filters.from !== undefined && 'date >= ?', filters.to !== undefined && 'date <= ?'].filter((b) => b !== false);
      const span = this.sql(`SELECT min(first) AS first, max(last) AS last FROM attribution_days WHERE ${bounds.join(' AND ')}`).get(...[filters.from, filters.to].filter((d) => d !== undefined)) as { first: number | null; last: number | null };
      if (span.first === null || span.last === null) return { top: [], passing: 0 };
      narrowing.push(`${rowid} >= ? AND ${rowid} <= ?`);
      narrowingParams.push(span.first, span.last);
    }
    const join = sql.length > 0 ? 'CROSS JOIN attributions a INDEXED BY attributions_search_filter ON a.id = attributions_fts.rowid' : '';
    const where = [`attributions_fts MATCH ?`, ...narrowing, ...sql].join(' AND ');
    // bm25() rather than FTS5's rank column: the same value, but rank's own sorter scores each row twice;
    // the newest RANKED_MATCHES + 1 are read, and the oldest of them ranked only when there is no more
    const rows = this.sql(
      `WITH newest AS MATERIALIZED (
         SELECT ${rowid} AS id, bm25(attributions_fts) AS rank FROM attributions_fts ${join} WHERE ${where}
         ORDER BY ${rowid} DESC LIMIT ${RANKED_MATCHES + 1}),
       read AS (SELECT count(*) AS n, min(id) AS oldest FROM newest)
       SELECT newest.id, newest.rank, read.n FROM newest, read WHERE read.n <= ${RANKED_MATCHES} OR newest.id > read.oldest
       ORDER BY newest.rank, newest.id LIMIT ?`,
    ).all(match, ...narrowingParams, ...params, limit) as { id: number; rank: number; n: number }[];
    return { top: rows.map(({ id, rank }) => ({ id, rank })), passing: rows[0]?.n ?? 0 };
  }

  async *export(filters: Filters & { query?: string } = {}): AsyncIterable<StoredAttribution> {
    const { sql, params } = filterClauses(filters);
    const match = filters.query !== undefined ? toMatchExpression(filters.query) : undefined;
    if (match !== undefined) {
      sql.unshift('a.id IN (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?)');
      params.unshift(match);
    }
    const statement = this.sql(
      `SELECT ${ATTRIBUTION_COLUMNS} FROM attributions a ${ATTRIBUTION_JOINS}
       ${sql.length > 0 ? `WHERE ${sql.join(' AND ')}` : ''} ORDER BY a.date IS NULL, a.date, a.id LIMIT ?`,
    );
    // rows are read one at a time, so an export of the whole corpus runs in constant memory
    for (const row of statement.iterate(...params, filters.limit ?? -1) as IterableIterator<AttributionRowDb>) yield toStored(row);
  }

  async speakers(filters: Omit<Filters, 'speaker' | 'type' | 'kind'> = {}): Promise<SpeakerSummary[]> {
    const { sql, params } = filterClauses({ ...filters, type: 'statement' });
    const rows = this.sql(
      `SELECT p.id AS person_id, p.name, count(*) AS statements, count(DISTINCT a.article) AS articles,
         count(DISTINCT ar.outlet) AS outlets, min(a.date) AS first, max(a.date) AS last
       FROM attributions a JOIN persons p ON p.id = a.person_id JOIN articles ar ON ar.pk = a.article
       WHERE ${sql.join(' AND ')}
       GROUP BY p.id ORDER BY statements DESC, p.name LIMIT ?`,
    ).all(...params, filters.limit ?? -1) as SpeakerRowDb[];
    return rows.map(toSpeakerSummary);
  }

  async stats(filters: StatsFilters = {}): Promise<CorpusStats> {
    return corpusStats({ sql: (text) => this.sql(text), clauses: filterClauses }, filters);
  }

  async speaker(name: string): Promise<SpeakerProfile[]> {
    const given = name.trim();
    const named = this.sql('SELECT DISTINCT person_id FROM person_names WHERE name = ? COLLATE NOCASE').all(given) as { person_id: number }[];
    // a bare surname ("Bell") also names everyone known by it, whether or not an article used it alone
    const keys = /\s/.test(given) ? [] : personKeys({ name: given, variants: [given] });
    const surnamed = keys.length === 0 ? [] : (this.sql('SELECT DISTINCT person_id FROM person_keys WHERE key IN (SELECT value FROM json_each(?))').all(JSON.stringify(keys)) as { person_id: number }[]);
    const ids = [...new Set([...named, ...surnamed].map((r) => r.person_id))].sort((a, b) => a - b);
    return ids.map((id) => {
      const roles = this.sql(
        `SELECT r.role, min(substr(ar.published_at, 1, 10)) AS first, max(substr(ar.published_at, 1, 10)) AS last, count(*) AS articles
         FROM person_roles r JOIN articles ar ON ar.pk = r.article WHERE r.person_id = ? GROUP BY r.role ORDER BY first IS NULL, first, r.role`,
      ).all(id) as RoleRowDb[];
      const timeline = this.sql(`SELECT ${ATTRIBUTION_COLUMNS} FROM attributions a ${ATTRIBUTION_JOINS} WHERE a.person_id = ? ORDER BY a.date IS NULL, a.date, a.id`).all(id) as AttributionRowDb[];
      return toProfile(this.knownPerson(id), roles, timeline);
    });
  }

  async trace(target: string | number): Promise<Trace | undefined> {
    const group = typeof target === 'number' ? this.groupOfAttribution(target) : this.groupOfText(target);
    if (group === undefined) return undefined;
    const rows = this.sql(
      `SELECT ${ATTRIBUTION_COLUMNS}, a.copy_text FROM attributions a ${ATTRIBUTION_JOINS} WHERE a.group_id = ?
       ORDER BY ar.published_at IS NULL, substr(ar.published_at, 1, 10), a.id`,
    ).all(group) as (AttributionRowDb & { copy_text: string })[];
    if (rows.length === 0) return undefined;
    return { groupId: group, copies: toCopies(rows) };
  }

  private groupOfAttribution(id: number): number | undefined {
    const row = this.sql('SELECT group_id FROM attributions WHERE id = ?').get(id) as { group_id: number | null } | undefined;
    return row?.group_id ?? undefined;
  }

  /** The group whose statement the text is (verified on the words), else the best search hit's group. */
  private groupOfText(text: string): number | undefined {
    const { bands } = fingerprint(text);
    if (bands.length > 0) {
      const match = this.copyCandidates(bands).find((c) => sameStatement(c.text, text));
      if (match) return match.group_id;
    }
    const hit = this.sql(
      `SELECT a.group_id FROM attributions_fts JOIN attributions a ON a.id = attributions_fts.rowid
       WHERE attributions_fts MATCH ? AND a.group_id IS NOT NULL ORDER BY bm25(attributions_fts), a.id LIMIT 1`,
    ).get(toMatchExpression(text)) as { group_id: number } | undefined;
    return hit?.group_id;
  }

  async counts(): Promise<Counts> {
    const one = (sql: string) => (this.sql(sql).get() as { n: number }).n;
    return {
      articles: one('SELECT count(*) AS n FROM articles'),
      attributions: one('SELECT count(*) AS n FROM attributions'),
      people: one('SELECT count(*) AS n FROM persons'),
      sharedStatements: one('SELECT count(*) AS n FROM (SELECT group_id FROM attributions WHERE group_id IS NOT NULL GROUP BY group_id HAVING count(*) > 1)'),
    };
  }

  async analysis(articleId: string): Promise<Analysis | undefined> {
    const row = this.sql('SELECT analysis FROM articles WHERE id = ?').get(articleId) as { analysis: string } | undefined;
    return row ? (JSON.parse(row.analysis) as Analysis) : undefined;
  }

  async check(): Promise<string[]> {
    const problems: string[] = [];
    const integrity = this.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    try {
      this.db.prepare("INSERT INTO attributions_fts (attributions_fts, rank) VALUES ('integrity-check', 1)").run();
    } catch (error) {
      problems.push(`full-text index out of step: ${(error as Error).message}`);
    }
    const keys = this.db.pragma('foreign_key_check') as unknown[];
    if (keys.length > 0) problems.push(`${keys.length} rows point at rows that do not exist`);
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const partial = count(
      'SELECT count(*) AS n FROM articles ar WHERE json_array_length(ar.analysis, \'$.attributions\') != (SELECT count(*) FROM attributions a WHERE a.article = ar.pk)',
    );
    if (partial > 0) problems.push(`${partial} articles whose stored attributions differ from their analysis`);
    const orphanGroups = count('SELECT count(*) AS n FROM copy_groups g WHERE NOT EXISTS (SELECT 1 FROM attributions a WHERE a.group_id = g.id)');
    if (orphanGroups > 0) problems.push(`${orphanGroups} copy groups without copies`);
    return problems;
  }

  /**
   * The corpus's version as this connection sees it: it changes whenever this connection or any other
   * (another process's included) commits, so an answer computed at one version is stale at another.
   */
  version(): string {
    return `${this.commits}:${String(this.sql('PRAGMA data_version').pluck().get())}`;
  }

  /** Moves the write-ahead log into the database file (for measuring the file's size). */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.db.close();
  }
}

/** Opens (creating and migrating) the SQLite corpus at `file`. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(file, options);
}
