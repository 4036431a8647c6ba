import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Attribution } from '../core/analysis.js';
import { formatRelays, formatTable, truncate } from './table.js';

function attribution(over: Partial<Attribution>): Attribution {
  return { id: 'a1', type: 'statement', kind: 'direct', content: [{ start: 0, end: 1 }], text: '', speaker: {}, confidence: 0.5, reasons: ['test/rule'], ...over };
}

function analysis(attributions: Attribution[]): Analysis {
  return { version: '1.0.0', attributions, entities: [], times: [], diagnostics: [] };
}

// sentences written for these tests
const harbor = analysis([
  attribution({
    id: 'a1', text: 'The bridge will open in the spring, weather permitting, and not a day later.',
    speaker: { name: 'Dana Ruiz' }, cue: { start: 0, end: 4, text: 'said' }, saidOn: '2025-11-12',
    addressee: { start: 0, end: 9, text: 'reporters' }, relays: [{ kind: 'outlet', name: 'Harbor Post', on: '2025-11-13' }],
    confidence: 0.91, reasons: ['direct/speaker-after', 'learned/agrees'],
  }),
  attribution({ id: 'a2', type: 'belief', kind: 'indirect', text: 'the budget is too small', speaker: {}, cue: { start: 0, end: 8, text: 'believes' } }),
]);

test('truncate cuts to the width with an ellipsis', () => {
  const cases: [string, number, string][] = [
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['a longer sentence', 8, 'a longe…'],
    ['“curly” quotes', 3, '“c…'],
    ['anything', 0, ''],
  ];
  for (const [text, width, expected] of cases) assert.equal(truncate(text, width), expected, text);
});

test('relays read "via NAME DATE", innermost first', () => {
  const a = attribution({ relays: [{ kind: 'quote', name: 'the mayor' }, { kind: 'outlet', name: 'Harbor Post', on: '2025-11-13' }] });
  assert.equal(formatRelays(a), 'via the mayor, via Harbor Post 2025-11-13');
  assert.equal(formatRelays(attribution({})), '');
});

test('statements only by default, every type with a type column under --all', () => {
  const plain = formatTable(harbor, { all: false, explain: false, columns: 200 });
  assert.deepEqual(plain, [
    'speaker    kind    cue   quote                                                                         to         via                         said',
    'Dana Ruiz  direct  said  The bridge will open in the spring, weather permitting, and not a day later.  reporters  via Harbor Post 2025-11-13  2025-11-12',
  ]);
  const all = formatTable(harbor, { all: true, explain: false, columns: 200 });
  assert.equal(all.length, 3);
  assert.match(all[0], /^speaker\s+type\s+kind/);
  assert.match(all[2], /^unknown\s+belief\s+indirect\s+believes\s+the budget is too small$/);
});

test('the quote is truncated to the terminal width and no line is wider', () => {
  const lines = formatTable(harbor, { all: false, explain: false, columns: 80 });
  for (const line of lines) assert.ok(Array.from(line).length <= 80, line);
  assert.match(lines[1], /The bridge will open.*…/);
});

test('--explain adds the confidence and reasons under each row', () => {
  const lines = formatTable(harbor, { all: false, explain: true, columns: 120 });
  assert.equal(lines[2], '  a1  confidence 0.91  reasons: direct/speaker-after, learned/agrees');
});

test('columns nobody fills are left out', () => {
  const lines = formatTable(analysis([attribution({ text: 'We are ready.', speaker: { name: 'Lee' } })]), { all: false, explain: false, columns: 80 });
  assert.deepEqual(lines, ['speaker  kind    quote', 'Lee      direct  We are ready.']);
});

test('an article without attributions says so', () => {
  assert.deepEqual(formatTable(analysis([]), { all: false, explain: false, columns: 80 }), ['no attributions found']);
  const beliefsOnly = analysis([attribution({ type: 'belief' })]);
  assert.deepEqual(formatTable(beliefsOnly, { all: false, explain: false, columns: 80 }), ['no statements found (1 other attributions: see --all)']);
});
