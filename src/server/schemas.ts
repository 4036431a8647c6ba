/**
 * The zod schemas that validate requests: the same schemas generate the OpenAPI document (openapi.ts),
 * so what the document says is what the server checks.
 */
import { z } from 'zod';
import { AttributionType } from '../core/analysis.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

const content = {
  text: z.string().min(1).optional().describe('The article as plain text.'),
  html: z.string().min(1).optional().describe('The article as an HTML page.'),
  url: z.url({ protocol: /^https?$/ }).optional().describe('The address of an HTML page to fetch.'),
  publishedAt: z.string().regex(ISO_DATE, 'expected an ISO date such as 2025-11-13').optional().describe('The reference date for relative dates ("yesterday").'),
  id: z.string().min(1).max(500).optional(),
};

function exactlyOne(value: { text?: string; html?: string; url?: string }): boolean {
  return [value.text, value.html, value.url].filter((v) => v !== undefined).length === 1;
}
const ONE_OF = { message: 'give exactly one of text, html or url' };

/** `POST /api/analyze`: `{text | html | url, publishedAt?, id?}`. */
export const AnalyzeRequest = z.strictObject(content).refine(exactlyOne, ONE_OF);
export type AnalyzeRequest = z.infer<typeof AnalyzeRequest>;

/**
 * `POST /api/articles`: an article to analyse and keep, with what is known about it. With `text` or
 * `html`, `url` is the article's address and is not fetched; alone, `url` is fetched.
 */
export const ArticleRequest = z
  .strictObject({ ...content, url: content.url.describe('The article\'s address: fetched when neither text nor html is given.'), outlet: z.string().min(1).max(500).optional(), title: z.string().max(2000).optional() })
  .refine((v) => (v.text === undefined) !== (v.html === undefined) || (v.text === undefined && v.html === undefined && v.url !== undefined), { message: 'give text, html or url (and not both text and html)' });
export type ArticleRequest = z.infer<typeof ArticleRequest>;

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2025-11-13');

/** `GET /api/search` query parameters. */
export const SearchQuery = z.strictObject({
  q: z.string().min(1).max(1000).describe('Words to find; "quoted phrases", OR, -excluded.'),
  speaker: z.string().min(1).max(200).optional(),
  outlet: z.string().min(1).max(200).optional(),
  from: DAY.optional(),
  to: DAY.optional(),
  type: z.union([AttributionType, z.literal('all')]).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().regex(/^\d{1,6}$/, 'expected a cursor from a previous page').optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** `GET /api/speakers` query parameters. */
export const SpeakersQuery = z.strictObject({
  outlet: z.string().min(1).max(200).optional(),
  from: DAY.optional(),
  to: DAY.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** `GET /api/stats` query parameters. */
export const StatsQuery = SpeakersQuery.omit({ limit: true });

/** `?all=1` on analyze. */
export const AnalyzeQuery = z.strictObject({ all: z.enum(['0', '1']).optional() });

/** A numeric id in a path. */
export const IdParam = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
