/**
 * A pull reader over a stream of byte chunks that knows the offset of every byte it hands out, for the
 * WARC reader: it looks ahead a few bytes (a gzip header, a WARC header line), scans for a marker to
 * resynchronise after damage, and takes or skips runs of bytes without holding more than one chunk and
 * the look-ahead in memory.
 */

export class ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private buffer: Uint8Array = new Uint8Array(0);
  private done = false;
  /** The offset in the stream of `buffer[0]`. */
  private base = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** The offset of the next byte to be read. */
  get offset(): number {
    return this.base;
  }

  /** The bytes read ahead and not yet taken (a view; valid until the next call). */
  get buffered(): Uint8Array {
    return this.buffer;
  }

  /** Reads ahead until `n` bytes are buffered or the stream ends; returns how many are buffered. */
  async fill(n: number): Promise<number> {
    while (this.buffer.byteLength < n && !this.done) {
      const next = await this.iterator.next();
      if (next.done) {
        this.done = true;
        break;
      }
      if (next.value.byteLength === 0) continue;
      this.buffer = this.buffer.byteLength === 0 ? next.value : concat(this.buffer, next.value);
    }
    return this.buffer.byteLength;
  }

  /** Whether the stream has no byte left. */
  async atEnd(): Promise<boolean> {
    return (await this.fill(1)) === 0;
  }

  /** Up to `max` bytes: what is buffered, else the next chunk; an empty array at the end. */
  async take(max = Infinity): Promise<Uint8Array> {
    if ((await this.fill(1)) === 0) return new Uint8Array(0);
    const n = Math.min(max, this.buffer.byteLength);
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    this.base += n;
    return out;
  }

  /** Puts back bytes just taken (a chunk a decoder did not consume). */
  unread(bytes: Uint8Array): void {
    if (bytes.byteLength === 0) return;
    this.buffer = this.buffer.byteLength === 0 ? bytes : concat(bytes, this.buffer);
    this.base -= bytes.byteLength;
  }

  /** Drops up to `n` bytes; returns how many were dropped (fewer at the end of the stream). */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      const chunk = await this.take(left);
      if (chunk.byteLength === 0) break;
      left -= chunk.byteLength;
    }
    return n - left;
  }

  /**
   * Drops bytes up to the next place where `matches(bytes, i)` holds for a window of `width` bytes;
   * returns whether one was found (else the stream was read to its end). Linear in the bytes passed.
   */
  async seek(width: number, matches: (bytes: Uint8Array, i: number) => boolean): Promise<boolean> {
    for (;;) {
      const have = await this.fill(width);
      if (have < width) {
        await this.skip(have);
        return false;
      }
      const bytes = this.buffer;
      for (let i = 0; i + width <= bytes.byteLength; i++) {
        if (matches(bytes, i)) {
          await this.skip(i);
          return true;
        }
      }
      // keep the last width-1 bytes, which may start a match with the next chunk
      await this.skip(bytes.byteLength - width + 1);
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
