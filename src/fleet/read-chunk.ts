/**
 * Reading one chunk of an archive (see plan.ts): the items `readWarc` gives for the chunk's records, as a
 * read of the whole archive gives them (the archive's record indexes and byte offsets). A byte range is
 * read alone, from its first gzip member; a record range reads the archive from its start and keeps the
 * items of its own records (damage between records goes with the record after it). Damage just before a
 * byte range's end finds no record after it in the range, and says so where a read of the whole archive
 * says where reading resumes.
 */
import { createReadStream } from 'node:fs';
import { readWarc, type WarcItem } from '../input/warc.js';
import type { ChunkRange } from './plan.js';

/** What `readChunk` passes on to the WARC reader. */
export interface ReadChunkOptions {
  /** The largest page read (default: the reader's, 5 MB). */
  readonly maxBytes?: number;
}

/** The items of the chunk `range` of the archive at `path`. */
export async function* readChunk(path: string, range: ChunkRange, options: ReadChunkOptions = {}): AsyncGenerator<WarcItem> {
  const caps = options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {};
  if (range.kind === 'bytes') {
    const stream = createReadStream(path, { start: range.start, ...(range.end !== undefined && { end: range.end - 1 }) });
    yield* readWarc(stream as AsyncIterable<Uint8Array>, { ...caps, start: { offset: range.start, index: range.firstRecord } });
    return;
  }
  const limit = range.end !== undefined ? { limit: range.end - range.start } : {};
  for await (const item of readWarc(createReadStream(path) as AsyncIterable<Uint8Array>, { ...caps, from: range.start, ...limit })) {
    if (item.index >= range.start && (range.end === undefined || item.index < range.end)) yield item;
  }
}
