/**
 * The inputs of `whosaid ingest`, as one stream of items to analyse or failures to report: files, `-`
 * (stdin), URLs, folders (walked recursively, in name order: .txt and .html/.htm files as articles,
 * .jsonl files as JSON lines), JSON lines (--jsonl) and WARC archives (--warc). A text or HTML file may
 * have a sidecar `NAME.json` beside it ({publishedAt, outlet, title, url}), as examples/ does.
 * Everything is read lazily, one item at a time.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { hashText } from '../../store/rows.js';
import { checkReferenceDate } from '../dates.js';
import { CliError, describeFsError, EXIT, type ExitCode } from '../errors.js';
import type { ErrorRecord } from '../extract-stream.js';
import type { Io } from '../io.js';
import type { Services, WarcItem } from '../services.js';
import { isUrl, readSource, type Source } from '../sources.js';
import type { IngestItem } from './analyze-item.js';
import { parseArticleLine, type ArticleMeta } from './article-line.js';

export interface InputOptions {
  /** The cap on one article's bytes (`--max-bytes`); default 5 MB. */
  maxBytes?: number;
  inputs: readonly string[];
  jsonl: boolean;
  warc?: string;
  /** The reference date where an input gives none. */
  published?: string;
}

export type InputEvent =
  | { ok: true; item: IngestItem; where: string }
  | { ok: false; where: string; record: ErrorRecord; problem: string; exitCode: ExitCode };

const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.html', '.htm']);

function failure(where: string, error: unknown, place: { line?: number; record?: number } = {}, id: string | null = null): InputEvent {
  const cli = error instanceof CliError ? error : undefined;
  const problem = error instanceof Error ? error.message : String(error);
  const code = cli?.code ?? (cli?.exitCode === EXIT.noInput ? 'input/unreadable' : 'input/failed');
  const exitCode = cli?.exitCode === EXIT.noInput ? EXIT.noInput : EXIT.failed;
  return { ok: false, where, problem, exitCode, record: { id, ...place, error: { code, message: problem } } };
}

function itemOf(source: Source, meta: ArticleMeta, published: string | undefined): IngestItem {
  const sourceHash = hashText(source.kind === 'url' ? `url:${source.value}` : source.value);
  return {
    source: { ...source, ...(published !== undefined && { defaultPublishedAt: published }) },
    meta,
    id: source.id ?? `sha256:${sourceHash.slice(0, 16)}`,
    sourceHash,
  };
}

/** The metadata in `NAME.json` beside `NAME.txt`, where there is such a file holding an object. */
async function sidecar(file: string): Promise<{ meta: ArticleMeta; publishedAt?: string }> {
  const path = file.slice(0, file.length - extname(file).length) + '.json';
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return { meta: {} };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new CliError(`its metadata file ${path} is not JSON: ${(error as Error).message}`, EXIT.failed, file, 'input/bad-sidecar');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { meta: {} };
  const record = value as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' && record[key] !== '' ? (record[key] as string) : undefined);
  const [outlet, title, url, publishedAt] = [text('outlet'), text('title'), text('url'), text('publishedAt')];
  const problem = publishedAt === undefined ? undefined : checkReferenceDate(publishedAt);
  if (problem) throw new CliError(`its metadata file ${path}: \`publishedAt\`: ${problem}`, EXIT.failed, file, 'input/bad-sidecar');
  return {
    meta: { ...(outlet && { outlet }), ...(title && { title }), ...(url && { url }) },
    ...(publishedAt && { publishedAt }),
  };
}

/** A file is never stdin: its reader is given none. */
const NO_STDIN = Readable.from([]);

async function* fileItem(name: string, options: InputOptions): AsyncGenerator<InputEvent> {
  try {
    // read as extract reads a file: size cap, binary refused, a page's declared charset, a byte-order mark dropped
    const read = await readSource(name, NO_STDIN, options.maxBytes);
    const { meta, publishedAt } = await sidecar(name);
    const source: Source = { ...read, ...(publishedAt !== undefined && { publishedAt }) };
    yield { ok: true, item: itemOf(source, meta, options.published), where: name };
  } catch (error) {
    yield failure(name, error instanceof CliError ? error : describeFsError(name, error));
  }
}

