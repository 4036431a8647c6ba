/**
 * Small analysed articles for store tests, written by the team: each paragraph one attribution, built
 * into an analysis with real offsets, so that store tests do not depend on what the engine finds today.
 */
import { ANALYSIS_VERSION, type Analysis, type AttributionType, type Entity, type QuoteKind } from '../core/analysis.js';
import { hashText } from './rows.js';
import type { ArticleRecord } from './store.js';

export interface TestPerson {
  /** The fullest name in the article. */
  name: string;
  /** Other forms the article uses ("Pompeo"). */
  also?: string[];
  roles?: string[];
}

export interface TestQuote {
  /** The index of the speaker in `people`, or a name for a speaker that is not a person entity. */
  speaker?: number | string;
  text: string;
  type?: AttributionType;
  kind?: QuoteKind;
  saidOn?: string;
}

export interface TestArticle {
  id: string;
  outlet?: string;
  title?: string;
  url?: string;
  publishedAt?: string;
  people?: TestPerson[];
  quotes: TestQuote[];
}

/** The article record and analysis of a test article. */
export function buildArticle(spec: TestArticle): { article: ArticleRecord; analysis: Analysis } {
  let text = '';
  const people = spec.people ?? [];
  const entities: Entity[] = people.map((p, i) => ({ id: `e${i + 1}`, type: 'person', name: p.name, mentions: [] }));
  const add = (s: string) => {
    const start = text.length;
    text += s;
    return { start, end: text.length, text: s };
  };
  // a first paragraph that introduces everyone with their roles: "Secretary of State Mike Pompeo spoke."
  people.forEach((p, i) => {
    if (p.roles?.length) entities[i].roles = p.roles.map((r) => add(`${r} `));
    entities[i].mentions.push(add(p.name));
    add(' spoke. ');
    for (const other of p.also ?? []) {
      entities[i].mentions.push(add(other));
      add(' was there. ');
    }
  });
  if (text !== '') add('\n');
  const attributions = spec.quotes.map((q, i) => {
    const speakerName = typeof q.speaker === 'number' ? (people[q.speaker].also?.at(-1) ?? people[q.speaker].name) : q.speaker;
    const mention = speakerName !== undefined ? add(speakerName) : undefined;
    const cue = add(mention ? ' said, ' : 'It was said, ');
    add('“');
    const content = add(q.text);
    add('”\n');
    return {
      id: `a${i + 1}`,
      type: q.type ?? 'statement',
      kind: q.kind ?? 'direct',
      content: [{ start: content.start, end: content.end }],
      text: q.text,
      speaker: {
        ...(mention && { mention }),
        ...(typeof q.speaker === 'number' && { entity: `e${q.speaker + 1}`, name: people[q.speaker].name }),
        ...(typeof q.speaker === 'string' && { name: q.speaker }),
      },
      cue: { start: cue.start + 1, end: cue.start + 5, text: 'said' },
      ...(q.saidOn !== undefined && { saidOn: q.saidOn }),
      confidence: 0.9,
      reasons: ['test'],
    };
  });
  const analysis: Analysis = {
    version: ANALYSIS_VERSION,
    id: spec.id,
    ...(spec.publishedAt !== undefined && { publishedAt: spec.publishedAt }),
    attributions,
    entities,
    times: [],
    diagnostics: [],
  };
  const article: ArticleRecord = {
    id: spec.id,
    text,
    sourceHash: hashText(text),
    ...(spec.outlet !== undefined && { outlet: spec.outlet }),
    ...(spec.title !== undefined && { title: spec.title }),
    ...(spec.url !== undefined && { url: spec.url }),
    ...(spec.publishedAt !== undefined && { publishedAt: spec.publishedAt }),
  };
  return { article, analysis };
}
