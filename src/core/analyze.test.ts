import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from './analyze.js';
import { Analysis } from './analysis.js';

const examples = new URL('../../examples/', import.meta.url);

// The golden example's expected output is the command's (src/cli/golden.test.ts), which uses the bundled model.

test('every span lies inside the text and says what it claims to', () => {
  const text = readFileSync(new URL('harbor-bridge.txt', examples), 'utf8');
  const analysis = analyze({ text, publishedAt: '2025-11-13' }, { model: null });
  assert.equal(Analysis.safeParse(analysis).success, true);
  for (const a of analysis.attributions) {
    for (const s of a.content) assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length, `content of ${a.id}`);
    for (const span of [a.speaker.mention, a.cue, a.addressee]) {
      if (span) assert.equal(text.slice(span.start, span.end), span.text);
    }
    assert.ok(a.confidence >= 0 && a.confidence <= 1);
    assert.ok(a.reasons.length > 0);
  }
  for (const t of analysis.times) assert.equal(text.slice(t.start, t.end), t.text);
  for (const e of analysis.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test('ids are stable and in document order', () => {
  const text = readFileSync(new URL('harbor-bridge.txt', examples), 'utf8');
  const a = analyze({ text }, { model: null });
  const b = analyze({ text }, { model: null });
  assert.deepEqual(a, b);
  assert.deepEqual(a.attributions.map((x) => x.id), a.attributions.map((_, i) => `a${i + 1}`));
  const starts = a.attributions.map((x) => x.content[0].start);
  assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
});

const nothingAttributed: [string, string][] = [
  ['empty text', ''],
  ['whitespace only', ' \n\n \t'],
  ['scare quotes with no speaker', 'The so-called experts met again, and the “plan” stayed on the shelf.'],
  ['a title of a work', 'The documentary “Cold Harbor” opens on Friday in three cities.'],
  ['a headline', 'City Council Approves Harbor Bridge Funding'],
  ['a measurement', 'The crew laid a 12" pipe under the new road.'],
];

for (const [name, text] of nothingAttributed) {
  test(`no attribution: ${name}`, () => {
    const analysis = analyze({ text }, { model: null });
    assert.deepEqual(analysis.attributions.filter((a) => a.speaker.name || a.speaker.mention), []);
    assert.equal(analysis.attributions.filter((a) => a.type === 'statement' && a.kind === 'direct').length, 0);
  });
}

test('an unbalanced quotation mark is a diagnostic, not a crash', () => {
  const analysis = analyze({ text: '“We will finish the bridge, the mayor said.\nThe council voted later.' }, { model: null });
  assert.deepEqual(analysis.diagnostics.map((d) => d.code), ['quotes/unbalanced-mark']);
});

test('an unknown speaker stays unknown', () => {
  const text = 'What was called a “very long” meeting ended at noon.';
  const [a] = analyze({ text }, { model: null }).attributions;
  assert.equal(a.text, 'very long');
  assert.equal(a.kind, 'mixed');
  assert.deepEqual(a.speaker, {});
  assert.equal(a.cue?.text, 'called');
});
