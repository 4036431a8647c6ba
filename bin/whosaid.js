#!/usr/bin/env node
// The installed `whosaid` command: runs the compiled CLI in dist/ (built by `npm run build`, and by
// `npm ci` through the prepare script). For development without a build: npx tsx src/cli/main.ts
// The build bundles the CLI into dist/bundle/ (scripts/bundle-cli.ts), which starts faster; it runs while
// it is at least as new as tsc's dist/cli/main.js, so a `tsc -p .` after it never leaves stale code running.
import { existsSync, statSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
const bundle = new URL('../dist/bundle/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('whosaid: dist/cli/main.js is missing; run `npm run build` in the package folder first\n');
  process.exit(70);
}
const fresh = statSync(bundle, { throwIfNoEntry: false });
const { run } = await import((fresh && fresh.mtimeMs >= statSync(entry).mtimeMs ? bundle : entry).href);
await run();
