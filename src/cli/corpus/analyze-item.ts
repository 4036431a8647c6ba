/**
 * The analysis step of ingest: one input in, the article record and analysis the store keeps out. One
 * call per article, so that a worker pool (src/parallel, `--jobs`) can take this call's place.
 */
import type { Analysis } from '../../core/analysis.js';
import type { ArticleRecord } from '../../store/store.js';
import type { Services } from '../services.js';
import { analyzeSource, type Source } from '../sources.js';
import type { ArticleMeta } from './article-line.js';

export interface IngestItem {
  source: Source;
  /** What the input said about the article besides its content (a JSON line's or sidecar's fields). */
  meta: ArticleMeta;
  /** The corpus id of the article. */
  id: string;
  sourceHash: string;
}

function stringField(metadata: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = metadata?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Analyses an item; the record takes the input's own metadata first, then what the page said. */
export async function analyzeItem(item: IngestItem, services: Services): Promise<{ article: ArticleRecord; analysis: Analysis }> {
  const analysis = await analyzeSource(item.source, services);
  const page = analysis.metadata;
  const outlet = item.meta.outlet ?? stringField(page, 'outlet');
  const title = item.meta.title ?? stringField(page, 'title');
  const url = item.meta.url ?? stringField(page, 'canonicalUrl') ?? (item.source.kind === 'url' ? item.source.value : undefined);
  const publishedAt = analysis.publishedAt;
  const article: ArticleRecord = {
    id: item.id,
    text: analysis.text ?? item.source.value,
    sourceHash: item.sourceHash,
    ...(outlet !== undefined && { outlet }),
    ...(title !== undefined && { title }),
    ...(url !== undefined && { url }),
    ...(publishedAt !== undefined && { publishedAt }),
  };
  return { article, analysis };
}
