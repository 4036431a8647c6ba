/**
 * Pages in one call: HTML (or a URL, fetched) → the article body and metadata → the analysis, with the
 * bundled model. The steps are also exported one by one (`extractHtml`, `analyzeExtracted`, `fetchPage`).
 */
import type { Analysis } from '../core/analysis.js';
import { analyzeExtracted } from '../input/analyze-page.js';
import { fetchPage, type FetchPageOptions } from '../input/fetch.js';
import { extractHtml } from '../input/html.js';

/** How a page is analysed; every field is optional. */
export interface PageOptions {
  /** Carried through to the analysis. */
  readonly id?: string;
  /** The reference for relative dates; overrides the date the page gives. */
  readonly publishedAt?: string;
  /** Where the page came from: resolves relative links, and the canonical URL of last resort. */
  readonly url?: string;
}

/**
 * Analyses an HTML page: its article body (Readability on linkedom), blockquotes and embedded posts,
 * its metadata (title, outlet, publication date). Every span indexes into the analysis's `text`.
 */
export function analyzeHtml(html: string, options: PageOptions = {}): Analysis {
  const article = extractHtml(html, options.url !== undefined ? { url: options.url } : {});
  return analyzeExtracted(article, {
    ...(options.id !== undefined && { id: options.id }),
    ...(options.publishedAt !== undefined && { publishedAt: options.publishedAt }),
  });
}

/**
 * Fetches a page (timeout, size and redirect caps; see `fetchPage`) and analyses it. A failure to fetch
 * is an `InputError` with a stable code such as `input/http-status`.
 */
export async function analyzeUrl(url: string, options: Omit<PageOptions, 'url'> & { fetch?: FetchPageOptions } = {}): Promise<Analysis> {
  const page = await fetchPage(url, options.fetch ?? {});
  return analyzeHtml(page.html, { ...options, url: page.url });
}
