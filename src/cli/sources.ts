/**
 * Inputs of `whosaid extract`: a file, `-` for stdin, or a URL, each read in full and told apart as
 * plain text or HTML; then analysed through the services (plain text by the engine, HTML by the page
 * extractor first). Reading and analysing throw CliErrors that name the input.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { Analysis } from '../core/analysis.js';
import { describeFsError, InputFailedError, InputNotFoundError, type CliError } from './errors.js';
import { isInputError, type Services } from './services.js';
import { jsonLinesProblem, LOOKS_LIKE_JSONL } from './jsonl-sniff.js';
import { decodeInput, type InputDiagnostic } from '../input/decode-input.js';
import { checkSize, readCapped } from '../input/read-capped.js';

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
  /** The cap on the article's bytes (`--max-bytes`); default 5 MB. */
  maxBytes?: number;
  /** List the candidates the refiners dropped (`--explain-dropped`), also where a worker analyses it. */
  explainDropped?: boolean;
  /** Problems found reading the input (invalid UTF-8), added to the analysis's diagnostics. */
  diagnostics?: InputDiagnostic[];
}

const URL_PATTERN = /^https?:\/\//i;

export function isUrl(name: string): boolean {
  return URL_PATTERN.test(name);
}

/**
 * Reads a file (or stdin for "-") up to `maxBytes`, refusing binary content, decoding HTML in the charset
 * it declares; a URL is left for `analyzeSource` to fetch.
 */
export async function readSource(name: string, stdin: Readable, maxBytes?: number): Promise<Source> {
  if (isUrl(name)) return { name, kind: 'url', value: name, id: name, ...(maxBytes !== undefined && { maxBytes }) };
  let stream: AsyncIterable<Uint8Array | string>;
  if (name === '-') {
    stream = stdin;
  } else {
    try {
      const info = await stat(name);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      stream = createReadStream(name);
    } catch (error) {
      throw describeFsError(name, error);
    }
  }
  let decoded;
  try {
    decoded = decodeInput(await readCapped(stream, name === '-' ? 'stdin' : name, maxBytes), name === '-' ? 'stdin' : name, { html: /^\.html?$/i.test(extname(name)) });
  } catch (error) {
    if (isInputError(error)) throw inputFailure(name, error, false);
    throw describeFsError(name, error);
  }
  const jsonl = decoded.kind === 'text' ? jsonLinesProblem(decoded.value) : undefined;
  if (jsonl) throw new InputFailedError(name, jsonl, LOOKS_LIKE_JSONL);
  return {
    name,
    kind: decoded.kind,
    value: decoded.value,
    ...(name !== '-' && { id: name }),
    ...(decoded.diagnostics.length > 0 && { diagnostics: decoded.diagnostics }),
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
  const explain = options.explainDropped || source.explainDropped ? { explainDropped: true } : undefined;
  const read = source.diagnostics ?? [];
  if (source.kind !== 'url') {
    try {
      checkSize(source.value, source.name, source.maxBytes);
    } catch (error) {
      throw inputFailure(source.name, error, false);
    }
  }
  if (source.kind === 'text') {
    const publishedAt = source.publishedAt ?? source.defaultPublishedAt;
    const input = { ...id, text: source.value, ...(publishedAt !== undefined && { publishedAt }) };
    const analysis = await (explain ? services.analyzeArticle(input, explain) : services.analyzeArticle(input));
    return read.length > 0 ? { ...analysis, diagnostics: [...read, ...analysis.diagnostics] } : analysis;
  }
  let html = source.value;
  let url: string | undefined;
  if (source.kind === 'url') {
    try {
      const page = await services.fetchPage(source.value, source.maxBytes !== undefined ? { maxBytes: source.maxBytes } : undefined);
      html = page.html;
      url = page.url;
    } catch (error) {
      throw inputFailure(source.name, error, true);
    }
  }
  try {
    const extracted = await services.extractHtml(html, url !== undefined ? { url } : undefined);
    const article = read.length > 0 ? { ...extracted, diagnostics: [...read, ...extracted.diagnostics] } : extracted;
    const publishedAt = source.publishedAt ?? (article.metadata.publishedAt === undefined ? source.defaultPublishedAt : undefined);
    return await services.analyzeExtracted(article, { ...id, ...(publishedAt !== undefined && { publishedAt }), ...explain });
  } catch (error) {
    throw inputFailure(source.name, error, false);
  }
}
