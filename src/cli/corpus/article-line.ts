/**
 * One JSON line of `whosaid ingest --jsonl`: what `extract --jsonl` takes ({id, text | html | url,
 * publishedAt}) and what the corpus keeps about an article besides: `outlet`, `title`, and `url` as the
 * article's address when `text` or `html` carries its content (a `url` alone is fetched). Pure; a bad
 * line is a message, never an exception.
 */
import { z } from 'zod';
import { checkReferenceDate } from '../dates.js';

const ArticleLine = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().optional(),
  publishedAt: z.string().optional(),
  outlet: z.string().optional(),
  title: z.string().optional(),
});

export interface ArticleMeta {
  outlet?: string;
  title?: string;
  url?: string;
}

export type ArticleLineRequest =
  | { ok: true; id?: string; source: 'text' | 'html' | 'url'; value: string; publishedAt?: string; meta: ArticleMeta }
  | { ok: false; id: string | null; problem: string };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'a string' : typeof value;
}

export function parseArticleLine(raw: string): ArticleLineRequest {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { ok: false, id: null, problem: `invalid JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, id: null, problem: `expected a JSON object, found ${describe(value)}` };
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : null;
  const parsed = ArticleLine.safeParse(value);
  if (!parsed.success) {
    const key = String(parsed.error.issues[0].path[0] ?? '');
    return { ok: false, id, problem: `expected ${key === 'id' ? 'a string or number' : 'a string'} \`${key}\`, found ${describe(record[key])}` };
  }
  const line = parsed.data;
  const content = (['text', 'html'] as const).filter((k) => line[k] !== undefined);
  if (content.length > 1) return { ok: false, id, problem: 'expected one of `text` or `html`, found both' };
  if (content.length === 0 && line.url === undefined) return { ok: false, id, problem: 'expected one of `text`, `html` or `url`, found none' };
  if (line.publishedAt !== undefined) {
    const problem = checkReferenceDate(line.publishedAt);
    if (problem) return { ok: false, id, problem: `\`publishedAt\`: ${problem}` };
  }
  const source: 'text' | 'html' | 'url' = content.length > 0 ? content[0] : 'url';
  const meta: ArticleMeta = {
    ...(line.outlet !== undefined && { outlet: line.outlet }),
    ...(line.title !== undefined && { title: line.title }),
    ...(line.url !== undefined && { url: line.url }),
  };
  return {
    ok: true,
    ...(id !== null && { id }),
    source,
    value: line[source] as string,
    ...(line.publishedAt !== undefined && { publishedAt: line.publishedAt }),
    meta,
  };
}
