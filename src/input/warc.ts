/**
 * WARC archives (plain or gzipped, e.g. Common Crawl's CC-NEWS): each HTML response record as a page,
 * streamed in constant memory. The records are framed here (header block, Content-Length, block) and
 * each response record is handed to warcio for its HTTP headers and content decoding. A record that
 * cannot be read as a page (not HTML, binary, too large, undecodable, not a 2xx response) becomes one
 * error item and the stream goes on. Damage does not end the archive: bytes that are neither gzip nor
 * a record, a corrupt gzip member, a member of junk between records, each become one `input/damaged`
 * item naming the byte offset where it starts, and reading resumes at the next record found (the next
 * gzip member header, or a "WARC/1." header line). An archive that ends inside a record ends with one
 * `input/truncated` item.
 */
import { WARCParser, type WARCRecord } from 'warcio';
import { ByteReader } from './byte-reader.js';
import { InputError, formatBytes, type InputErrorCode } from './errors.js';
import { decodePage } from './charset.js';
import { decodePieces, type Piece } from './gzip-members.js';

/** One response record of a WARC archive: a page (`ok: true`) or the problem that kept it from being one. */
export type WarcItem =
  | { ok: true; index: number; recordId: string; uri: string; date?: string; html: string }
  | { ok: false; index: number; recordId?: string; uri?: string; code: string; message: string; offset?: number };

/** Which records `readWarc` reads, and its size cap. */
export interface ReadWarcOptions {
  /** The index of the first response record to read (0-based). Default 0. */
  readonly from?: number;
  /** How many response records to read from there. Default all. */
  readonly limit?: number;
  /** The largest page read; larger ones are an `input/too-large` item. Default 5 MB. */
  readonly maxBytes?: number;
  /**
   * Where the source starts in its archive, when it is a slice of one (a gzip member's first byte, where
   * a response record starts): its byte offset, and that record's index. Offsets and indexes in the
   * items are then the archive's, as a read of the whole archive gives them. Default: the archive's start.
   */
  readonly start?: { readonly offset: number; readonly index: number };
}

/** Where a response record starts in its archive (see `responseStarts`). */
export interface ResponseStart {
  /** The record's byte offset in a plain archive; in a gzipped one, the offset of the gzip member it starts in. */
  readonly offset: number;
  /** Whether the record's first byte is the first byte of its gzip member (never, in a plain archive). */
  readonly startsMember: boolean;
}

/** Content types of HTML pages. */
const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;
/** The largest WARC header block read; a longer one is damage. */
const MAX_HEADER = 64 * 1024;
/** Room for a response's HTTP headers beside its body within a record's block. */
const HTTP_HEADER_ROOM = 64 * 1024;
const WARC_LINE = /^WARC\/1\.\d\r?\n/;
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const NEEDLE = ascii('\nWARC/1.');

interface Damage {
  readonly at: number;
  readonly problem: string;
  readonly resumeAt?: number;
  /** The file ends inside a gzip member. */
  readonly cutOff: boolean;
  reported: boolean;
}

/**
 * The undamaged stretches of an archive, one ByteReader each, and the damage between them. Maps an
 * offset in a stretch's inflated bytes back to the file: exactly in a plain file, to the gzip member
 * in a gzipped one.
 */
class Stretches {
  private readonly pieces: AsyncGenerator<Piece>;
  private ended = false;
  /** The damage that ended the current stretch, once it is read to its end. */
  damage: Damage | undefined;
  /** Where each piece of the current stretch starts in it, where it came from in the file, and whether it is a gzip member's first. */
  private marks: { start: number; at: number; exact: boolean; first: boolean }[] = [];
  private length = 0;
  /** The file offset of the last piece, to tell a gzip member's first piece from the ones after it. */
  private lastAt = -1;

  /** `base`: the file offset of the source's first byte. */
  constructor(source: AsyncIterable<Uint8Array>, private readonly base = 0) {
    this.pieces = decodePieces(source);
  }

