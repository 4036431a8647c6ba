/**
 * The server on a socket: the app with a real analysis pool, the corpus at --db (a SQLite file is read
 * in threads of its own: pooled-store.ts), guarded URL fetches and the built page. `close()` is the
 * graceful shutdown SIGTERM triggers: new requests get 503, the socket stops accepting, requests in
 * flight finish (an ingest is one transaction, so the corpus never holds half an article), then the
 * threads and the corpus close.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { fetchPage } from '../input/fetch.js';
import { isPostgresUrl, openStoreAt } from '../store/open.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { guardedFetch } from './address-guard.js';
import { createAnalysisPool, type Analyzer, type PoolOptions } from './analysis-pool.js';
import { createApp, type PageFetcher } from './app.js';
import { pooledStore, type ReaderOptions } from './pooled-store.js';
import { loadWebAssets, webDirectory } from './web-assets.js';

export interface ServeOptions extends PoolOptions, ReaderOptions {
  /** The corpus file; without it, the corpus routes answer 503. */
  db?: string;
  port?: number;
  host?: string;
  /** Let URL fetches reach loopback and private addresses (default false). */
  allowPrivateUrls?: boolean;
  maxBodyBytes?: number;
  /** Told of each failure that became a 500. */
  onInternalError?: (error: unknown) => void;
}

export interface RunningServer {
  /** "http://127.0.0.1:8080". */
  url: string;
  port: number;
  close(): Promise<void>;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function startServer(options: ServeOptions = {}, analyzer: Analyzer = createAnalysisPool(options)): Promise<RunningServer> {
  const store: Store | undefined = options.db === undefined ? undefined : isPostgresUrl(options.db) ? await openStoreAt(options.db) : pooledStore(openSqliteStore(options.db), options.db, options);
  const doFetch = options.allowPrivateUrls ? globalThis.fetch : guardedFetch();
  const fetcher: PageFetcher = (url) => fetchPage(url, { fetch: doFetch });
  const web = webDirectory();
  let closing = false;
  const app = createApp({
    analyzer,
    fetchPage: fetcher,
    isShuttingDown: () => closing,
    version: packageVersion(),
    ...(store && { store }),
    ...(web !== undefined && { web: loadWebAssets(web) }),
    ...(options.maxBodyBytes !== undefined && { maxBodyBytes: options.maxBodyBytes }),
    ...(options.onInternalError && { onInternalError: options.onInternalError }),
  });
  const host = options.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close() {
      closed ??= (async () => {
        closing = true;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // idle keep-alive sockets would hold close() open; requests in flight keep theirs
          (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        await analyzer.close();
        await store?.close();
      })();
      return closed;
    },
  };
}
