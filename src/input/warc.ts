/**
 * WARC archives (plain or gzipped, e.g. Common Crawl's CC-NEWS): each HTML response record as a page,
 * streamed with warcio's WARCParser in constant memory. A record that cannot be read as a page (not
 * HTML, binary, too large, undecodable, not a 2xx response) becomes one error item and the stream goes on;
 * an archive that ends in the middle of a record ends with one error item.
 */
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import { InputError, formatBytes, type InputErrorCode } from './errors.js';
import { decodePage } from './charset.js';

/** One response record of a WARC archive: a page (`ok: true`) or the problem that kept it from being one. */
export type WarcItem =
  | { ok: true; index: number; recordId: string; uri: string; date?: string; html: string }
  | { ok: false; index: number; recordId?: string; uri?: string; code: string; message: string };

/** Which records `readWarc` reads, and its size cap. */
export interface ReadWarcOptions {
  /** The index of the first response record to read (0-based). Default 0. */
  readonly from?: number;
  /** How many response records to read from there. Default all. */
  readonly limit?: number;
  /** The largest page read; larger ones are an `input/too-large` item. Default 5 MB. */
  readonly maxBytes?: number;
}

/** Content types of HTML pages. */
const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/**
 * Reads the HTML responses of a WARC archive. `index` counts response records, so that `from` and
 * `limit` split an archive the same way whatever its records hold.
 */
export async function* readWarc(source: AsyncIterable<Uint8Array>, options: ReadWarcOptions = {}): AsyncGenerator<WarcItem> {
  const from = options.from ?? 0;
  const limit = options.limit ?? Infinity;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const counter = { bytes: 0 };
  const parser = new WARCParser(counted(await decompressed(source), counter));
  let index = -1;
  let taken = 0;
  let last: WARCRecord | undefined;
  for (;;) {
    let record: WARCRecord | null;
    try {
      record = await parser.parse();
    } catch (error) {
      yield truncated(index + 1, last, error);
      return;
    }
    if (!record) {
      // An input cut in a record's headers leaves warcio a record without the headers every record has
      // (WARC-Type, Content-Length), or bytes after where it last looked for a record (parser.offset).
      const cutHeaders = (last !== undefined && (!last.warcType || last.warcHeader('Content-Length') == null)) || parser.offset < counter.bytes;
      if (cutHeaders) yield truncated(index, undefined, undefined, true);
      else if (last && remainingBytes(last) > 0) yield truncated(index, last);
      return;
    }
    last = record;
    if (record.warcType !== 'response') continue;
    index++;
    if (index < from) continue;
    if (taken >= limit) return;
    taken++;
    let item: WarcItem;
    try {
      item = await readResponse(record, index, maxBytes);
    } catch (error) {
      yield truncated(index, record, error);
      return;
    }
    if (item.ok && remainingBytes(record) > 0) {
      yield truncated(index, record);
      return;
    }
    yield item;
  }
}

async function* counted(source: AsyncIterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    counter.bytes += chunk.byteLength;
    yield chunk;
  }
}

/** Gzipped archives are inflated with Node's zlib, which reads concatenated members and fails on a cut-off one. */
async function decompressed(source: AsyncIterable<Uint8Array>): Promise<AsyncIterable<Uint8Array>> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < 2) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.byteLength;
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const first = head[0]?.byteLength >= 2 ? head[0] : Buffer.concat(head);
  if (first[0] !== 0x1f || first[1] !== 0x8b) return all();
  return pipeline(Readable.from(all()), createGunzip(), () => undefined);
}

async function readResponse(record: WARCRecord, index: number, maxBytes: number): Promise<WarcItem> {
  const recordId = record.warcHeader('WARC-Record-ID') ?? undefined;
  const uri = record.warcTargetURI ?? undefined;
  const date = record.warcDate ?? undefined;
  const where = { index, ...(recordId && { recordId }), ...(uri && { uri }) };
  const name = `record ${index}${uri ? ` (${uri})` : ''}`;
  const fail = (code: InputErrorCode, detail: ConstructorParameters<typeof InputError>[2]): WarcItem =>
    ({ ok: false, ...where, code, message: new InputError(code, name, detail).message });

  const status = Number(record.httpHeaders?.statusCode ?? NaN);
  if (!(status >= 200 && status <= 299)) return fail('input/http-status', { actual: String(record.httpHeaders?.statusCode ?? 'none'), expected: 'a 2xx response' });
  const contentType = record.httpHeaders?.headers.get('content-type') ?? '';
  if (contentType && !HTML_TYPE.test(contentType)) return fail('input/not-html', { actual: contentType });

  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of record.contentReader) {
    total += chunk.byteLength;
    if (total > maxBytes) return fail('input/too-large', { expected: formatBytes(maxBytes), actual: `more than that after ${formatBytes(total)}` });
    chunks.push(chunk);
  }
  const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  const utf16 = (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe);
  const nul = utf16 ? -1 : bytes.indexOf(0);
  if (nul !== -1) return fail('input/binary', { actual: `a NUL byte at offset ${nul}` });
  let html: string;
  try {
    html = decodePage(bytes, contentType, name).html;
  } catch (error) {
    if (error instanceof InputError) return { ok: false, ...where, code: error.code, message: error.message };
    throw error;
  }
  if (!contentType && !/<(!doctype html|html|head|body|p|div)\b/i.test(html.slice(0, 4096))) {
    return fail('input/not-html', { actual: 'none given, and the body does not start like HTML' });
  }
  if (!recordId || !uri) return { ok: false, ...where, code: 'input/bad-record', message: `${name} has no ${recordId ? 'WARC-Target-URI' : 'WARC-Record-ID'}; expected both on a response record.` };
  return { ok: true, index, recordId, uri, ...(date && { date }), html };
}

/**
 * The bytes of a record's block not yet read. warcio stops quietly where the input ends, so a record
 * cut off by the end of the archive shows as bytes its Content-Length promised and the parser never
 * saw; they are read from its LimitReader (`limit`), which warcio does not document.
 */
function remainingBytes(record: WARCRecord): number {
  const reader = (record as unknown as { _reader?: { limit?: unknown } })._reader;
  return typeof reader?.limit === 'number' ? reader.limit : 0;
}

/** The error item for an archive that ends early; `inHeaders`: it ends in the headers of a record after `record`. */
function truncated(index: number, record: WARCRecord | undefined, error?: unknown, inHeaders = false): WarcItem {
  const recordId = inHeaders ? undefined : record?.warcHeader('WARC-Record-ID') ?? undefined;
  const uri = inHeaders ? undefined : record?.warcTargetURI ?? undefined;
  const cause = error instanceof Error ? error.message : undefined;
  const detail = cause ? `reading stopped with "${cause}"`
    : inHeaders ? 'the headers of its last record are cut off'
    : `${record ? remainingBytes(record) : 0} bytes of the record's block are missing`;
  return {
    ok: false, index: Math.max(index + (inHeaders ? 1 : 0), 0), ...(recordId && { recordId }), ...(uri && { uri }),
    code: 'input/truncated',
    message: new InputError('input/truncated', 'the archive', { actual: detail, expected: 'complete records up to the end of the file' }).message,
  };
}