  /** The next stretch, or undefined at the end of the archive. */
  next(): ByteReader | undefined {
    if (this.ended) return undefined;
    this.damage = undefined;
    this.marks = [];
    this.length = 0;
    const self = this;
    async function* stretch(): AsyncGenerator<Uint8Array> {
      for (;;) {
        const next = await self.pieces.next();
        if (next.done) {
          self.ended = true;
          return;
        }
        const piece = next.value;
        if (piece.kind === 'damage') {
          self.damage = { at: self.base + piece.at, problem: piece.problem, ...(piece.resumeAt !== undefined && { resumeAt: self.base + piece.resumeAt }), cutOff: piece.cutOff === true, reported: false };
          if (piece.resumeAt === undefined) self.ended = true;
          return;
        }
        const at = self.base + piece.at;
        self.marks.push({ start: self.length, at, exact: piece.exact, first: !piece.exact && at !== self.lastAt });
        self.lastAt = at;
        self.length += piece.data.byteLength;
        yield piece.data;
      }
    }
    return new ByteReader(stretch());
  }

  /** The file offset of the byte at `offset` in the current stretch. */
  fileOffset(offset: number): number {
    while (this.marks.length > 1 && this.marks[1].start <= offset) this.marks.shift();
    const mark = this.marks[0];
    if (!mark) return this.damage?.at ?? 0;
    return mark.exact ? mark.at + (offset - mark.start) : mark.at;
  }

  /** Whether the byte at `offset` in the current stretch is the first byte of a gzip member. */
  startsMember(offset: number): boolean {
    this.fileOffset(offset);
    const mark = this.marks[0];
    return mark !== undefined && mark.first && mark.start === offset;
  }
}

/**
 * Reads the HTML responses of a WARC archive. `index` counts response records, so that `from` and
 * `limit` split an archive the same way whatever its records hold.
 */
export async function* readWarc(source: AsyncIterable<Uint8Array>, options: ReadWarcOptions = {}): AsyncGenerator<WarcItem> {
  const from = options.from ?? 0;
  const limit = options.limit ?? Infinity;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  if (limit <= 0) return;
  yield* readRecords(source, options.start, { from, limit, maxBytes });
}

/**
 * Where each response record of an archive starts, in order, read without reading any record's block:
 * what splits an archive into slices that `readWarc`'s `start` reads one at a time.
 */
export async function responseStarts(source: AsyncIterable<Uint8Array>): Promise<ResponseStart[]> {
  const starts: ResponseStart[] = [];
  const limits = { from: Infinity, limit: Infinity, maxBytes: 0, onResponse: (start: ResponseStart) => void starts.push(start) };
  // damage is reported by the reads that follow; here only where the records start counts
  for await (const _item of readRecords(source, undefined, limits));
  return starts;
}

async function* readRecords(source: AsyncIterable<Uint8Array>, start: ReadWarcOptions['start'], limits: Limits): AsyncGenerator<WarcItem> {
  const stretches = new Stretches(source, start?.offset ?? 0);
  const state = { index: (start?.index ?? 0) - 1, taken: 0 };
  for (let reader = stretches.next(); reader; reader = stretches.next()) {
    const stop = yield* readStretch(reader, stretches, state, limits);
    if (stop) return;
    const damage = stretches.damage;
    if (damage?.cutOff && !damage.reported) yield truncatedAt(state.index + 1, damage.at, undefined, `the gzip member at byte ${damage.at} is cut off`);
    else if (damage && !damage.reported) yield damaged(state.index + 1, damage.at, damage.problem, damage.resumeAt);
  }
}

interface Limits {
  readonly from: number;
  readonly limit: number;
  readonly maxBytes: number;
  /** Told where each response record starts. */
  readonly onResponse?: (start: ResponseStart) => void;
}

