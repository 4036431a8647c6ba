/**
 * The HTTP API and the page, as one hono app that runs in-process (`app.request()` in tests) or behind
 * a socket (serve.ts). Every failure is an ApiError turned into `{"error": {"code", "message"}}` in the
 * one `onError` below. The app owns no resources: the analyser, the corpus and the fetcher come in.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { z } from 'zod';
import type { Analysis } from '../core/analysis.js';
import { prepareArticle } from '../store/prepare.js';
import { QueryError } from '../store/query.js';
import type { ArticleRecord, SearchResult, Store } from '../store/store.js';
import type { Analyzer } from './analysis-pool.js';
import type { AnalysisJob } from './analysis-worker.js';
import { ApiError, toApiError, type ErrorBody } from './errors.js';
import { openApiDocument } from './openapi.js';
import { AnalyzeQuery, AnalyzeRequest, ArticleRequest, IdParam, SearchQuery, SpeakersQuery, StatsQuery } from './schemas.js';
import type { WebAssets } from './web-assets.js';

/** A page fetched for a URL: its final address and its HTML. */
export type PageFetcher = (url: string) => Promise<{ url: string; html: string }>;

export interface AppOptions {
  analyzer: Analyzer;
  /** The corpus; without one, the corpus routes answer 503. */
  store?: Store;
  fetchPage: PageFetcher;
  /** The largest request body accepted (default 5 MB). */
  maxBodyBytes?: number;
  /** True once the server is shutting down: new requests get 503. */
  isShuttingDown?: () => boolean;
  /** The built page; without it, `/` answers 404. */
  web?: WebAssets;
  version?: string;
  /** Told of each failure that became a 500 (the body names no internals; this is where they go). */
  onInternalError?: (error: unknown) => void;
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** The request's JSON body, checked against a schema: 415 when not JSON, 400 when unreadable, 422 when invalid. */
async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiError('request/unsupported-type', `expected a JSON body (Content-Type: application/json), found ${type === '' ? 'no Content-Type' : `"${type}"`}`);
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('request/bad-json', `the body is not JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('request/invalid', issues(parsed.error));
  return parsed.data;
}

function query<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new ApiError('request/bad-query', issues(parsed.error));
  return parsed.data;
}

function id(c: Context): number {
  const parsed = IdParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw new ApiError('request/not-found', `no such id "${c.req.param('id')}" (expected a positive integer)`);
  return parsed.data;
}

/**
 * The JSON of one page of a search's hits, made once for each answer and page: a store that keeps its
 * answers (pooled-store.ts) hands back the same array for the same question, so a repeated question costs
 * no serialization. Entries leave with their answer.
 */
const pages = new WeakMap<SearchResult, Map<string, string>>();
function searchPage(result: SearchResult, offset: number, limit: number): string {
  let made = pages.get(result);
  if (!made) pages.set(result, (made = new Map()));
  const { hits, matches, ranked, capped } = result;
  const key = `${offset}:${limit}`;
  let body = made.get(key);
  if (body === undefined) {
    const next = hits.length > offset + limit ? String(offset + limit) : undefined;
    body = JSON.stringify({ hits: hits.slice(offset, offset + limit), ranked, capped, ...(matches !== undefined && { matches }), ...(next !== undefined && { nextCursor: next }) });
    made.set(key, body);
  }
  return body;
}

/** The attributions a caller asked for: statements only, unless `?all=1`. */
export function selectTypes(analysis: Analysis, all: boolean): Analysis {
  return all ? analysis : { ...analysis, attributions: analysis.attributions.filter((a) => a.type === 'statement') };
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const shuttingDown = options.isShuttingDown ?? (() => false);

  const corpus = (): Store => {
    if (!options.store) throw new ApiError('server/no-corpus', 'this server has no corpus; start it with whosaid serve --db FILE');
    return options.store;
  };

  /** A request's article turned into a job for a thread; a URL is fetched here, off the threads. */
  async function toJob(input: AnalyzeRequest | ArticleRequest): Promise<AnalysisJob> {
    const common = { ...(input.id !== undefined && { id: input.id }), ...(input.publishedAt !== undefined && { publishedAt: input.publishedAt }) };
    if (input.text !== undefined) return { kind: 'text', value: input.text, ...common };
    if (input.html !== undefined) return { kind: 'html', value: input.html, ...common };
    const url = input.url!;
    try {
      const page = await options.fetchPage(url);
      return { kind: 'url', value: page.url, html: page.html, ...common, ...(input.id === undefined && { id: url }) };
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof ApiError) throw cause;
      if (error instanceof ApiError) throw error;
      const code = (error as { code?: unknown }).code;
      throw new ApiError(typeof code === 'string' && code.startsWith('input/') ? (code as `input/${string}`) : 'input/failed', (error as Error).message ?? String(error));
    }
  }

  app.use('*', secureHeaders({ contentSecurityPolicy: Object.fromEntries(CSP.split('; ').map((d) => { const [k, ...v] = d.split(' '); return [k.replace(/-(\w)/g, (_, ch: string) => ch.toUpperCase()), v]; })), crossOriginResourcePolicy: 'same-origin', referrerPolicy: 'no-referrer' }));
  app.use('*', async (c, next) => {
    if (shuttingDown()) throw new ApiError('server/shutting-down', 'the server is shutting down; try again on its next start');
    await next();
  });
  // Only requests that carry a body: the limit reads the request as a web Request, which a GET need not build.
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError('request/too-large', `the body is larger than the server's limit of ${maxBodyBytes} bytes`);
      },
    }),
  );

  app.get('/api/health', async (c) => {
    const counts = options.store ? await options.store.counts() : undefined;
    return c.json({ status: 'ok', ...(options.version !== undefined && { version: options.version }), analyses: options.analyzer.active, ...(counts && { corpus: counts }) });
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument(options.version ?? '0')));

  app.post('/api/analyze', async (c) => {
    const { all } = query(c, AnalyzeQuery);
    const input = await jsonBody(c, AnalyzeRequest);
    const analysis = await options.analyzer.analyze(await toJob(input));
    return c.json(selectTypes(analysis, all === '1'));
  });

  app.post('/api/articles', async (c) => {
    const store = corpus();
    const input = await jsonBody(c, ArticleRequest);
    const raw = input.text ?? input.html ?? input.url!;
    const sourceHash = createHash('sha256').update(raw).digest('hex');
    const articleId = input.id ?? input.url ?? `api:${sourceHash.slice(0, 16)}`;
    if ((await store.known(articleId, sourceHash)) === 'unchanged') return c.json({ articleId, status: 'unchanged', attributions: 0, newPeople: 0 }, 200);
    const content = input.text !== undefined ? { text: input.text } : input.html !== undefined ? { html: input.html } : { url: input.url! };
    const { publishedAt } = input;
    const analysis = await options.analyzer.analyze(await toJob({ ...content, id: articleId, ...(publishedAt !== undefined && { publishedAt }) }));
    const page = analysis.metadata as Record<string, unknown> | undefined;
    const pageString = (key: string) => (typeof page?.[key] === 'string' && page[key] !== '' ? (page[key] as string) : undefined);
    const outlet = input.outlet ?? pageString('outlet');
    const title = input.title ?? pageString('title');
    const url = input.url ?? pageString('canonicalUrl');
    const article: ArticleRecord = {
      id: articleId,
      text: analysis.text ?? input.text ?? '',
      sourceHash,
      ...(outlet !== undefined && { outlet }),
      ...(title !== undefined && { title }),
      ...(url !== undefined && { url }),
      ...(analysis.publishedAt !== undefined && { publishedAt: analysis.publishedAt }),
    };
    const [outcome] = await store.ingest([prepareArticle({ article, analysis })]);
    return c.json(outcome, outcome.status === 'new' ? 201 : 200);
  });

  app.get('/api/search', async (c) => {
    const store = corpus();
    const q = query(c, SearchQuery);
    const limit = q.limit ?? 20;
    const offset = Number(q.cursor ?? 0);
    const hits = await store
      .search(q.q, {
        ...(q.speaker !== undefined && { speaker: q.speaker }),
        ...(q.outlet !== undefined && { outlet: q.outlet }),
        ...(q.from !== undefined && { from: q.from }),
        ...(q.to !== undefined && { to: q.to }),
        ...(q.type !== undefined && { type: q.type }),
        limit: offset + limit + 1,
      })
      .catch((error: unknown) => {
        if (error instanceof QueryError) throw new ApiError('request/bad-query', `q: ${error.message}`);
        throw error;
      });
    return c.body(searchPage(hits, offset, limit), 200, { 'content-type': 'application/json' });
  });

  app.get('/api/speakers', async (c) => {
    const q = query(c, SpeakersQuery);
    const speakers = await corpus().speakers({
      ...(q.outlet !== undefined && { outlet: q.outlet }),
      ...(q.from !== undefined && { from: q.from }),
      ...(q.to !== undefined && { to: q.to }),
      ...(q.limit !== undefined && { limit: q.limit }),
    });
    return c.json({ speakers });
  });

  app.get('/api/stats', async (c) => {
    const q = query(c, StatsQuery);
    return c.json(await corpus().stats({
      ...(q.outlet !== undefined && { outlet: q.outlet }),
      ...(q.from !== undefined && { from: q.from }),
      ...(q.to !== undefined && { to: q.to }),
    }));
  });

  app.get('/api/speakers/:id', async (c) => {
    const store = corpus();
    const personId = id(c);
    const summary = (await store.speakers()).find((s) => s.personId === personId);
    const profile = summary && (await store.speaker(summary.name)).find((p) => p.personId === personId);
    if (!profile) throw new ApiError('request/not-found', `no speaker with id ${personId} in the corpus`);
    return c.json(profile);
  });

  app.get('/api/attributions/:id', async (c) => {
    const attributionId = id(c);
    const trace = await corpus().trace(attributionId);
    const copy = trace?.copies.find((x) => x.attributionId === attributionId);
    if (!trace || !copy) throw new ApiError('request/not-found', `no attribution with id ${attributionId} in the corpus`);
    const { variant: _variant, diff: _diff, ...own } = copy;
    return c.json({ ...own, groupId: trace.groupId, copies: trace.copies.length });
  });

  app.get('/api/attributions/:id/trace', async (c) => {
    const attributionId = id(c);
    const trace = await corpus().trace(attributionId);
    if (!trace) throw new ApiError('request/not-found', `no attribution with id ${attributionId} in the corpus`);
    return c.json(trace);
  });

  app.get('*', async (c, next) => {
    const asset = options.web?.get(c.req.path);
    if (!asset) return next();
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
  });

  app.notFound((c) => c.json({ error: { code: 'request/not-found', message: `no such route: ${c.req.method} ${c.req.path}` } } satisfies ErrorBody, 404));
  app.onError((error, c) => {
    const api = toApiError(error);
    if (api.status === 500) options.onInternalError?.(error);
    return c.json({ error: { code: api.code, message: api.message } } satisfies ErrorBody, api.status);
  });
  return app;
}
