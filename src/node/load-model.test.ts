import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../core/segment/segment.js';
import { predictAttributions } from '../core/learned/index.js';
import { loadBundledModel } from './load-model.js';

test('the bundled model loads once and is cached', () => {
  const model = loadBundledModel();
  assert.equal(loadBundledModel(), model);
  assert.ok(model.passes.length >= 1);
});

test('the bundled model finds speaker, cue and content in plain sentences', () => {
  const model = loadBundledModel();
  const cases: [string, string, string, string][] = [
    ['The senator said on Tuesday that the bill would pass.', 'The senator', 'said', 'the bill would pass'],
    ['“We will not give up,” the mayor told reporters.', 'the mayor', 'told', 'We will not give up'],
    ['Ms. Alvarez believes the plan will fail.', 'Alvarez', 'believes', 'the plan will fail'],
    ['The governor told reporters that the budget was balanced.', 'The governor', 'told', 'that the budget was balanced'],
    ['“It was a mistake,” Lopez said.', 'Lopez', 'said', 'It was a mistake'],
  ];
  for (const [text, speaker, cue, content] of cases) {
    const found = predictAttributions(segment(text), model);
    const words = (s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : '');
    const a = found.find((x) => x.content.some((c) => words(c).includes(content)));
    assert.ok(a, `no attribution of "${content}" in: ${text}`);
    assert.ok(words(a.source).includes(speaker), `speaker "${words(a.source)}" in: ${text}`);
    assert.ok(words(a.cue).includes(cue), `cue "${words(a.cue)}" in: ${text}`);
  }
});

test('the bundled model finds nothing in sentences that attribute nothing', () => {
  const model = loadBundledModel();
  for (const text of ['The bridge opened in 1932.', 'Rain fell all day across the valley.']) {
    assert.deepEqual(predictAttributions(segment(text), model), [], text);
  }
});
