/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas that validate the requests
 * (schemas.ts) and the analysis schema (src/core/analysis.ts), so the document cannot drift from what the
 * server checks.
 */
import { z } from 'zod';
import { Analysis } from '../core/analysis.js';
import { AnalyzeQuery, AnalyzeRequest, ArticleRequest, SearchQuery, SpeakersQuery, StatsQuery } from './schemas.js';

const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function schema(s: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(s: z.ZodObject, where: 'query' | 'path' = 'query'): unknown[] {
  return Object.entries(s.shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    schema: schema(field as z.ZodType),
  }));
}

const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'an error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]));
const json = (description: string, body: Record<string, unknown> = { type: 'object' }) => ({ description, content: { 'application/json': { schema: body } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'whosaid', version, description: 'Who said what, to whom, when, and according to whom.' },
    paths: {
      '/api/health': { get: { summary: 'The server is up', responses: { '200': json('status'), ...errors(503) } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': json('the document') } } },
      '/api/analyze': {
        post: {
          summary: 'Analyse one article (text, HTML or a URL); the same JSON as whosaid extract',
          parameters: parameters(AnalyzeQuery),
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/AnalyzeRequest' } } } },
          responses: { '200': json('the analysis', { $ref: '#/components/schemas/Analysis' }), ...errors(400, 413, 415, 422, 429, 503, 504) },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Analyse one article and keep it in the corpus',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ArticleRequest' } } } },
          responses: { '201': json('stored'), '200': json('already stored, or replaced'), ...errors(400, 413, 415, 422, 429, 503, 504) },
        },
      },
      '/api/search': { get: { summary: 'Search the corpus', parameters: parameters(SearchQuery), responses: { '200': json('the best hits among the matches ranked (the newest 1,000 that pass the filters, when more pass), how many matches passing the filters were ranked (ranked), whether more passed (capped) and then how many attributions the words match in all (matches), and the next cursor'), ...errors(400, 503) } } },
      '/api/speakers': { get: { summary: 'The people quoted, most quoted first', parameters: parameters(SpeakersQuery), responses: { '200': json('speakers'), ...errors(400, 503) } } },
      '/api/stats': { get: { summary: 'Figures for charts: attributions by type, statements per day, the most quoted by outlet and by month', parameters: parameters(StatsQuery), responses: { '200': json('the figures'), ...errors(400, 503) } } },
      '/api/speakers/{id}': { get: { summary: "A speaker's roles and timeline", parameters: [idParam], responses: { '200': json('the speaker'), ...errors(404, 503) } } },
      '/api/attributions/{id}': { get: { summary: 'One stored attribution', parameters: [idParam], responses: { '200': json('the attribution'), ...errors(404, 503) } } },
      '/api/attributions/{id}/trace': { get: { summary: "A statement's copies across outlets, word by word", parameters: [idParam], responses: { '200': json('the trace'), ...errors(404, 503) } } },
    },
    components: {
      schemas: {
        AnalyzeRequest: schema(AnalyzeRequest),
        ArticleRequest: schema(ArticleRequest),
        Analysis: schema(Analysis),
        Error: schema(ErrorResponse),
      },
    },
  };
}
