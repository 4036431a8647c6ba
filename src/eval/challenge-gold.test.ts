/**
 * The challenge set's gold checks itself: every span's text is the slice of its article at its offsets
 * and its anchor points there, types and kinds are valid (zod), and the split by article keeps every
 * style in both halves and no article in both. Then the anchor rules on a small table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { challengeFolder, challengeIds, readChallengeHalf } from './challenge-folder.js';
import { checkGoldArticle, parseGoldArticle, resolveSpan, STYLES, type GoldArticle } from './challenge-gold.js';
import { countWords } from '../bench/count-words.js';

const folder = challengeFolder();

test('every gold file of the challenge set parses and agrees with its article', () => {
  for (const half of ['train', 'test'] as const) {
    const names = readdirSync(join(folder, half));
    for (const name of names) assert.match(name, /^[a-z]+-\d{2}\.(txt|json)$/, `${half}/${name}`);
    for (const id of challengeIds(folder, half)) {
      assert.ok(names.includes(`${id}.json`), `${half}/${id}.txt has no gold`);
      const text = readFileSync(join(folder, half, `${id}.txt`), 'utf8');
      const gold = parseGoldArticle(JSON.parse(readFileSync(join(folder, half, `${id}.json`), 'utf8')), `${half}/${id}.json`);
      assert.equal(gold.id, id);
      assert.equal(gold.style, id.split('-')[0], `${id}: style`);
      assert.deepEqual(checkGoldArticle(text, gold), [], `${half}/${id}.json`);
      for (const a of gold.attributions) for (const c of a.content) assert.equal(text.slice(c.start, c.end), c.text);
      const words = countWords(text);
      assert.ok(words >= 120 && words <= 350, `${id}: ${words} words, expected 120–350`);
      assert.ok(gold.negatives.length >= 3, `${id}: at least three negatives`);
    }
    assert.equal(readChallengeHalf(folder, half).length, challengeIds(folder, half).length);
  }
});

test('the split: by article, every style in both halves, odd numbers measure and even ones train', () => {
  const train = challengeIds(folder, 'train');
  const test = challengeIds(folder, 'test');
  assert.deepEqual(train.filter((id) => test.includes(id)), []);
  for (const id of train) assert.equal(Number(id.split('-')[1]) % 2, 0, `${id} belongs in test/`);
  for (const id of test) assert.equal(Number(id.split('-')[1]) % 2, 1, `${id} belongs in train/`);
  for (const style of STYLES) {
    assert.ok(train.some((id) => id.startsWith(`${style}-`)), `${style} in train/`);
    assert.ok(test.some((id) => id.startsWith(`${style}-`)), `${style} in test/`);
  }
});

test('resolveSpan: text, occurrence and after', () => {
  const text = 'Okafor said no. Then Okafor said yes, and Ruiz said maybe.';
  const table: [Parameters<typeof resolveSpan>[1], [number, number] | RegExp][] = [
    [{ text: 'said' }, [7, 11]],
    [{ text: 'said', occurrence: 2 }, [28, 32]],
    [{ text: 'said', after: 'Ruiz' }, [47, 51]],
    [{ text: 'said', after: 'Then', occurrence: 2 }, [47, 51]],
    [{ text: 'said', occurrence: 4 }, /occurs fewer than 4/],
    [{ text: 'said', after: 'Mills' }, /anchor "Mills" not found/],
    [{ text: 'shouted' }, /occurs fewer than 1/],
  ];
  for (const [span, want] of table) {
    const got = resolveSpan(text, span);
    if (want instanceof RegExp) assert.match(String(got), want);
    else assert.deepEqual(got, { start: want[0], end: want[1], text: span.text });
  }
});

test('checkGoldArticle names offsets that disagree, a slice that differs and quote marks in a direct run', () => {
  const text = '“We are ready,” Okafor said.';
  const gold: GoldArticle = {
    id: 'local-01', style: 'local', publishedAt: '2026-01-01', negatives: [],
    attributions: [{
      type: 'statement', kind: 'direct', content: [{ text: '“We are ready,”', start: 0, end: 15 }],
      speaker: { mention: { text: 'Okafor', start: 15, end: 21 }, name: 'Dan Okafor' }, cue: { text: 'said', start: 23, end: 27 },
    }],
  };
  assert.deepEqual(checkGoldArticle(text, gold), [
    'attributions[0].speaker.mention: offsets 15-21 but the anchor points at 16-22 (run scripts/challenge-resolve.ts)',
    'attributions[0].speaker.mention: text "Okafor" is not the slice 15-21 (" Okafo")',
    'attributions[0]: a direct run includes its quotation marks',
  ]);
});

test('parseGoldArticle rejects an unknown type or kind, naming the file', () => {
  const bad = { id: 'local-01', style: 'local', publishedAt: '2026-01-01', negatives: [], attributions: [{ type: 'claim', kind: 'direct', content: [{ text: 'x' }], speaker: { mention: null, name: 'A' }, cue: null }] };
  assert.throws(() => parseGoldArticle(bad, 'local-01.json'), /local-01\.json: not a challenge gold article \(attributions\.0\.type/);
  const kind = { ...bad, attributions: [{ ...bad.attributions[0], type: 'statement', kind: 'quoted' }] };
  assert.throws(() => parseGoldArticle(kind, 'local-01.json'), /attributions\.0\.kind/);
});
