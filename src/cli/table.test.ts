import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Attribution } from '../core/analysis.js';
import { formatDiagnostics, formatHeading, formatRelays, formatTable, truncate, wrap } from './table.js';

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

test('wrap breaks at spaces, and splits a word longer than the width', () => {
  const cases: [string, number, string[]][] = [
    ['The bridge will open in the spring', 12, ['The bridge', 'will open in', 'the spring']],
    ['short', 10, ['short']],
    ['', 10, ['']],
    ['an extraordinarily long word', 8, ['an', 'extraord', 'inarily', 'long', 'word']],
  ];
  for (const [text, width, expected] of cases) assert.deepEqual(wrap(text, width), expected, text);
});

test('--wide shows each quote whole, wrapped in its column, within the width', () => {
  const lines = formatTable(harbor, { all: false, explain: false, columns: 80, wide: true });
  for (const line of lines) assert.ok(Array.from(line).length <= 80, line);
  const quoteAt = lines[0].indexOf('quote');
  const quote = lines.slice(1).map((l) => l.slice(quoteAt).split(/ {2,}/)[0].trim()).join(' ');
  assert.equal(quote, 'The bridge will open in the spring, weather permitting, and not a day later.');
  assert.match(lines[1], /^Dana Ruiz/);
  assert.match(lines[2], /^\s+\S/, 'a continuation line has only the quote');
});

test('the heading says what was analysed and how many attributions', () => {
  const page: Analysis = { ...harbor, publishedAt: '2025-11-13', metadata: { title: 'Harbor Bridge  gets its money', outlet: 'Harbor Post' } };
  const cases: [Analysis, string, boolean, string][] = [
    [harbor, 'notes.txt', false, 'notes.txt · no publication date · 2 attributions, 1 statement shown (--all for every type)'],
    [harbor, 'notes.txt', true, 'notes.txt · no publication date · 2 attributions'],
    [page, 'page.html', false, 'page.html · “Harbor Bridge gets its money” · Harbor Post · published 2025-11-13 · 2 attributions, 1 statement shown (--all for every type)'],
    [analysis([]), 'stdin', false, 'stdin · no publication date · 0 attributions'],
  ];
  for (const [a, name, all, expected] of cases) assert.equal(formatHeading(a, name, all), expected);
});

test('diagnostics are listed under the table with their codes', () => {
  const a: Analysis = { ...harbor, diagnostics: [{ code: 'time/no-reference-date', severity: 'warning', message: '1 relative date ("Tuesday") could not be resolved' }] };
  assert.deepEqual(formatDiagnostics(a), ['warning time/no-reference-date: 1 relative date ("Tuesday") could not be resolved']);
  assert.deepEqual(formatDiagnostics(harbor), []);
});
