/**
 * The API in-process (`app.request()`, no sockets): every route with the real engine on the team's
 * example articles (examples/corpus/port-alder.jsonl) in an in-memory corpus, and every error status.
 * The analyser here runs the worker's task in this thread; the pool's own limits (429, 504, threads)
 * are tested in analysis-pool.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Analysis } from '../core/analysis.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { Analyzer } from './analysis-pool.js';
import analyzeJob, { type AnalysisJob } from './analysis-worker.js';
import { createApp, type AppOptions } from './app.js';
import { ApiError } from './errors.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);
const articles = readFileSync(new URL('corpus/port-alder.jsonl', EXAMPLES), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { id: string; outlet: string; title: string; url: string; publishedAt: string; text: string });
const bridgeText = readFileSync(new URL('harbor-bridge.txt', EXAMPLES), 'utf8');
const bridgeHtml = readFileSync(new URL('harbor-bridge.html', EXAMPLES), 'utf8');

/** The worker's task, run here. */
const inThread: Analyzer = {
  active: 0,
  async analyze(job) {
    const outcome = await analyzeJob(job);
    if (!outcome.ok) throw new ApiError(outcome.code.startsWith('input/') ? (outcome.code as `input/${string}`) : 'input/failed', outcome.message);
    return outcome.analysis;
  },
  close: async () => undefined,
};

const pages = new Map<string, string>([['https://news.example/bridge', bridgeHtml]]);
const fetchPage: AppOptions['fetchPage'] = async (url) => {
  const html = pages.get(url);
  if (html === undefined) throw Object.assign(new Error(`${url}: 404 Not Found`), { code: 'input/http-status' });
  return { url, html };
};

let store: Store;
let app: ReturnType<typeof createApp>;
before(async () => {
  store = openSqliteStore(':memory:');
  app = createApp({ analyzer: inThread, store, fetchPage, maxBodyBytes: 64 * 1024, version: '9.9.9' });
  for (const a of articles) {
    const res = await post('/api/articles', a);
    assert.equal(res.status, 201, await res.clone().text());
  }
});
after(() => store.close());

