/**
 * Builds the web page into dist/web (run by `npm run build` and `prepare`, so the built page ships in
 * the package and `whosaid serve` needs no build step): src/web/app.ts bundled with chart.js by
 * esbuild, the HTML and CSS copied, and the bundled example article for "Load the example".
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const out = new URL('dist/web/', root);
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [new URL('src/web/app.ts', root).pathname],
  outfile: new URL('app.js', out).pathname,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
for (const name of ['index.html', 'style.css']) copyFileSync(new URL(`src/web/${name}`, root), new URL(name, out));
copyFileSync(new URL('examples/harbor-bridge.txt', root), new URL('example.txt', out));
