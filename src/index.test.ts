import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as whosaid from './index.js';
import * as core from './core/index.js';

// The public API, pinned: adding or removing an export is a decision, made here.
test('the public exports of whosaid (Node) are pinned', () => {
  assert.deepEqual(Object.keys(whosaid).sort(), [
    'ANALYSIS_VERSION', 'Addressee', 'Analysis', 'Attribution', 'AttributionType', 'BundledModelError', 'Diagnostic', 'Entity', 'EntityType',
    'InputError', 'QuoteKind', 'Relay', 'Severity', 'Span', 'Speaker', 'TextSpan', 'TimeExpression',
    'analysisJsonSchema', 'analyze', 'analyzeArticle', 'analyzeExtracted', 'analyzeHtml', 'analyzeUrl', 'extractHtml', 'fetchPage',
    'loadBundledModel', 'parseModel', 'readWarc',
  ]);
});

test('the public exports of whosaid/core (pure) are pinned', () => {
  assert.deepEqual(Object.keys(core).sort(), [
    'ANALYSIS_VERSION', 'Addressee', 'Analysis', 'Attribution', 'AttributionType', 'Diagnostic', 'Entity', 'EntityType',
    'QuoteKind', 'Relay', 'Severity', 'Span', 'Speaker', 'TextSpan', 'TimeExpression', 'analysisJsonSchema', 'analyze', 'parseModel',
  ]);
});

const TEXT = 'Mayor Ana Ruiz said on Tuesday that the bridge would open in May. “We are ready,” she told reporters.';

test('analyze in Node uses the bundled model by default; { model: null } is the explicit rules-only run', () => {
  const input = { text: TEXT, publishedAt: '2025-11-13' };
  assert.deepEqual(whosaid.analyze(input), core.analyze(input, { model: whosaid.loadBundledModel() }));
  assert.deepEqual(whosaid.analyze(input), whosaid.analyzeArticle(input));
  assert.deepEqual(whosaid.analyze(input, { model: null }), core.analyze(input, { model: null }));
});

test('the core refuses a call without the model instead of silently running the rules only', () => {
  const call = core.analyze as (input: { text: string }, options?: unknown) => unknown;
  assert.throws(() => call({ text: TEXT }), /pass the attribution model, or \{ model: null \}/);
  assert.throws(() => call({ text: TEXT }, {}), /pass the attribution model/);
});

test('analyzeHtml reads the page and analyses its body; results are plain data', () => {
  const html = `<!doctype html><html lang="en"><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>
    <p>Mayor Ana Ruiz said on Tuesday that the bridge would open in May, after a long fight over its cost and its route.</p>
    <p>“We are ready,” she told reporters outside the council chamber, where the vote had taken most of the night.</p></article></body></html>`;
  const analysis = whosaid.analyzeHtml(html, { id: 'page', publishedAt: '2025-11-13' });
  assert.equal(analysis.id, 'page');
  assert.ok(analysis.attributions.some((a) => a.text.startsWith('We are ready')), JSON.stringify(analysis.attributions.map((a) => a.text)));
  assert.deepEqual(JSON.parse(JSON.stringify(analysis)), analysis);
  assert.equal(whosaid.Analysis.safeParse(analysis).success, true);
});

test('analyzeUrl fetches the page (here through a fake fetch) and analyses it with its final URL', async () => {
  const html = `<!doctype html><html lang="en"><head><title>Ferry news</title></head><body><article>
    <p>Harbor master Lena Ortiz said on Tuesday that the ferry would run every hour, from the first boat to the last one.</p>
    <p>The ferry has carried commuters across the bay since the old bridge closed for repairs last winter.</p></article></body></html>`;
  const asked: string[] = [];
  const fakeFetch = (async (url: string | URL | Request) => {
    asked.push(String(url));
    return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }) as typeof fetch;
  const analysis = await whosaid.analyzeUrl('https://news.example/ferry', { id: 'ferry', publishedAt: '2025-11-13', fetch: { fetch: fakeFetch } });
  assert.deepEqual(asked, ['https://news.example/ferry']);
  assert.equal(analysis.id, 'ferry');
  const said = analysis.attributions.find((a) => a.text === 'the ferry would run every hour, from the first boat to the last one');
  assert.equal(said?.speaker.name, 'Lena Ortiz');
  assert.equal(said?.saidOn, '2025-11-11');
});