async function* lineItems(label: string, stream: Readable, options: InputOptions): AsyncGenerator<InputEvent> {
  let readError: unknown;
  stream.once('error', (error) => (readError = error));
  let lineNo = 0;
  try {
    for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
      lineNo++;
      if (raw.trim() === '') continue;
      const where = `${label}:${lineNo}`;
      const line = parseArticleLine(raw);
      if (!line.ok) {
        yield { ok: false, where, problem: line.problem, exitCode: EXIT.failed, record: { id: line.id, line: lineNo, error: { code: 'input/bad-line', message: `line ${lineNo}: ${line.problem}` } } };
        continue;
      }
      const source: Source = { name: where, kind: line.source, value: line.value, ...(line.id !== undefined && { id: line.id }), ...(line.publishedAt !== undefined && { publishedAt: line.publishedAt }) };
      yield { ok: true, item: itemOf(source, line.meta, options.published), where };
    }
  } catch (error) {
    yield failure(label, error === readError ? describeFsError(label, error) : error, { line: lineNo });
  }
}

async function* folderItems(folder: string, options: InputOptions): AsyncGenerator<InputEvent> {
  let entries;
  try {
    entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    yield failure(folder, describeFsError(folder, error));
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* folderItems(path, options);
    else if (extname(entry.name).toLowerCase() === '.jsonl') yield* lineItems(path, createReadStream(path), options);
    else if (ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield* fileItem(path, options);
  }
}

async function* warcItems(file: string, options: InputOptions, services: Services): AsyncGenerator<InputEvent> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (error) {
    yield failure(file, describeFsError(file, error));
    return;
  }
  for await (const record of services.readWarc(createReadStream(file) as AsyncIterable<Uint8Array>)) yield warcEvent(file, record, options.published);
}

/** A record of the WARC archive `file` as an item to analyse (its record id the article's id), or the failure to report. */
export function warcEvent(file: string, record: WarcItem, published: string | undefined): InputEvent {
  const where = `${file}: record ${record.index}`;
  if (!record.ok) {
    return { ok: false, where: file, problem: record.message, exitCode: EXIT.failed, record: { id: record.recordId ?? null, record: record.index, error: { code: record.code, message: record.message } } };
  }
  const source: Source = { name: where, kind: 'html', value: record.html, id: record.recordId, ...(record.date !== undefined && { defaultPublishedAt: record.date }) };
  return { ok: true, item: itemOf(source, { url: record.uri }, published), where };
}

/** Every input as items and failures, in order. */
export async function* readInputs(options: InputOptions, io: Io, services: Services): AsyncGenerator<InputEvent> {
  if (options.warc !== undefined) {
    yield* warcItems(options.warc, options, services);
    return;
  }
  const inputs = options.inputs.length > 0 ? options.inputs : ['-'];
  for (const name of inputs) {
    if (name === '-') {
      if (options.jsonl) yield* lineItems('stdin', io.stdin, options);
      else {
        try {
          const { id: _none, ...read } = await readSource('-', io.stdin, options.maxBytes);
          yield { ok: true, item: itemOf({ ...read, name: 'stdin' }, {}, options.published), where: 'stdin' };
        } catch (error) {
          yield failure('stdin', error instanceof CliError ? error : describeFsError('stdin', error));
        }
      }
      continue;
    }
    if (isUrl(name)) {
      yield { ok: true, item: itemOf({ name, kind: 'url', value: name, id: name }, { url: name }, options.published), where: name };
      continue;
    }
    let isFolder = false;
    try {
      isFolder = (await stat(name)).isDirectory();
    } catch (error) {
      yield failure(name, describeFsError(name, error));
      continue;
    }
    if (isFolder) yield* folderItems(name, options);
    else if (options.jsonl || extname(name).toLowerCase() === '.jsonl') yield* lineItems(name, createReadStream(name), options);
    else yield* fileItem(name, options);
  }
}