/** The records of one undamaged stretch; returns true once `limit` records were taken. */
async function* readStretch(reader: ByteReader, stretches: Stretches, state: { index: number; taken: number }, limits: Limits): AsyncGenerator<WarcItem, boolean> {
  for (;;) {
    // the CRLF CRLF after a block, and any blank lines between records
    while ((await reader.fill(1)) > 0 && (reader.buffered[0] === 0x0d || reader.buffered[0] === 0x0a)) await reader.skip(1);
    if (await reader.atEnd()) return false;
    const recordAt = reader.offset;
    const header = await readHeader(reader);
    if (header.kind === 'cut') {
      yield cut(stretches, state.index + 1, recordAt, undefined, 'the headers of its last record are cut off');
      return false;
    }
    if (header.kind === 'bad') {
      const at = stretches.fileOffset(recordAt);
      await reader.skip(1);
      const found = await reader.seek(NEEDLE.byteLength, (b, i) => NEEDLE.every((c, k) => b[i + k] === c));
      if (found) await reader.skip(1);
      const resumeAt = found ? stretches.fileOffset(reader.offset) : undefined;
      yield damaged(state.index + 1, at, header.problem, resumeAt, found ? undefined : stretches.damage);
      continue;
    }
    const { bytes, type, length, recordId, uri } = header;
    const ids = { ...(recordId && { recordId }), ...(uri && { uri }) };
    const isResponse = type === 'response';
    if (isResponse) {
      state.index++;
      limits.onResponse?.({ offset: stretches.fileOffset(recordAt), startsMember: stretches.startsMember(recordAt) });
    }
    const wanted = isResponse && state.index >= limits.from;
    if (wanted && state.taken >= limits.limit) return true;
    if (wanted) state.taken++;
    if (!wanted || length > limits.maxBytes + HTTP_HEADER_ROOM) {
      const skipped = await reader.skip(length);
      if (skipped < length) {
        yield cut(stretches, state.index + (isResponse ? 0 : 1), recordAt, ids, `${length - skipped} bytes of the record's block are missing`);
        return false;
      }
      if (wanted) {
        const name = `record ${state.index}${uri ? ` (${uri})` : ''}`;
        yield { ok: false, index: state.index, ...ids, code: 'input/too-large', message: new InputError('input/too-large', name, { expected: formatBytes(limits.maxBytes), actual: `a record block of ${formatBytes(length)}` }).message };
      }
      continue;
    }
    const block: Uint8Array[] = [];
    let got = 0;
    while (got < length) {
      const chunk = await reader.take(length - got);
      if (chunk.byteLength === 0) break;
      block.push(chunk);
      got += chunk.byteLength;
    }
    if (got < length) {
      yield cut(stretches, state.index, recordAt, ids, `${length - got} bytes of the record's block are missing`);
      return false;
    }
    yield await responseItem([bytes, ...block], state.index, limits.maxBytes, ids);
  }
}

type Header =
  | { kind: 'ok'; bytes: Uint8Array; type: string; length: number; recordId?: string; uri?: string }
  | { kind: 'bad'; problem: string }
  | { kind: 'cut' };

