import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchPage } from './fetch.js';
import { InputError } from './errors.js';

const PAGE = '<!DOCTYPE html><html><head><title>Ferry</title></head><body><p>The ferry runs again, the harbor office said.</p></body></html>';
const seen: { path: string; userAgent?: string }[] = [];

const routes: Record<string, (res: ServerResponse) => void> = {
  '/page': (res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(PAGE); },
  '/r1': (res) => { res.writeHead(301, { location: '/r2' }); res.end(); },
  '/r2': (res) => { res.writeHead(302, { location: '/page' }); res.end(); },
  '/loop': (res) => { res.writeHead(302, { location: '/loop' }); res.end(); },
  '/to-ftp': (res) => { res.writeHead(302, { location: 'ftp://127.0.0.1/file' }); res.end(); },
  '/no-location': (res) => { res.writeHead(302); res.end(); },
  '/missing': (res) => { res.writeHead(404, { 'content-type': 'text/html' }); res.end('<p>Not here</p>'); },
  '/pdf': (res) => { res.writeHead(200, { 'content-type': 'application/pdf' }); res.end('%PDF-1.4'); },
  '/untyped-html': (res) => { res.writeHead(200, { 'content-type': '' }); res.end(PAGE); },
  '/untyped-text': (res) => { res.writeHead(200, { 'content-type': '' }); res.end('just some words'); },
  '/slow': () => undefined,
  '/cut-body': (res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.write('<p>The first half', () => res.socket?.destroy()); },
  '/slow-body': (res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.write('<p>The first half'); },
  '/big-declared': (res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' }); res.end('x'.repeat(5000)); },
  '/big-streamed': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    for (let i = 0; i < 10; i++) res.write(`<p>${'y'.repeat(500)}</p>`);
    res.end();
  },
  '/windows-1252': (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
    res.end(Buffer.concat([Buffer.from('<p>'), Buffer.from([0x93]), Buffer.from('Ready'), Buffer.from([0x94]), Buffer.from(' she said.</p>')]));
  },
  '/meta-latin1': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>Caf'), Buffer.from([0xe9]), Buffer.from(' owner</p></body></html>')]));
  },
  '/meta-shift-jis': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(Buffer.concat([Buffer.from('<html><head><meta charset="shift_jis"></head><body><p>'), Buffer.from([0x82, 0xa0]), Buffer.from('</p></body></html>')]));
  },
  '/bad-label': (res) => { res.writeHead(200, { 'content-type': 'text/html; charset=x-no-such-encoding' }); res.end(PAGE); },
};

let server: Server;
let base: string;
let closedPort: number;

before(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', userAgent: req.headers['user-agent'] });
    (routes[req.url ?? ''] ?? ((r: ServerResponse) => { r.writeHead(500); r.end(); }))(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

after(() => {
  server.closeAllConnections();
  server.close();
});

test('fetches a page with the whosaid user agent', async () => {
  const page = await fetchPage(`${base}/page`);
  assert.deepEqual(page, { url: `${base}/page`, status: 200, contentType: 'text/html; charset=utf-8', html: PAGE });
  assert.match(seen.find((s) => s.path === '/page')?.userAgent ?? '', /^whosaid\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/whosaid\)$/);
});

test('follows redirects and reports the final URL', async () => {
  const page = await fetchPage(`${base}/r1`);
  assert.equal(page.url, `${base}/page`);
  assert.equal(page.html, PAGE);
});

test('decodes the charset the page declares', async () => {
  const cases: [string, string][] = [
    ['/windows-1252', '“Ready” she said.'],
    ['/meta-latin1', 'Café owner'],
    ['/meta-shift-jis', 'あ'],
  ];
  for (const [path, expected] of cases) {
    const { html } = await fetchPage(`${base}${path}`);
    assert.ok(html.includes(expected), `${path}: ${html}`);
  }
});

test('a page without a content type is taken when it looks like HTML', async () => {
  assert.equal((await fetchPage(`${base}/untyped-html`)).html, PAGE);
});

test('each failure is an InputError with its code', async () => {
  const cases: [string, Parameters<typeof fetchPage>[1], string, RegExp][] = [
    [`${base}/loop`, { maxRedirects: 2 }, 'input/too-many-redirects', /more than 2 times/],
    [`${base}/to-ftp`, {}, 'input/bad-url', /ftp:/],
    [`${base}/no-location`, {}, 'input/http-status', /302 without a Location/],
    [`${base}/missing`, {}, 'input/http-status', /HTTP 404/],
    [`${base}/pdf`, {}, 'input/not-html', /application\/pdf/],
    [`${base}/untyped-text`, {}, 'input/not-html', /does not start like HTML/],
    [`${base}/slow`, { timeoutMs: 300 }, 'input/fetch-timeout', /longer than 300 ms/],
    [`${base}/slow-body`, { timeoutMs: 300 }, 'input/fetch-timeout', /longer than 300 ms/],
    [`${base}/big-declared`, { maxBytes: 1000 }, 'input/too-large', /at most 1000 bytes, found 4.9 KB/],
    [`${base}/big-streamed`, { maxBytes: 1000 }, 'input/too-large', /at most 1000 bytes/],
    [`${base}/bad-label`, {}, 'input/bad-encoding', /x-no-such-encoding/],
    [`${base}/cut-body`, {}, 'input/truncated', /connection failed after \d+ bytes of the body/],
    [`http://127.0.0.1:${closedPort}/page`, {}, 'input/network', /ECONNREFUSED/],
    ['ftp://127.0.0.1/file', {}, 'input/bad-url', /ftp:/],
    ['not a url', {}, 'input/bad-url', /not a URL/],
  ];
  for (const [url, options, code, message] of cases) {
    await assert.rejects(fetchPage(url, options), (error: unknown) => {
      assert.ok(error instanceof InputError, `${url}: ${String(error)}`);
      assert.equal(error.code, code, url);
      assert.equal(error.name, 'InputError');
      assert.equal(error.input, url);
      assert.match(error.message, message, url);
      return true;
    });
  }
});

test('an injected fetch is used instead of the network', async () => {
  const fake = (async () => new Response('<p>From the fake.</p>', { status: 200, headers: { 'content-type': 'text/html' } })) as typeof fetch;
  const page = await fetchPage('https://news.example/story', { fetch: fake });
  assert.equal(page.html, '<p>From the fake.</p>');
});
