/**
 * Splitting a WARC archive into chunks of a few hundred response records, the fleet's unit of work. An
 * archive gzipped record by record (as CC-NEWS is: each response record the first bytes of its own gzip
 * member) is split into byte ranges that start at a response record's member, so a worker reads only its
 * own bytes; any other archive is split into ranges of record indexes, which a worker reads from the
 * start. Each chunk is keyed by the archive's SHA-256 and its range, so planning the same archive twice
 * gives the same keys, wherever the file lies.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { responseStarts } from '../input/warc.js';

/**
 * Which records a chunk holds. `bytes`: the archive's bytes from `start` to `end` (a gzip member's first
 * byte each), whose first response record is number `firstRecord`. `records`: the response records
 * numbered `start` to `end` (`firstRecord` is `start`). Without `end` the chunk runs to the archive's
 * end, so that damage after the last record is read by one chunk.
 */
export interface ChunkRange {
  readonly kind: 'bytes' | 'records';
  readonly start: number;
  readonly end?: number;
  readonly firstRecord: number;
  /** Response records in the chunk. */
  readonly records: number;
}

/** One chunk of a planned archive. */
export interface PlannedChunk {
  /** `<sha256>/<kind>/<start>-<end>` (no end: to the archive's end). */
  readonly key: string;
  readonly range: ChunkRange;
}

/** An archive split into chunks. */
export interface ArchivePlan {
  /** The archive's absolute path, where workers read it. */
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly chunks: readonly PlannedChunk[];
}

/** How `planArchive` splits. */
export interface PlanOptions {
  /** Response records per chunk (default 200). */
  readonly chunkSize?: number;
}

/** The key of a chunk of the archive with this SHA-256. */
function chunkKey(sha256: string, range: Pick<ChunkRange, 'kind' | 'start' | 'end'>): string {
  return `${sha256}/${range.kind}/${range.start}-${range.end ?? ''}`;
}

/** Reads the archive once (its hash and where its response records start) and splits it. */
export async function planArchive(file: string, options: PlanOptions = {}): Promise<ArchivePlan> {
  const chunkSize = options.chunkSize ?? 200;
  if (!(Number.isInteger(chunkSize) && chunkSize >= 1)) throw new RangeError(`chunkSize: expected an integer >= 1, found ${chunkSize}`);
  const path = resolve(file);
  const { size } = await stat(path);
  const hash = createHash('sha256');
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const bytes of createReadStream(path) as AsyncIterable<Uint8Array>) {
      hash.update(bytes);
      yield bytes;
    }
  }
  const starts = await responseStarts(hashed());
  const sha256 = hash.digest('hex');
  const byMember = starts.length > 0 && starts.every((s) => s.startsMember);
  const ranges: ChunkRange[] = [];
  for (let first = 0; first < starts.length || (first === 0 && ranges.length === 0); first += chunkSize) {
    const next = first + chunkSize;
    const last = next >= starts.length;
    const records = Math.min(next, starts.length) - first;
    if (byMember) ranges.push({ kind: 'bytes', start: first === 0 ? 0 : starts[first].offset, ...(!last && { end: starts[next].offset }), firstRecord: first, records });
    else ranges.push({ kind: 'records', start: first, ...(!last && { end: next }), firstRecord: first, records });
  }
  return { path, sha256, size, chunks: ranges.map((range) => ({ key: chunkKey(sha256, range), range })) };
}
