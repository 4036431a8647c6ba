/**
 * WARC archives for tests, built record by record with warcio: plain, or gzipped one gzip member a
 * record as CC-NEWS is. Pages are short fictional stories written for these tests.
 */
import { WARCRecord, WARCSerializer } from 'warcio';

/** A page of one fictional story, told apart by `n`. */
export const pageOf = (n: number): string =>
  `<!DOCTYPE html><html lang="en"><body><article><p>The harbor office said on Monday that ferry ${n} would run again from April.</p></article></body></html>`;

/** One record: its type (default a response), target URL, HTTP status line and headers, and body. */
export interface Spec {
  type?: 'response' | 'request' | 'warcinfo' | 'resource';
  url?: string;
  status?: string;
  headers?: Record<string, string>;
  body: string | Uint8Array;
}

async function* chunksOf(body: Uint8Array): AsyncGenerator<Uint8Array> {
  yield body;
}

/** The record `spec` as bytes (its own gzip member with `gzip`); `i` names its default URL. */
export async function recordOf(spec: Spec, i: number, gzip: boolean): Promise<Uint8Array> {
  const type = spec.type ?? 'response';
  const body = typeof spec.body === 'string' ? new TextEncoder().encode(spec.body) : spec.body;
  const http = type === 'response' || type === 'request';
  const record = type === 'warcinfo'
    ? WARCRecord.createWARCInfo({ filename: 'test.warc', warcVersion: 'WARC/1.1' }, { software: 'whosaid tests' })
    : WARCRecord.create({
      url: spec.url ?? `https://news.example/story-${i}`,
      date: '2021-03-03T10:00:00Z',
      type,
      warcVersion: 'WARC/1.1',
      ...(http && { httpHeaders: spec.headers ?? { 'Content-Type': 'text/html; charset=utf-8' } }),
      ...(type === 'response' && { statusline: spec.status ?? 'HTTP/1.1 200 OK' }),
      ...(type === 'request' && { statusline: 'GET / HTTP/1.1' }),
    }, chunksOf(body));
  return WARCSerializer.serialize(record, { gzip });
}

/** The records one after another. */
export async function archive(specs: Spec[], gzip: boolean): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for (const [i, spec] of specs.entries()) parts.push(await recordOf(spec, i, gzip));
  return Buffer.concat(parts);
}
