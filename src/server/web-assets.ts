/**
 * The built web page (src/web, bundled by scripts/build-web.ts into dist/web at `npm run build`), read
 * once at start-up and served from memory. Only the files the build wrote are served; no path from a
 * request ever reaches the file system.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WebAssets {
  get(path: string): { body: Uint8Array<ArrayBuffer>; type: string } | undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The folder of the built page: dist/web, from source (src/server) or from the build (dist/server). */
export function webDirectory(): string | undefined {
  const dir = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../dist/web/' : '../web/', import.meta.url));
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

export function loadWebAssets(dir: string): WebAssets {
  const files = new Map<string, { body: Uint8Array<ArrayBuffer>; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (type) files.set(`/${name}`, { body: new Uint8Array(readFileSync(join(dir, name))), type });
  }
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return { get: (path) => files.get(path) };
}
