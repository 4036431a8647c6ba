// `whosaid/core` is pure: it bundles for a browser with no Node built-in anywhere in its import graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Fails the build on any import of a Node built-in ("fs", "node:zlib"), naming the importer. */
const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(b) {
    const names = new Set(builtinModules);
    b.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.replace(/^node:/, '').split('/')[0];
      if (args.path.startsWith('node:') || names.has(bare)) return { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer}` }] };
      return undefined;
    });
  },
};

async function bundle(entry: string) {
  return build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent',
    conditions: ['source'], plugins: [noNodeBuiltins],
  });
}

test('whosaid/core bundles for the browser with esbuild, without Node built-ins', async () => {
  const result = await bundle(`export { analyze, parseModel, analysisJsonSchema } from 'whosaid/core';`);
  assert.deepEqual(result.errors, []);
  assert.ok(result.outputFiles[0].contents.byteLength > 0);
});

test('the check can fail: the Node entry does not bundle for the browser', async () => {
  await assert.rejects(bundle(`export { analyze } from 'whosaid';`), /Node built-in/);
});
