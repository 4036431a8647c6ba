/**
 * The bytes of an archive as it is read: a plain file as it is, a gzipped one inflated member by member
 * (a WARC.gz holds one gzip member a record), each piece with the byte offset in the file it came
 * from. Damage does not end the stream: bytes that are not a gzip member, a member whose data or
 * checksum is corrupt, or one cut off by the end of the file become a `damage` piece naming its offset,
 * and reading resumes at the next gzip member header (1f 8b 08) found after it.
 */
import { constants, createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import { ByteReader } from './byte-reader.js';

export type Piece =
  /** Inflated (or plain) bytes. `at`: the file offset of the gzip member they come from, or of `data[0]` in a plain file. */
  | { readonly kind: 'bytes'; readonly data: Uint8Array; readonly at: number; readonly exact: boolean }
  /** Bytes from `at` could not be read; `resumeAt`: where the next member starts, absent when none follows. */
  | { readonly kind: 'damage'; readonly at: number; readonly problem: string; readonly resumeAt?: number; readonly cutOff?: boolean };

/** The largest gzip header read (its optional file name and comment included). */
const MAX_GZIP_HEADER = 64 * 1024;
const CHUNK = 64 * 1024;
/** The bytes of a member held until its checksum is checked. */
const HOLD = 16 * 1024 * 1024;
const CUT_OFF = 'a gzip member cut off by the end of the file';
/** A cut-off member whose inflater ran on into the members after it. */
const CUT_SHORT = 'a gzip member cut short (its data does not end before the next member)';

const isMagic = (b: Uint8Array, i: number): boolean => b[i] === 0x1f && b[i + 1] === 0x8b && b[i + 2] === 0x08;

/** The pieces of an archive, gzipped or not (told by its first two bytes). */
export async function* decodePieces(source: AsyncIterable<Uint8Array>): AsyncGenerator<Piece> {
  const reader = new ByteReader(source);
  await reader.fill(2);
  const head = reader.buffered;
  if (!(head[0] === 0x1f && head[1] === 0x8b)) {
    for (;;) {
      const at = reader.offset;
      const data = await reader.take(CHUNK);
      if (data.byteLength === 0) return;
      yield { kind: 'bytes', data, at, exact: true };
    }
  }
  while (!(await reader.atEnd())) {
    const at = reader.offset;
    const problem = yield* inflateMember(reader);
    if (problem === undefined) continue;
    if (reader.offset === at) await reader.skip(1);
    const found = await reader.seek(3, isMagic);
    if (!found && problem === CUT_OFF) yield { kind: 'damage', at, problem, cutOff: true };
    else yield { kind: 'damage', at, problem: problem === CUT_OFF ? CUT_SHORT : problem, ...(found && { resumeAt: reader.offset }) };
  }
}

/**
 * The member data and trailer at the start of `bytes`, inflated in one call, where they are all there
 * and sound: the data and the length of compressed data and trailer; else undefined (the streaming
 * path then reads the member and says what is wrong with it).
 */
function inflateBuffered(bytes: Uint8Array): { data: Uint8Array; length: number } | undefined {
  if (bytes.byteLength <= 8) return undefined;
  let data: Buffer;
  let used: number;
  try {
    // Z_SYNC_FLUSH: input that ends early is not an error; it is told apart by what was consumed
    const result = inflateRawSync(bytes, { info: true, finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: HOLD }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    data = result.buffer;
    used = result.engine.bytesWritten;
  } catch {
    return undefined;
  }
  // the inflater takes every byte offered until its data ends: bytes left over mean it ended
  if (used + 8 > bytes.byteLength) return undefined;
  const t = bytes.subarray(used, used + 8);
  const storedCrc = (t[0] | (t[1] << 8) | (t[2] << 16) | (t[3] << 24)) >>> 0;
  const storedSize = (t[4] | (t[5] << 8) | (t[6] << 16) | (t[7] << 24)) >>> 0;
  if (storedCrc !== crc32(data) >>> 0 || storedSize !== data.byteLength % 2 ** 32) return undefined;
  return { data, length: used + 8 };
}

/** The length of the gzip header at the start of `b` (RFC 1952 §2.3), 0 if more bytes are needed, -1 if it is not one. */
function gzipHeaderLength(b: Uint8Array): number {
  if (b.byteLength < 10) return 0;
  if (!isMagic(b, 0) || (b[3] & 0xe0) !== 0) return -1;
  const flags = b[3];
  let n = 10;
  if (flags & 0x04) {
    if (b.byteLength < n + 2) return 0;
    n += 2 + (b[n] | (b[n + 1] << 8));
  }
  for (const flag of [0x08, 0x10]) {
    if (!(flags & flag)) continue;
    const zero = b.indexOf(0, n);
    if (zero === -1) return 0;
    n = zero + 1;
  }
  if (flags & 0x02) n += 2;
  return b.byteLength >= n ? n : 0;
}

/**
 * Inflates the member at the reader's offset, yielding its bytes; returns what is wrong with it, or
 * undefined when it is whole. A member's bytes are held until its checksum is checked (up to HOLD
 * bytes; a larger member streams unchecked), so that a corrupt member gives no bytes; its compressed
 * bytes are held too, so that after damage the reader stands just after the member's first byte and
 * the next member is found even where a cut-off member's inflater ran on into it.
 */
async function* inflateMember(reader: ByteReader): AsyncGenerator<Piece, string | undefined> {
  const at = reader.offset;
  let headerLength = 0;
  for (let want = 16; headerLength === 0; want *= 2) {
    const have = await reader.fill(want);
    headerLength = gzipHeaderLength(reader.buffered);
    if (headerLength === 0 && (have < want || want > MAX_GZIP_HEADER)) headerLength = -1;
  }
  if (headerLength < 0) return isMagic(reader.buffered, 0) ? 'a gzip header that cannot be read' : 'bytes that are not a gzip member';

  const header = (await reader.take(headerLength)).slice();
  // most members (a record each) are whole in the bytes read ahead: inflated at once
  for (let attempt = 0; attempt < 2; attempt++) {
    const whole = inflateBuffered(reader.buffered);
    if (whole) {
      await reader.skip(whole.length);
      yield { kind: 'bytes', data: whole.data, at, exact: false };
      return undefined;
    }
    if (attempt === 0 && reader.buffered.byteLength < 4 * CHUNK) await reader.fill(reader.buffered.byteLength + 1);
  }
  let compressed: Uint8Array[] | undefined = [header];
  let compressedSize = headerLength;
  let held: Uint8Array[] | undefined = [];
  let heldSize = 0;
  /** After damage: back to just after the member's first byte, where the bytes are still held. */
  const rewind = (): void => {
    if (!compressed) return;
    const all = Buffer.concat(compressed);
    reader.unread(all.subarray(Math.min(1, all.byteLength)));
  };

  const inflate = createInflateRaw();
  const out: Uint8Array[] = [];
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  inflate.on('data', (chunk: Uint8Array) => out.push(chunk));
  inflate.on('end', () => { ended = true; wake?.(); });
  inflate.on('error', (error: Error) => { failure = error; wake?.(); });
  let crc = 0;
  let size = 0;
  try {
    for (;;) {
      const chunk = await reader.take(CHUNK);
      if (chunk.byteLength === 0) {
        rewind();
        return CUT_OFF;
      }
      const before = inflate.bytesWritten;
      await new Promise<void>((resolve) => {
        wake = resolve;
        inflate.write(chunk, () => resolve());
      });
      // 'end' and 'error' arrive on a later tick than the write's callback
      await new Promise<void>((resolve) => setImmediate(resolve));
      wake = undefined;
      const used = failure ? chunk.byteLength : inflate.bytesWritten - before;
      if (compressed) {
        compressed.push(chunk.slice(0, used));
        compressedSize += used;
        if (compressedSize > HOLD) compressed = undefined;
      }
      for (const data of out) {
        crc = crc32(data, crc);
        size += data.byteLength;
        if (held) {
          held.push(data);
          heldSize += data.byteLength;
        } else {
          yield { kind: 'bytes', data, at, exact: false };
        }
      }
      out.length = 0;
      if (held && heldSize > HOLD) {
        for (const data of held) yield { kind: 'bytes', data, at, exact: false };
        held = undefined;
      }
      if (failure) {
        rewind();
        return `a gzip member whose data is corrupt (${failure.message})`;
      }
      if (ended || used < chunk.byteLength) {
        reader.unread(chunk.subarray(used));
        break;
      }
    }
  } finally {
    inflate.destroy();
  }
  if ((await reader.fill(8)) < 8) {
    rewind();
    return CUT_OFF;
  }
  const t = reader.buffered;
  const storedCrc = (t[0] | (t[1] << 8) | (t[2] << 16) | (t[3] << 24)) >>> 0;
  const storedSize = (t[4] | (t[5] << 8) | (t[6] << 16) | (t[7] << 24)) >>> 0;
  if (storedCrc !== crc >>> 0 || storedSize !== size % 2 ** 32) {
    rewind();
    return 'a gzip member whose checksum does not match its data';
  }
  await reader.skip(8);
  for (const data of held ?? []) yield { kind: 'bytes', data, at, exact: false };
  return undefined;
}
