/**
 * Bundles the CLI (src/cli/main.ts and everything it imports, with chrono-node and wink-nlp) with esbuild into
 * dist/bundle/: main.js and lazily imported chunks, so that a command reads a few files where Node's ESM
 * loader would resolve, read and link some 150 (`whosaid extract` on a paragraph: about 12% fewer
 * instructions). Run by `npm run build` after tsc; bin/whosaid.js runs the bundle while it is newer than
 * dist/cli/main.js, else the tsc output (so a `tsc -p .` alone never runs stale code).
 *
 *   npx tsx scripts/bundle-cli.ts
 *
 * What stays outside, loaded as before:
 *   - the other packages (node_modules), but chrono-node and wink-nlp (51 and some forty small modules: resolving,
 *     reading and compiling each one cost more than the code; wink-nlp's model package stays outside);
 *   - src/node/wink-core-model.ts, which must run before wink-eng-lite-web-model loads (in a bundle the
 *     imports of other packages are hoisted above its code, so the module that imports the model package
 *     imports it first);
 *   - the worker threads' modules (src/parallel/*-task.ts, thread.ts, src/server/analysis-worker.ts), which
 *     the code finds by URL beside its own file and which load from dist/ in their own threads.
 * So that every such URL (`new URL('./x.js', import.meta.url)`: workers, package.json, the web page's
 * files, the package root) still points where it points from the tsc output, each module's
 * `import.meta.url` is rewritten to the URL of its file in dist/.
 */
import { build, type Plugin } from 'esbuild';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const outdir = join(root, 'dist', 'bundle');

/** The path from the bundle's folder to `file`'s counterpart in dist/ (src/x/y.ts → ../x/y.js). */
function fromBundle(file: string): string {
  return relative(outdir, join(root, 'dist', relative(src, file))).split(sep).join('/').replace(/\.ts$/, '.js');
}

/** The packages bundled with the CLI: many small modules each, plain code (no files found by path, no native parts). */
const BUNDLED = ['chrono-node', 'wink-nlp'];

const layout: Plugin = {
  name: 'whosaid-layout',
  setup(b) {
    // packages stay external but chrono-node; the wink reader stays its own module, in dist/
    b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.some((name) => args.path === name || args.path.startsWith(name + '/')) || args.kind === 'entry-point' ? undefined : { path: args.path, external: true }));
    b.onResolve({ filter: /wink-core-model\.js$/ }, (args) => ({ path: fromBundle(join(args.resolveDir, args.path).replace(/\.js$/, '.ts')), external: true }));
    // each module's import.meta.url is its dist/ file's; a module that imports the wink model package
    // imports the reader first, whichever chunk gets loaded first
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const readsModel = /from 'wink-eng-lite-web-model'/.test(text);
      if (!args.path.startsWith(src + sep) || (!text.includes('import.meta.url') && !readsModel)) return undefined;
      const reader = readsModel ? `import ${JSON.stringify(relative(dirname(args.path), join(src, 'node', 'wink-core-model.js')).split(sep).join('/'))};\n` : '';
      return { contents: reader + text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle(args.path))}, import.meta.url).href`), loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [join(src, 'cli', 'main.ts')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // each command's own code in chunks it imports when it runs, as from dist/
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [layout],
});
const files = Object.keys(result.metafile.outputs);
process.stdout.write(`bundle-cli: wrote ${files.length} files to ${relative(root, outdir)}/\n`);
