/**
 * Result shaping shared by every SQL store: the columns an attribution is read with (plain SQL that
 * SQLite and PostgreSQL both run), and the rows turned into the Store interface's plain results. Pure.
 */
import type { AttributionType, QuoteKind } from '../core/analysis.js';
import { isVariant, wordDiff } from '../corpus/copies.js';
import type { KnownPerson } from '../corpus/people.js';
import type { Copy, SpeakerProfile, SpeakerSummary, StoredAttribution } from './store.js';

/** An attribution as ATTRIBUTION_COLUMNS reads it. */
export interface AttributionRowDb {
  id: number;
  local_id: string;
  type: AttributionType;
  kind: QuoteKind;
  text: string;
  speaker_name: string | null;
  speaker_mention: string | null;
  person_id: number | null;
  person_name: string | null;
  cue: string | null;
  said_on: string | null;
  confidence: number;
  article_id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published_at: string | null;
}

/** The select list of an attribution with its article and person (`a`, `ar`, `p` of ATTRIBUTION_JOINS). */
export const ATTRIBUTION_COLUMNS = `a.id, a.local_id, a.type, a.kind, a.text, a.speaker_name, a.speaker_mention, a.person_id,
  p.name AS person_name, a.cue, a.said_on, a.confidence, ar.id AS article_id, ar.title, ar.outlet, ar.url, ar.published_at`;
/** The joins ATTRIBUTION_COLUMNS reads from: `a` attributions, `ar` its article, `p` its person if any. */
export const ATTRIBUTION_JOINS = 'JOIN articles ar ON ar.pk = a.article LEFT JOIN persons p ON p.id = a.person_id';

/** An attribution row as the Store interface returns it: absent values omitted, the person's name first. */
export function toStored(row: AttributionRowDb): StoredAttribution {
  const speakerName = row.person_name ?? row.speaker_name;
  return {
    id: row.id,
    localId: row.local_id,
    type: row.type,
    kind: row.kind,
    text: row.text,
    ...(speakerName !== null && {
      speaker: { name: speakerName, ...(row.speaker_mention !== null && { mention: row.speaker_mention }), ...(row.person_id !== null && { personId: row.person_id }) },
    }),
    ...(row.cue !== null && { cue: row.cue }),
    ...(row.said_on !== null && { saidOn: row.said_on }),
    confidence: row.confidence,
    articleId: row.article_id,
    ...(row.title !== null && { title: row.title }),
    ...(row.outlet !== null && { outlet: row.outlet }),
    ...(row.url !== null && { url: row.url }),
    ...(row.published_at !== null && { publishedAt: row.published_at }),
  };
}

/** A group's copies, earliest first (as the rows come), each compared with the earliest's words. */
export function toCopies(rows: readonly (AttributionRowDb & { copy_text: string })[]): Copy[] {
  const earliest = rows[0]?.copy_text;
  return rows.map((row) => {
    const stored = toStored(row);
    const variant = row !== rows[0] && isVariant(earliest, row.copy_text);
    return {
      attributionId: row.id,
      articleId: stored.articleId,
      ...(stored.outlet !== undefined && { outlet: stored.outlet }),
      ...(stored.publishedAt !== undefined && { publishedAt: stored.publishedAt }),
      text: row.copy_text,
      ...(stored.speaker !== undefined && { speaker: stored.speaker.name }),
      variant,
      ...(variant && { diff: wordDiff(earliest, row.copy_text) }),
    };
  });
}

/** A row of the speakers summary query. */
export interface SpeakerRowDb {
  person_id: number;
  name: string;
  statements: number;
  articles: number;
  outlets: number;
  first: string | null;
  last: string | null;
}

/** A speakers row as the Store interface returns it. */
export function toSpeakerSummary(r: SpeakerRowDb): SpeakerSummary {
  return {
    personId: r.person_id,
    name: r.name,
    statements: r.statements,
    articles: r.articles,
    outlets: r.outlets,
    ...(r.first !== null && { first: r.first }),
    ...(r.last !== null && { last: r.last }),
  };
}

/** A row of a person's roles: the role, its first and last day, how many articles gave it. */
export interface RoleRowDb {
  role: string;
  first: string | null;
  last: string | null;
  articles: number;
}

/** A person's profile: names sorted, roles with their dates, the attributions in the order given. */
export function toProfile(person: KnownPerson, roles: readonly RoleRowDb[], timeline: readonly AttributionRowDb[]): SpeakerProfile {
  return {
    personId: person.id,
    name: person.name,
    variants: [...person.variants].sort(),
    roles: roles.map((r) => ({ role: r.role, ...(r.first !== null && { first: r.first }), ...(r.last !== null && { last: r.last }), articles: r.articles })),
    timeline: timeline.map(toStored),
  };
}
