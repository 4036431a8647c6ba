import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_OPEN_QUOTES, findQuotes } from './find-quotes.js';
import { findParagraphs } from '../segment/segment.js';

function quotesOf(text: string) {
  const layer = findQuotes(text, findParagraphs(text));
  return {
    quotes: layer.quotes.map((q) => ({ depth: q.depth, closed: q.closed, segments: q.segments.map((s) => text.slice(s.start, s.end)) })),
    codes: layer.diagnostics.map((d) => d.code),
  };
}

const cases: [string, string, { depth: number; closed: boolean; segments: string[] }[]][] = [
  ['curly double', '“We will win,” the mayor said.', [{ depth: 0, closed: true, segments: ['“We will win,”'] }]],
  ['straight double', 'The mayor said, "We will win."', [{ depth: 0, closed: true, segments: ['"We will win."'] }]],
  ['single curly', '‘Not today,’ she replied.', [{ depth: 0, closed: true, segments: ['‘Not today,’'] }]],
  ['nested single inside double', '“He told me ‘never again’ last week,” Ortiz said.', [
    { depth: 0, closed: true, segments: ['“He told me ‘never again’ last week,”'] },
    { depth: 1, closed: true, segments: ['‘never again’'] },
  ]],
  ['two quotes split by attribution', '“First part,” he said, “second part.”', [
    { depth: 0, closed: true, segments: ['“First part,”'] },
    { depth: 0, closed: true, segments: ['“second part.”'] },
  ]],
  ['multi-paragraph quote', '“The plan is sound.\n“We expect to finish by June,” the engineer said.', [
    { depth: 0, closed: true, segments: ['“The plan is sound.', '“We expect to finish by June,”'] },
  ]],
  ['ASCII doubled apostrophes', "''We won,'' she said.", [{ depth: 0, closed: true, segments: ["''We won,''"] }]],
  ['insertions stay inside', '“Ms. [Lee] said we (the council) would … wait,” he said.', [
    { depth: 0, closed: true, segments: ['“Ms. [Lee] said we (the council) would … wait,”'] },
  ]],
];

for (const [name, text, expected] of cases) {
  test(`findQuotes: ${name}`, () => {
    const { quotes, codes } = quotesOf(text);
    assert.deepEqual(quotes, expected);
    assert.deepEqual(codes, []);
  });
}

const negatives: [string, string][] = [
  ['apostrophes in words', 'The council’s vote can’t wait, officials didn’t say.'],
  ['decade and elision', 'Back in the ’90s, rock ’n’ roll ruled.'],
  ['inch mark', 'They laid a 12" pipe under the road.'],
  ['possessive plural', 'The workers’ union met on Friday.'],
];

for (const [name, text] of negatives) {
  test(`findQuotes finds nothing: ${name}`, () => {
    assert.deepEqual(quotesOf(text), { quotes: [], codes: [] });
  });
}

test('findQuotes: a mark that never closes is a diagnostic and ends at its paragraph', () => {
  const { quotes, codes } = quotesOf('“This never closes, the clerk said.\nThe next paragraph is plain.');
  assert.deepEqual(quotes, [{ depth: 0, closed: false, segments: ['“This never closes, the clerk said.'] }]);
  assert.deepEqual(codes, ['quotes/unbalanced-mark']);
});

test('findQuotes: a stray closing mark is a diagnostic, not a quote', () => {
  assert.deepEqual(quotesOf('A stray ” mark sits here.'), { quotes: [], codes: ['quotes/unbalanced-mark'] });
});

test('findQuotes: an unclosed quote at the end of the text', () => {
  const { quotes, codes } = quotesOf('She said, “and then');
  assert.deepEqual(quotes, [{ depth: 0, closed: false, segments: ['“and then'] }]);
  assert.deepEqual(codes, ['quotes/unbalanced-mark']);
});

// A quote whose parent turned out to be an apostrophe or a dropped mark hangs from the nearest quote around it.
const reparented: [string, string, { depth: number; parent?: number; text: string }[]][] = [
  ['a single mark closed over by its double', '“He said ‘we won “big” today,” Ortiz said.', [
    { depth: 0, text: '“He said ‘we won “big” today,”' },
    { depth: 1, parent: 0, text: '“big”' },
  ]],
  ['an apostrophe-like single at top level', 'Kim’s ‘plan “works” fine.', [{ depth: 0, text: '“works”' }]],
];

for (const [name, text, expected] of reparented) {
  test(`findQuotes: ${name}`, () => {
    const { quotes } = findQuotes(text, findParagraphs(text));
    assert.deepEqual(quotes.map((q) => ({ depth: q.depth, ...(q.parent !== undefined && { parent: q.parent }), text: text.slice(q.start, q.end) })), expected);
  });
}

// Caps: past MAX_OPEN_QUOTES open at once, opening marks are not read as quotes, with one diagnostic a paragraph.
const tooDeep: [string, string, number, number][] = [
  ['34 nested opening marks', '“a '.repeat(34) + 'end', MAX_OPEN_QUOTES, 1],
  ['two paragraphs of 40', ('“x '.repeat(40) + '\nNo quote here.\n').repeat(2), 2 * MAX_OPEN_QUOTES, 2],
  ['200 KB of opening marks', '“'.repeat(200_000), MAX_OPEN_QUOTES, 1],
  ['nesting under the cap', '“a ‘b “c” d’ e,” she said.', 3, 0],
];

for (const [name, text, quotes, diagnostics] of tooDeep) {
  test(`findQuotes caps nesting: ${name}`, () => {
    const layer = findQuotes(text, findParagraphs(text));
    assert.equal(layer.quotes.length, quotes);
    assert.equal(layer.diagnostics.filter((d) => d.code === 'quotes/too-deep').length, diagnostics);
    for (const q of layer.quotes) assert.ok(q.depth < MAX_OPEN_QUOTES);
  });
}
