import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analysisJsonSchema } from './analysis-schema.js';
import { Analysis } from './analysis.js';
import { analyze } from './analyze.js';

test('the committed JSON Schema matches the zod definitions (regenerate with npm run schema)', () => {
  const committed = JSON.parse(readFileSync(new URL('../../schema/analysis.schema.json', import.meta.url), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(analysisJsonSchema())));
});

test('an analysis validates against the contract and survives a JSON round trip', () => {
  const text = 'Mayor Ana Ruiz said on Tuesday that the bridge would open in May. “We are ready,” she told reporters.';
  const analysis = analyze({ id: 'doc-1', text, publishedAt: '2024-03-06' }, { model: null });
  assert.equal(Analysis.safeParse(analysis).success, true);
  assert.deepEqual(JSON.parse(JSON.stringify(analysis)), analysis);
  assert.equal(analysis.id, 'doc-1');
  assert.ok(analysis.attributions.length >= 2);
});
