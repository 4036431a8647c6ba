import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/segment.js';
import { findQuotes } from '../quotes/find-quotes.js';
import { attributeDirectQuotes } from './direct-quotes.js';

function attribute(text: string) {
  const seg = segment(text);
  return attributeDirectQuotes(seg, findQuotes(text, seg.paragraphs).quotes).map((a) => ({
    content: a.content.map((s) => text.slice(s.start, s.end)),
    source: a.source?.text,
    cue: a.cue?.text,
    addressee: a.addressee?.text,
    follows: a.continues,
  }));
}

type Row = { content: string[]; source?: string; cue?: string; addressee?: string; follows?: number };
const cases: [string, Row[]][] = [
  ['“The bridge will open in May,” the mayor said.', [{ content: ['“The bridge will open in May,”'], source: 'the mayor', cue: 'said' }]],
  ['“The bridge will open in May,” said Ana Ruiz.', [{ content: ['“The bridge will open in May,”'], source: 'Ana Ruiz', cue: 'said' }]],
  ['Ana Ruiz said, “The bridge will open in May.”', [{ content: ['“The bridge will open in May.”'], source: 'Ana Ruiz', cue: 'said' }]],
  ['On Friday, Ruiz told reporters, “We are on schedule.”', [{ content: ['“We are on schedule.”'], source: 'Ruiz', cue: 'told', addressee: 'reporters' }]],
  ['“We are on schedule,” Ruiz told reporters Friday.', [{ content: ['“We are on schedule,”'], source: 'Ruiz', cue: 'told', addressee: 'reporters' }]],
  ['“It’s late,” she said, “but it will be worth it.”', [{ content: ['“It’s late,”', '“but it will be worth it.”'], source: 'she', cue: 'said' }]],
  ['“Costs rose,” Ruiz, a civil engineer, said.', [{ content: ['“Costs rose,”'], source: 'Ruiz, a civil engineer,', cue: 'said' }]],
  ['“Costs rose,” said Ana Ruiz, a civil engineer who has studied the bridge for years.', [{ content: ['“Costs rose,”'], source: 'Ana Ruiz, a civil engineer who has studied the bridge for years', cue: 'said' }]],
  ['“Costs rose,” according to Ruiz.', [{ content: ['“Costs rose,”'], source: 'Ruiz', cue: 'according to' }]],
  ['“No more delays,” #Ruiz said of #Bridge. “We’re done waiting.”', [
    { content: ['“No more delays,”', '“We’re done waiting.”'], source: '#Ruiz', cue: 'said' },
  ]],
  ['“No more delays,” Ruiz said.\n“We’re done waiting.”', [
    { content: ['“No more delays,”'], source: 'Ruiz', cue: 'said' },
    { content: ['“We’re done waiting.”'], follows: 0 },
  ]],
  ['“The first part of the plan is done.\n“The second part starts next week,” the engineer said.', [
    { content: ['“The first part of the plan is done.', '“The second part starts next week,”'], source: 'the engineer', cue: 'said' },
  ]],
];

for (const [text, expected] of cases) {
  test(`attributeDirectQuotes: ${text}`, () => {
    const got = attribute(text).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
    const want = expected.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
    assert.deepEqual(got, want);
  });
}

const negatives: string[] = [
  'The council approved what it called a “historic” budget.',
  'The film “Blue River” opened on Friday.',
  'The workers’ union can’t meet until the ’90s-era rules change.',
  'She bought a 12" ruler.',
];

for (const text of negatives) {
  test(`attributeDirectQuotes finds no direct quote: ${text}`, () => {
    assert.deepEqual(attribute(text), []);
  });
}
