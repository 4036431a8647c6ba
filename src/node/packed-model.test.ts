import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel, parseModel } from '../core/learned/model.js';
import { hashText, unpackModel } from '../core/learned/packed.js';
import { PACKAGE_ROOT } from '../eval/shared-folder.js';
import { bundledModelPath } from './load-model.js';

const jsonPath = join(PACKAGE_ROOT, 'models', 'attribution-model.json');
const binPath = join(PACKAGE_ROOT, 'models', 'attribution-model.bin');

// a retrained JSON with a stale pack fails here: run `npm run pack-model` and commit both files
test('the committed packed model is the committed JSON model, packed', () => {
  const text = readFileSync(jsonPath, 'utf8');
  const fromJson = parseModel(JSON.parse(text));
  const { model, sourceHash } = unpackModel(readFileSync(binPath));
  assert.equal(sourceHash, hashText(text), 'models/attribution-model.bin was packed from another JSON: run npm run pack-model');
  assert.deepEqual(JSON.parse(JSON.stringify(model)), JSON.parse(JSON.stringify(fromJson)));
  const a = decodeModel(fromJson);
  const b = decodeModel(model);
  assert.deepEqual([...b.lexicon], [...a.lexicon]);
  assert.equal(b.passes.length, a.passes.length);
  a.passes.forEach((p, k) => {
    assert.equal(b.passes[k].mask, p.mask);
    assert.equal(b.passes[k].scale, p.scale);
    assert.deepEqual(b.passes[k].transitions, p.transitions);
    assert.ok(Buffer.from(b.passes[k].table.buffer).equals(Buffer.from(p.table.buffer)), `pass ${k}: weight tables differ`);
  });
});

test('the CLI loads the packed model', () => {
  assert.equal(bundledModelPath(), binPath);
});

test('a pack that is damaged or of another layout is refused with a reason', () => {
  const bytes = new Uint8Array(readFileSync(binPath));
  const cases: [string, (b: Uint8Array) => Uint8Array, RegExp][] = [
    ['another file', (b) => b.map((x, k) => (k === 0 ? 0x7b : x)), /no "WSAM"/],
    ['a later layout', (b) => b.map((x, k) => (k === 4 ? 9 : x)), /layout 9, expected 1/],
    ['cut short', (b) => b.subarray(0, b.length - 100), /runs past the end/],
    ['only the start', (b) => b.subarray(0, 8), /no "WSAM"/],
  ];
  for (const [name, damage, expected] of cases) assert.throws(() => unpackModel(damage(bytes)), expected, name);
});
