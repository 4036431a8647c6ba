/**
 * What a store keeps of one analysed article's attributions, as plain rows with their speakers and dates
 * (the people and the statements to trace come from src/corpus/from-analysis.ts), made once by
 * `prepareArticle` (prepare.ts) for every store; and the rules every store's copy groups follow.
 */
import { createHash } from 'node:crypto';
import type { Analysis, AttributionType, QuoteKind } from '../core/analysis.js';

/** sha256 of a text, hex: the content hash of an article and the source hash of an input. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface AttributionRow {
  localId: string;
  type: AttributionType;
  kind: QuoteKind;
  text: string;
  speakerName?: string;
  speakerMention?: string;
  /** The person entity the speaker is, where it is one. */
  speakerEntity?: string;
  cue?: string;
  saidOn?: string;
  /** saidOn, else the publication date (YYYY-MM-DD). */
  date?: string;
  confidence: number;
}

/** The day part of an ISO date or date-time, where it has one. */
export function dayOf(iso: string | undefined): string | undefined {
  const m = iso === undefined ? null : /^\d{4}-\d{2}-\d{2}/.exec(iso);
  return m ? m[0] : undefined;
}

/**
 * Most candidate copies verified on the words for one statement, those sharing the most bands first: a
 * true copy shares most of its bands, and each check costs about as much as the fingerprint.
 */
export const MAX_COPY_CANDIDATES = 4;

/** Most statements one band key lists; a band that common is left out of later statements' keys. */
export const MAX_BAND_POSTINGS = 32;

/**
 * Whether a copy published on `day` becomes its group's first copy, ahead of one published at
 * `firstPublishedAt`: a dated copy goes ahead of an undated one and of a later one.
 */
export function isEarlierCopy(day: string | null, firstPublishedAt: string | null): boolean {
  const firstDay = dayOf(firstPublishedAt ?? undefined) ?? null;
  return day !== null && (firstDay === null || day < firstDay);
}

/** The rows a store keeps of an analysis' attributions, in document order. */
export function attributionRowsOf(analysis: Analysis, publishedAt: string | undefined): AttributionRow[] {
  const persons = new Set(analysis.entities.filter((e) => e.type === 'person').map((e) => e.id));
  const published = dayOf(publishedAt);
  return analysis.attributions.map((a) => {
    const speakerName = a.speaker.name ?? a.speaker.mention?.text;
    const date = dayOf(a.saidOn) ?? published;
    return {
      localId: a.id,
      type: a.type,
      kind: a.kind,
      text: a.text,
      ...(speakerName !== undefined && { speakerName }),
      ...(a.speaker.mention !== undefined && { speakerMention: a.speaker.mention.text }),
      ...(a.speaker.entity !== undefined && persons.has(a.speaker.entity) && { speakerEntity: a.speaker.entity }),
      ...(a.cue !== undefined && { cue: a.cue.text }),
      ...(a.saidOn !== undefined && { saidOn: a.saidOn }),
      ...(date !== undefined && { date }),
      confidence: a.confidence,
    };
  });
}