/** Reads a record's header block (up to its blank line) when the reader is at one. */
async function readHeader(reader: ByteReader): Promise<Header> {
  let text = '';
  let end = -1;
  let separator = 0;
  for (let want = 1024; ; want *= 2) {
    const have = await reader.fill(want);
    text = latin1(reader.buffered.subarray(0, Math.min(have, MAX_HEADER)));
    if (!text.startsWith('WARC/1.')) {
      if (have < want && 'WARC/1.'.startsWith(text)) return { kind: 'cut' };
      return { kind: 'bad', problem: `${describeBytes(text)} where a record's "WARC/1." header line was expected` };
    }
    const m = /\r?\n\r?\n/.exec(text);
    if (m) {
      end = m.index;
      separator = m[0].length;
      break;
    }
    if (have < want) return { kind: 'cut' };
    if (have >= MAX_HEADER) return { kind: 'bad', problem: `a record header longer than ${formatBytes(MAX_HEADER)}` };
  }
  if (!WARC_LINE.test(text)) return { kind: 'bad', problem: `${describeBytes(text)} where a record's "WARC/1." header line was expected` };
  const fields = new Map<string, string>();
  for (const line of text.slice(0, end).split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const length = fields.get('content-length') ?? '';
  if (!/^\d{1,15}$/.test(length)) return { kind: 'bad', problem: `a record header whose Content-Length is ${length ? `"${length.slice(0, 20)}"` : 'missing'}` };
  const bytes = (await reader.take(end + separator)).slice();
  const recordId = fields.get('warc-record-id');
  const uri = fields.get('warc-target-uri');
  return { kind: 'ok', bytes, type: fields.get('warc-type') ?? '', length: Number(length), ...(recordId && { recordId }), ...(uri && { uri }) };
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

/** The first bytes of junk as a reader can see them: `"%PDF-1.4…"`, or `12 bytes such as 0x8f 0x00 …`. */
function describeBytes(text: string): string {
  const head = text.slice(0, 16);
  if (/^[\x20-\x7e]+$/.test(head)) return `"${head}${text.length > 16 ? '…' : ''}"`;
  const hex = [...head.slice(0, 4)].map((c) => `0x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(' ');
  return `bytes that are not text (${hex} …)`;
}

/** The item for damage at file offset `at`, and where reading resumes; `next`: the damage that ends this stretch, if any. */
function damaged(index: number, at: number, problem: string, resumeAt?: number, next?: Damage): WarcItem {
  const after = resumeAt !== undefined ? `reading resumes at byte ${resumeAt}`
    : next ? `no record follows it before byte ${next.at}`
    : 'no record follows it';
  return {
    ok: false, index, code: 'input/damaged', offset: at,
    message: new InputError('input/damaged', 'the archive', { actual: `at byte ${at}, ${problem}; ${after}`, expected: 'WARC records, one after another' }).message,
  };
}

/** The item for a record cut off: by damage (reported here, once) or by the end of the file. */
function cut(stretches: Stretches, index: number, recordAt: number, ids: { recordId?: string; uri?: string } | undefined, missing: string): WarcItem {
  const at = stretches.fileOffset(recordAt);
  const damage = stretches.damage;
  if (damage && !damage.reported && !damage.cutOff) {
    damage.reported = true;
    const after = damage.resumeAt !== undefined ? `reading resumes at byte ${damage.resumeAt}` : 'no record follows it';
    return {
      ok: false, index, ...ids, code: 'input/damaged', offset: damage.at,
      message: new InputError('input/damaged', 'the archive', { actual: `the record at byte ${at} is cut off at byte ${damage.at} by ${damage.problem}; ${after}`, expected: 'WARC records, one after another' }).message,
    };
  }
  if (damage) damage.reported = true;
  return truncatedAt(index, at, ids, `the record at byte ${at}: ${missing}`);
}

function truncatedAt(index: number, at: number, ids: { recordId?: string; uri?: string } | undefined, detail: string): WarcItem {
  return {
    ok: false, index: Math.max(index, 0), ...ids, code: 'input/truncated', offset: at,
    message: new InputError('input/truncated', 'the archive', { actual: detail, expected: 'complete records up to the end of the file' }).message,
  };
}

/** A response record read in full: its page, or the error item saying why it is not one. */
async function responseItem(bytes: Uint8Array[], index: number, maxBytes: number, ids: { recordId?: string; uri?: string }): Promise<WarcItem> {
  async function* whole(): AsyncGenerator<Uint8Array> {
    yield* bytes;
    yield ascii('\r\n\r\n');
  }
  try {
    const record = await new WARCParser(whole()).parse();
    if (!record) throw new Error('warcio found no record');
    return await readResponse(record, index, maxBytes);
  } catch (error) {
    const name = `record ${index}${ids.uri ? ` (${ids.uri})` : ''}`;
    return { ok: false, index, ...ids, code: 'input/damaged', message: new InputError('input/damaged', name, { actual: `its HTTP response cannot be read (${error instanceof Error ? error.message : String(error)})`, expected: 'an HTTP response' }).message };
  }
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

