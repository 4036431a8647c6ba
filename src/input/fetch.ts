/**
 * A page from a URL: Node's fetch with its own redirect loop (so that redirects are counted and each
 * hop is checked), one timeout for the whole exchange, a size cap on the body as it streams in, a
 * user agent that says who is asking, and the page's declared charset.
 */
import { readFileSync } from 'node:fs';
import { InputError, formatBytes } from './errors.js';
import { decodePage } from './charset.js';

/** Limits and settings of `fetchPage`. */
export interface FetchPageOptions {
  /** For the whole exchange, redirects and body included. Default 15 000. */
  readonly timeoutMs?: number;
  /** The largest body accepted. Default 10 MB. */
  readonly maxBytes?: number;
  /** Default 5. */
  readonly maxRedirects?: number;
  readonly userAgent?: string;
  /** A fetch to use instead of the global one (tests, proxies). */
  readonly fetch?: typeof fetch;
}

/** A fetched HTML page, decoded to a string. */
export interface FetchedPage {
  /** The URL the page was finally read from, after redirects. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  readonly html: string;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
/** Content types of HTML pages (and XHTML, which the HTML reader also takes). */
const HTML_TYPE = /^(text\/html|application\/xhtml\+xml)\b/i;

/** "whosaid/0.1.0 (+https://github.com/whosaid)". */
export function defaultUserAgent(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return `whosaid/${pkg.version ?? '0'} (+https://github.com/whosaid)`;
}

/** Fetches an HTML page. Every failure is an InputError with a stable code. */
export async function fetchPage(url: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const userAgent = options.userAgent ?? defaultUserAgent();
  const doFetch = options.fetch ?? globalThis.fetch;
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = (): InputError => new InputError('input/fetch-timeout', url, { expected: `${timeoutMs} ms` });

  let current = checkUrl(url, url);
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await doFetch(current.href, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
      });
    } catch (error) {
      if (signal.aborted) throw timedOut();
      throw new InputError('input/network', url, { actual: causeOf(error) }, { cause: error });
    }
    if (REDIRECT.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location) throw new InputError('input/http-status', url, { actual: `${response.status} without a Location header`, expected: 'a redirect to say where to go' });
      if (redirects >= maxRedirects) throw new InputError('input/too-many-redirects', url, { expected: String(maxRedirects), actual: location });
      current = checkUrl(new URL(location, current).href, url);
      continue;
    }
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel().catch(() => undefined);
      throw new InputError('input/http-status', url, { actual: `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, expected: 'a 2xx status' });
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType && !HTML_TYPE.test(contentType)) {
      await response.body?.cancel().catch(() => undefined);
      throw new InputError('input/not-html', url, { actual: contentType });
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new InputError('input/too-large', url, { expected: formatBytes(maxBytes), actual: `${formatBytes(declared)} (Content-Length)` });
    }
    let bytes: Uint8Array;
    const progress = { bytes: 0 };
    try {
      bytes = await readCapped(response, maxBytes, url, progress);
    } catch (error) {
      if (error instanceof InputError) throw error;
      if (signal.aborted) throw timedOut();
      // the response arrived; its body was cut off
      throw new InputError('input/truncated', url, { actual: `the connection failed after ${formatBytes(progress.bytes)} of the body (${causeOf(error)})`, expected: 'the whole body' }, { cause: error });
    }
    const { html } = decodePage(bytes, contentType, url);
    if (!contentType && !/<(!doctype html|html|head|body|p|div)\b/i.test(html.slice(0, 4096))) {
      throw new InputError('input/not-html', url, { actual: 'none given, and the body does not start like HTML' });
    }
    return { url: current.href, status: response.status, contentType, html };
  }
}

function checkUrl(href: string, input: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    throw new InputError('input/bad-url', input, { actual: `"${href}", which is not a URL` });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError('input/bad-url', input, { actual: `a ${parsed.protocol} URL (${href})` });
  }
  return parsed;
}

/** Reads the body as it streams in and stops as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, url: string, progress: { bytes: number }): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    progress.bytes = total;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new InputError('input/too-large', url, { expected: formatBytes(maxBytes), actual: `more than that after ${formatBytes(total)}` });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.byteLength; }
  return bytes;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}
