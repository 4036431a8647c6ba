import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

type Model = { features: Record<string, { hash?: Record<string, number> }> };

test('the fast reader builds the object the model package reader builds, key order and prototypes included', async () => {
  const { readCoreModelFile, winkCoreFiles } = await import('./wink-core-model.js');
  const files = winkCoreFiles();
  assert.ok(files, 'wink-eng-lite-web-model 1.8 is installed');
  // the test loads the package's own reader first, so the fast one is not installed in this process
  const own = (require(files.reader) as () => Model)();
  const fast = readCoreModelFile(files.json) as Model;
  assert.deepStrictEqual(fast, own);
  for (const [name, feature] of Object.entries(own.features)) {
    if (!feature.hash) continue;
    assert.equal(Object.getPrototypeOf(fast.features[name].hash), null, name);
    assert.deepEqual(Object.keys(fast.features[name].hash!), Object.keys(feature.hash), `${name}: keys in the same order`);
  }
  // each call gives a model of its own, as the package's copy did: wink-nlp learns words into it
  const again = readCoreModelFile(files.json) as Model;
  again.features.lexeme.hash!['a-word-learned-later'] = 1;
  assert.equal(fast.features.lexeme.hash!['a-word-learned-later'], undefined);
});

test('a pack of the model gives the object the package reader builds, a fresh one each load', async () => {
  const { CorePack, packCoreModel, winkCoreFiles } = await import('./wink-core-model.js');
  const files = winkCoreFiles();
  assert.ok(files, 'wink-eng-lite-web-model 1.8 is installed');
  const own = (require(files.reader) as () => Model)();
  const pack = CorePack.read(packCoreModel(readFileSync(files.json, 'utf8'), files.version));
  assert.ok(pack);
  assert.deepEqual(pack.source, { version: files.version, bytes: statSync(files.json).size });
  const packed = pack.model() as Model;
  assert.deepStrictEqual(packed, own);
  for (const [name, feature] of Object.entries(own.features)) {
    if (!feature.hash) continue;
    assert.equal(Object.getPrototypeOf(packed.features[name].hash), null, name);
    assert.deepEqual(Object.keys(packed.features[name].hash!), Object.keys(feature.hash), `${name}: keys in the same order`);
  }
  // each load gives a model of its own: what one learns, the next does not know
  packed.features.lexeme.hash!['a-word-learned-later'] = 90_000;
  (packed as unknown as { features: { lexeme: { list: string[] } } }).features.lexeme.list.push('a-word-learned-later');
  const again = pack.model() as Model & { features: { lexeme: { list: string[] } } };
  assert.equal(again.features.lexeme.hash!['a-word-learned-later'], undefined);
  assert.ok(!again.features.lexeme.list.includes('a-word-learned-later'));
  assert.deepStrictEqual(again, own);
  assert.ok(!CorePack.read(Buffer.from('{"not":"a pack"}')));
});

test('analysing through src/node reads the core model with the fast reader', () => {
  const analyzer = new URL('./analyzer.ts', import.meta.url).href;
  const reader = new URL('./wink-core-model.ts', import.meta.url).href;
  const script = `const { analyzeArticle } = await import(${JSON.stringify(analyzer)});
const { fastWinkCore } = await import(${JSON.stringify(reader)});
const a = analyzeArticle({ text: '“The bridge opens on Monday,” the mayor said.' });
console.log(JSON.stringify({ fastWinkCore, speakers: a.attributions.map((x) => x.speaker.mention?.text) }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('../../', import.meta.url)), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { fastWinkCore: true, speakers: ['the mayor'] });
});
