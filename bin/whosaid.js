#!/usr/bin/env node
// The installed `whosaid` command: runs the compiled CLI in dist/ (built by `npm run build`, and by
// `npm ci` through the prepare script). For development without a build: npx tsx src/cli/main.ts
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('whosaid: dist/cli/main.js is missing; run `npm run build` in the package folder first\n');
  process.exit(70);
}
const { run } = await import(entry.href);
await run();
