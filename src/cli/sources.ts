/**
 * Inputs of `whosaid extract`: a file, `-` for stdin, or a URL, each read in full and told apart as
 * plain text or HTML; then analysed through the services (plain text by the engine, HTML by the page
 * extractor first). Reading and analysing throw CliErrors that name the input.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { Analysis } from '../core/analysis.js';
import { describeFsError, InputFailedError, InputNotFoundError, type CliError } from './errors.js';
import { isInputError, type Services } from './services.js';

/** An article to analyse: its content, what kind it is, and the name errors use for it. */
export interface Source {
  /** The file, URL or "-" as given; error messages start with it. */
  name: string;
  kind: 'text' | 'html' | 'url';
  /** The text, the HTML, or the URL. */
  value: string;
  id?: string;
  /** The article's own date (a JSON line's `publishedAt`): the reference, over what a page says. */
  publishedAt?: string;
  /** The reference where the article gives none of its own (`--published`): a page's date wins over it. */
  defaultPublishedAt?: string;
}

const URL_PATTERN = /^https?:\/\//i;

export function isUrl(name: string): boolean {
  return URL_PATTERN.test(name);
}

/** HTML by the file's extension, or by content that starts like a page ("<!doctype html>", "<html"). */
export function looksLikeHtml(name: string, content: string): boolean {
  const ext = extname(name).toLowerCase();
  if (ext === '.html' || ext === '.htm') return true;
  return /^\uFEFF?\s*<(!doctype\s+html|html[\s>])/i.test(content);
}

export async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a file (or stdin for "-"); a URL is left for `analyzeSource` to fetch. */
export async function readSource(name: string, stdin: Readable): Promise<Source> {
  if (isUrl(name)) return { name, kind: 'url', value: name, id: name };
  let content: string;
  if (name === '-') {
    content = await readStream(stdin);
  } else {
    try {
      const info = await stat(name);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      content = await readFile(name, 'utf8');
    } catch (error) {
      throw describeFsError(name, error);
    }
  }
  return {
    name,
    kind: looksLikeHtml(name, content) ? 'html' : 'text',
    value: content,
    ...(name !== '-' && { id: name }),
  };
}

/** Turns an error from the input readers into one that names the input. */
function inputFailure(name: string, error: unknown, fetching: boolean): CliError | unknown {
  if (isInputError(error)) {
    const message = `${error.message.replace(/\.$/, '')} (${error.code})`;
    return fetching ? new InputNotFoundError(name, message, error.code) : new InputFailedError(name, message, error.code);
  }
  return error;
}

/** Analyses a source: plain text directly, HTML through the page extractor, a URL fetched first. */
export async function analyzeSource(source: Source, services: Services, options: { explainDropped?: boolean } = {}): Promise<Analysis> {
  const id = source.id !== undefined ? { id: source.id } : {};
  const explain = options.explainDropped ? { explainDropped: true } : undefined;
  if (source.kind === 'text') {
    const publishedAt = source.publishedAt ?? source.defaultPublishedAt;
    const input = { ...id, text: source.value, ...(publishedAt !== undefined && { publishedAt }) };
    return explain ? services.analyzeArticle(input, explain) : services.analyzeArticle(input);
  }
  let html = source.value;
  let url: string | undefined;
  if (source.kind === 'url') {
    try {
      const page = await services.fetchPage(source.value);
      html = page.html;
      url = page.url;
    } catch (error) {
      throw inputFailure(source.name, error, true);
    }
  }
  try {
    const article = await services.extractHtml(html, url !== undefined ? { url } : undefined);
    const publishedAt = source.publishedAt ?? (article.metadata.publishedAt === undefined ? source.defaultPublishedAt : undefined);
    return await services.analyzeExtracted(article, { ...id, ...(publishedAt !== undefined && { publishedAt }), ...explain });
  } catch (error) {
    throw inputFailure(source.name, error, false);
  }
}