function post(path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
async function json(res: Response): Promise<any> {
  return JSON.parse(await res.text());
}

describe('analyze', () => {
  test('text: the same analysis as extract, schema-valid, statements only', async () => {
    const res = await post('/api/analyze', { text: bridgeText, publishedAt: '2025-11-13', id: 'bridge' });
    assert.equal(res.status, 200);
    const body = await json(res);
    assert.ok(Analysis.safeParse(body).success);
    const direct = await analyzeJob({ kind: 'text', value: bridgeText, publishedAt: '2025-11-13', id: 'bridge' });
    assert.ok(direct.ok);
    assert.deepEqual(body.attributions, direct.analysis.attributions.filter((a) => a.type === 'statement'));
    assert.ok(body.attributions.length > 0);
    assert.ok(body.attributions.every((a: { type: string }) => a.type === 'statement'));
  });

  test('?all=1 keeps every type', async () => {
    const text = 'Mayor Ana Ruiz believes the bridge will be finished. "It will," she said.';
    const all = await json(await post('/api/analyze?all=1', { text }));
    const some = await json(await post('/api/analyze', { text }));
    assert.ok(all.attributions.length > some.attributions.length, JSON.stringify(all.attributions.map((a: { type: string }) => a.type)));
  });

  test('html and url give the page analysis, a fetched page with its address', async () => {
    const html = await json(await post('/api/analyze', { html: bridgeHtml }));
    const url = await json(await post('/api/analyze', { url: 'https://news.example/bridge' }));
    assert.ok(html.attributions.length > 0);
    assert.deepEqual(url.attributions, html.attributions);
    assert.equal(url.id, 'https://news.example/bridge');
  });
});

describe('errors', () => {
  const big = 'x'.repeat(70 * 1024);
  const cases: [string, () => Promise<Response>, number, string][] = [
    ['not JSON', () => post('/api/analyze', '{"text": '), 400, 'request/bad-json'],
    ['bad query', () => app.request('/api/search?q=a&limit=0'), 400, 'request/bad-query'],
    ['unknown query parameter', () => app.request('/api/search?q=a&sort=up'), 400, 'request/bad-query'],
    ['a query with nothing to search for', () => app.request(`/api/search?q=${encodeURIComponent('*** -"" -bridge')}`), 400, 'request/bad-query'],
    ['unknown route', () => app.request('/api/nothing'), 404, 'request/not-found'],
    ['unknown speaker', () => app.request('/api/speakers/999999'), 404, 'request/not-found'],
    ['speaker id not a number', () => app.request('/api/speakers/abc'), 404, 'request/not-found'],
    ['unknown attribution', () => app.request('/api/attributions/999999'), 404, 'request/not-found'],
    ['unknown trace', () => app.request('/api/attributions/999999/trace'), 404, 'request/not-found'],
    ['body too large', () => post('/api/analyze', { text: big }), 413, 'request/too-large'],
    ['body too large, no length given', () => app.request('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Blob([JSON.stringify({ text: big })]).stream(), duplex: 'half' } as RequestInit), 413, 'request/too-large'],
    ['not JSON type', () => post('/api/analyze', 'text=hi', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'request/unsupported-type'],
    ['no type', () => post('/api/analyze', '{"text":"hi"}', {}), 415, 'request/unsupported-type'],
    ['two contents', () => post('/api/analyze', { text: 'a', html: '<p>a</p>' }), 422, 'request/invalid'],
    ['no content', () => post('/api/analyze', { id: 'x' }), 422, 'request/invalid'],
    ['unknown field', () => post('/api/analyze', { text: 'a', colour: 'red' }), 422, 'request/invalid'],
    ['bad date', () => post('/api/analyze', { text: 'a', publishedAt: 'last week' }), 422, 'request/invalid'],
    ['javascript: url', () => post('/api/analyze', { url: 'javascript:alert(1)' }), 422, 'request/invalid'],
    ['url that fails', () => post('/api/analyze', { url: 'https://news.example/missing' }), 422, 'input/http-status'],
  ];
  for (const [name, request, status, code] of cases) {
    test(`${name}: ${status} ${code}`, async () => {
      const res = await request();
      assert.equal(res.status, status);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const body = await json(res);
      assert.equal(body.error.code, code);
      assert.equal(typeof body.error.message, 'string');
      assert.ok(!/\bat .*\.(ts|js):\d+/.test(body.error.message), 'no stack in the message');
    });
  }

  test('an unexpected failure is a 500 that names no internals, and is told to the log', async () => {
    const told: unknown[] = [];
    const broken = createApp({ analyzer: { ...inThread, analyze: () => Promise.reject(new Error('secret at /srv/x.js:1')) }, fetchPage, onInternalError: (e) => told.push(e) });
    const res = await broken.request('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    assert.equal(res.status, 500);
    const body = await json(res);
    assert.equal(body.error.code, 'internal/error');
    assert.doesNotMatch(body.error.message, /secret/);
    assert.equal(told.length, 1);
  });

  test('while shutting down: 503', async () => {
    let closing = false;
    const app2 = createApp({ analyzer: inThread, fetchPage, isShuttingDown: () => closing });
    assert.equal((await app2.request('/api/health')).status, 200);
    closing = true;
    const res = await app2.request('/api/health');
    assert.equal(res.status, 503);
    assert.equal((await json(res)).error.code, 'server/shutting-down');
  });

  test('without a corpus, corpus routes answer 503', async () => {
    const app2 = createApp({ analyzer: inThread, fetchPage });
    const res = await app2.request('/api/search?q=bridge');
    assert.equal(res.status, 503);
    assert.equal((await json(res)).error.code, 'server/no-corpus');
  });

  test('429 and 504 from the analyser reach the client as they are', async () => {
    for (const [code, status] of [['server/busy', 429], ['analysis/timeout', 504]] as const) {
      const app2 = createApp({ analyzer: { ...inThread, analyze: () => Promise.reject(new ApiError(code, 'x')) }, fetchPage });
      const res = await app2.request('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
      assert.equal(res.status, status);
      assert.equal((await json(res)).error.code, code);
    }
  });
});

describe('corpus routes', () => {
  test('articles: the same source again is unchanged', async () => {
    const res = await post('/api/articles', articles[0]);
    assert.equal(res.status, 200);
    assert.equal((await json(res)).status, 'unchanged');
  });

  test('search with filters and a cursor over pages', async () => {
    const all = await json(await app.request('/api/search?q=bridge&limit=100'));
    assert.ok(all.hits.length >= 2, JSON.stringify(all));
    const first = await json(await app.request('/api/search?q=bridge&limit=1'));
    assert.equal(first.hits.length, 1);
    assert.equal(first.nextCursor, '1');
    const second = await json(await app.request(`/api/search?q=bridge&limit=1&cursor=${first.nextCursor}`));
    assert.deepEqual(second.hits[0], all.hits[1]);
    const outlet = articles[0].outlet;
    const filtered = await json(await app.request(`/api/search?q=bridge&limit=100&outlet=${encodeURIComponent(outlet)}`));
    assert.ok(filtered.hits.length > 0 && filtered.hits.every((h: { outlet: string }) => h.outlet === outlet));
    const none = await json(await app.request('/api/search?q=bridge&from=2030-01-01'));
    assert.deepEqual(none, { hits: [], ranked: 0, capped: false }, 'the words match, the dates pass none');
    assert.deepEqual([all.ranked, all.capped, all.matches], [all.hits.length, false, undefined], 'every statement that matched was ranked');
    const ruiz = await json(await app.request('/api/search?q=bridge&speaker=Ruiz&limit=100'));
    assert.ok(ruiz.hits.length > 0 && ruiz.hits.every((h: { speaker?: { name: string } }) => /Ruiz/.test(h.speaker?.name ?? '')));
  });

  test('speakers, a speaker, an attribution and its trace', async () => {
    const { speakers } = await json(await app.request('/api/speakers'));
    const ruiz = speakers.find((s: { name: string }) => s.name === 'Ana Ruiz');
    assert.ok(ruiz, JSON.stringify(speakers));
    const profile = await json(await app.request(`/api/speakers/${ruiz.personId}`));
    assert.equal(profile.name, 'Ana Ruiz');
    // the timeline holds every type; the speakers list counts the statements
    assert.equal(profile.timeline.filter((a: { type: string }) => a.type === 'statement').length, ruiz.statements);
    const statement = profile.timeline[0];
    const one = await json(await app.request(`/api/attributions/${statement.id}`));
    assert.equal(one.attributionId, statement.id);
    const trace = await json(await app.request(`/api/attributions/${statement.id}/trace`));
    assert.ok(trace.copies.some((c: { attributionId: number }) => c.attributionId === statement.id));
    assert.equal(trace.copies.length, one.copies);
  });

  test('stats: figures for charts, with filters', async () => {
    const stats = await json(await app.request('/api/stats'));
    const statements = stats.byType.find((t: { type: string }) => t.type === 'statement').count;
    assert.equal(stats.perDay.reduce((n: number, d: { count: number }) => n + d.count, 0), statements);
    assert.ok(stats.byOutlet.length > 0 && stats.overTime.some((p: { name: string }) => p.name === 'Ana Ruiz'), JSON.stringify(stats));
    const outlet = articles[0].outlet;
    const one = await json(await app.request(`/api/stats?outlet=${encodeURIComponent(outlet)}`));
    assert.deepEqual(one.byOutlet.map((o: { outlet: string }) => o.outlet), [outlet]);
    assert.equal((await app.request('/api/stats?from=yesterday')).status, 400);
  });

  test('health counts the corpus', async () => {
    const body = await json(await app.request('/api/health'));
    assert.equal(body.status, 'ok');
    assert.equal(body.version, '9.9.9');
    assert.equal(body.corpus.articles, articles.length);
  });
});

describe('openapi and headers', () => {
  test('the document is OpenAPI 3.1 with every route, and its request schema is the validator', async () => {
    const doc = await json(await app.request('/api/openapi.json'));
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/analyze', '/api/articles', '/api/search', '/api/speakers', '/api/stats', '/api/speakers/{id}', '/api/attributions/{id}', '/api/attributions/{id}/trace', '/api/health']) assert.ok(doc.paths[path], path);
    const request = doc.components.schemas.AnalyzeRequest;
    assert.deepEqual(Object.keys(request.properties).sort(), ['html', 'id', 'publishedAt', 'text', 'url']);
    assert.equal(request.additionalProperties, false);
    const search = doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name);
    assert.deepEqual(search.sort(), ['cursor', 'from', 'limit', 'outlet', 'q', 'speaker', 'to', 'type']);
  });

  test('a strict content security policy and the usual headers on every response', async () => {
    for (const res of [await app.request('/api/health'), await app.request('/api/nothing')]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(res.headers.get('x-frame-options'));
    }
  });
});
