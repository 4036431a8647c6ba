import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

type Model = { features: Record<string, { hash?: Record<string, number> }> };

// the package's own reader, loaded before wink-core-model.js is imported: the fast one is then not
// installed in this process, and `require(files.reader)` below is the package's
require('wink-eng-lite-web-model/dist/read-core-model.js');
const ownExceptions = Object.fromEntries(['noun', 'verb', 'adjective'].map((kind) => [kind, require(`wink-eng-lite-web-model/dist/wn-${kind}-exceptions.js`) as Record<string, string>]));

test('the fast reader builds the object the model package reader builds, key order and prototypes included', async () => {
  const { readCoreModelFile, winkCoreFiles } = await import('./wink-core-model.js');
  const files = winkCoreFiles();
  assert.ok(files, 'wink-eng-lite-web-model 1.8 is installed');
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

/** `model` with its lexeme look-up table set aside, to compare the rest whole. */
function withoutLexemeHash(model: Model): { rest: Model; hash: Record<string, number> } {
  const { lexeme, ...features } = model.features;
  const { hash, ...rest } = lexeme;
  return { rest: { ...model, features: { ...features, lexeme: rest } } as Model, hash: hash! };
}

test('a pack of the model gives the object the package reader builds, a fresh one each load', async () => {
  const { CorePack, packCoreModel, winkCoreFiles } = await import('./wink-core-model.js');
  const files = winkCoreFiles();
  assert.ok(files, 'wink-eng-lite-web-model 1.8 is installed');
  const own = (require(files.reader) as () => Model)();
  const pack = CorePack.read(packCoreModel(readFileSync(files.json, 'utf8'), files.version, ownExceptions as Parameters<typeof packCoreModel>[2]));
  assert.ok(pack);
  assert.deepEqual(pack.source, { version: files.version, bytes: statSync(files.json).size });
  const packed = pack.model() as Model;
  const mine = withoutLexemeHash(packed);
  const theirs = withoutLexemeHash(own);
  assert.deepStrictEqual(mine.rest, theirs.rest);
  for (const [name, feature] of Object.entries(own.features)) {
    if (!feature.hash || name === 'lexeme') continue;
    assert.equal(Object.getPrototypeOf(packed.features[name].hash), null, name);
    assert.deepEqual(Object.keys(packed.features[name].hash!), Object.keys(feature.hash), `${name}: keys in the same order`);
  }
  // the lexemes' table, built as it is read, answers every word as the package's table does
  const words = Object.keys(theirs.hash);
  for (const word of words) assert.equal(mine.hash[word], theirs.hash[word], word);
  for (const word of ['', 'not-a-word-of-the-model', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'zzzzzz', '\u{1F600}']) {
    assert.equal(mine.hash[word], theirs.hash[word], JSON.stringify(word));
    assert.equal(word in mine.hash, word in theirs.hash, JSON.stringify(word));
  }
  // as wink-nlp learns a word and the core forgets it
  mine.hash['a-word-learned-later'] = 90_000;
  assert.equal(mine.hash['a-word-learned-later'], 90_000);
  delete mine.hash['a-word-learned-later'];
  assert.equal(mine.hash['a-word-learned-later'], undefined);
  assert.equal(mine.hash[words[7]], theirs.hash[words[7]]);
  // each load gives a model of its own: what one learns, the next does not know
  packed.features.lexeme.hash!['a-word-learned-later'] = 90_000;
  (packed as unknown as { features: { lexeme: { list: string[] } } }).features.lexeme.list.push('a-word-learned-later');
  const again = pack.model() as Model & { features: { lexeme: { list: string[] } } };
  assert.equal(again.features.lexeme.hash!['a-word-learned-later'], undefined);
  assert.ok(!again.features.lexeme.list.includes('a-word-learned-later'));
  assert.deepStrictEqual(withoutLexemeHash(again).rest, theirs.rest);
  assert.ok(!CorePack.read(Buffer.from('{"not":"a pack"}')));
  // the lemmatizer's exception tables, objects without prototype as the package's modules export them
  const exceptions = pack.exceptions();
  assert.deepStrictEqual(exceptions, ownExceptions);
  for (const kind of ['noun', 'verb', 'adjective'] as const) assert.equal(Object.getPrototypeOf(exceptions[kind]), null, kind);
  assert.equal(exceptions.noun.constructor, undefined);
});

test('the sorted order keeps the last index of a word listed twice, and finds every word', async () => {
  const { lazyLookUp, sortedOrder } = await import('./wink-core-model.js');
  const list = ['said', 'the', 'Said', 'a', 'the', '', 'zebra'];
  const table = lazyLookUp(list, sortedOrder(list));
  assert.deepEqual(['said', 'the', 'Said', 'a', '', 'zebra', 'b'].map((w) => table[w]), [0, 4, 2, 3, 5, 6, undefined]);
  // past its look-ups by search, the table is the one lookUp builds, with what was learned and forgotten
  const small = lazyLookUp(list, sortedOrder(list), 2);
  small['learned'] = 7;
  small['forgotten'] = 8;
  delete small['forgotten'];
  assert.equal(small['the'], 4);
  assert.notEqual(Object.getPrototypeOf(small), null);
  assert.equal(small['zebra'], 6);
  assert.equal(small['not-there'], undefined);
  assert.equal(Object.getPrototypeOf(small), null);
  assert.deepEqual({ ...small }, { said: 0, the: 4, Said: 2, a: 3, '': 5, zebra: 6, learned: 7 });
  assert.equal(small['forgotten'], undefined);
});

test('analysing through src/node reads the core model with the fast reader', () => {
  const analyzer = new URL('./analyzer.ts', import.meta.url).href;
  const reader = new URL('./wink-core-model.ts', import.meta.url).href;
  const script = `const { analyzeArticle } = await import(${JSON.stringify(analyzer)});
const { fastWinkCore, packedExceptions } = await import(${JSON.stringify(reader)});
const { createRequire } = await import('node:module');
const require = createRequire(${JSON.stringify(reader)});
const noun = require('wink-eng-lite-web-model/dist/wn-noun-exceptions.js');
const a = analyzeArticle({ text: '“The bridge opens on Monday,” the mayor said.' });
console.log(JSON.stringify({ fastWinkCore, speakers: a.attributions.map((x) => x.speaker.mention?.text), geese: noun.geese, packedExceptions }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('../../', import.meta.url)), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  // the pack is read when dist/ holds one of this model (npm run build); else the package's own tables
  assert.deepEqual(JSON.parse(r.stdout), { fastWinkCore: true, speakers: ['the mayor'], geese: 'goose', packedExceptions: existsSync(new URL('../../dist/wink-core-model.bin', import.meta.url)) });
});
