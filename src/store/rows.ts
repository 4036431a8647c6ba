/**
 * What a store keeps of one analysed article, as plain rows: the people it names (for people.ts to match
 * against the corpus), its attributions with their speakers, and its time expressions. Pure, so every
 * store derives the same rows from the same analysis.
 */
import { createHash } from 'node:crypto';
import type { Analysis, AttributionType, QuoteKind } from '../core/analysis.js';
import type { PersonInArticle } from '../corpus/people.js';

/** sha256 of a text, hex: the content hash of an article and the source hash of an input. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface ArticlePerson extends PersonInArticle {
  /** The entity id in the analysis ("e3"). */
  entity: string;
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

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** The person entities of an analysis: fullest name, every name form used, roles. */
export function peopleOf(analysis: Analysis): ArticlePerson[] {
  return analysis.entities
    .filter((e) => e.type === 'person')
    .map((e) => ({ entity: e.id, name: e.name, variants: unique([e.name, ...e.mentions.map((m) => m.text)]), roles: unique((e.roles ?? []).map((r) => r.text)) }));
}

/** The day part of an ISO date or date-time, where it has one. */
export function dayOf(iso: string | undefined): string | undefined {
  const m = iso === undefined ? null : /^\d{4}-\d{2}-\d{2}/.exec(iso);
  return m ? m[0] : undefined;
}

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
