import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprint } from '../corpus/copies.js';
import { prepareArticle } from './prepare.js';
import { buildArticle } from './test-articles.js';

const ARTICLE = buildArticle({
  id: 'wire-9',
  publishedAt: '2025-11-14',
  people: [{ name: 'Mayor Ana Ruiz', also: ['Ruiz'], roles: ['Mayor'] }],
  quotes: [
    { speaker: 0, text: 'The bridge will be open before the holidays' },
    { speaker: 0, text: 'Ruiz believes the council will agree', type: 'belief', kind: 'indirect' },
    { speaker: 'officials', text: 'Fares rise' },
  ],
});

test('a prepared article is plain data: it crosses threads unchanged, and its analysis JSON is the analysis', () => {
  const prepared = prepareArticle(ARTICLE);
  assert.deepEqual(structuredClone(prepared), prepared);
  assert.deepEqual(JSON.parse(prepared.analysisJson), ARTICLE.analysis);
});

test('a prepared article: one row per attribution, band keys on the statements traced, name keys on its people', () => {
  const prepared = prepareArticle(ARTICLE);
  assert.deepEqual(prepared.attributions.map((a) => [a.localId, a.copy?.text]), [
    ['a1', 'The bridge will be open before the holidays'],
    ['a2', undefined],
    ['a3', undefined],
  ]);
  assert.deepEqual(prepared.attributions[0].copy?.bands, fingerprint('The bridge will be open before the holidays').bands);
  assert.deepEqual(prepared.people.map((p) => [p.name, p.keys]), [['Mayor Ana Ruiz', ['ruiz']]]);
});
