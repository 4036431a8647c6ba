import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

test('src/corpus bundles for a browser: no Node built-ins, no I/O', async () => {
  const entry = (name: string) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const result = await build({
    entryPoints: ['people', 'copies', 'from-analysis'].map(entry),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    outdir: 'out',
    logLevel: 'silent',
  });
  assert.deepEqual(result.errors, []);
  for (const file of result.outputFiles) {
    assert.doesNotMatch(file.text, /\bfrom\s*["']node:|require\(["'](node:|fs|path|os|child_process)/, file.path);
  }
});
