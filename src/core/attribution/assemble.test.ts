import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/segment.js';
import { findQuotes } from '../quotes/find-quotes.js';
import type { ProposedAttribution } from './direct-quotes.js';
import { dropUnsupported, kindOf, mergeProposals, splitAtQuotes } from './assemble.js';

function span(text: string, part: string, from = 0) {
  const start = text.indexOf(part, from);
  assert.ok(start >= 0, `"${part}" is in the text`);
  return { start, end: start + part.length, text: part };
}

function proposal(text: string, content: string, extra: Partial<ProposedAttribution> = {}): ProposedAttribution {
  const { start, end } = span(text, content);
  return { type: 'statement', kind: 'indirect', content: [{ start, end }], quotes: [], confidence: 0.5, reasons: ['test'], ...extra };
}

test('kindOf: direct, mixed, indirect, and reported speech inside a quote is not direct', () => {
  const text = '“We won,” she said. He said the plan “needs work” now. “Ana said she is ready,” he said.';
  const { quotes } = findQuotes(text, segment(text).paragraphs);
  const kind = (part: string) => kindOf([span(text, part)], quotes);
  assert.equal(kind('“We won,”'), 'direct');
  assert.equal(kind('the plan “needs work” now'), 'mixed');
  assert.equal(kind('she is ready'), 'indirect');
  assert.equal(kind('plan'), 'indirect');
});

test('splitAtQuotes tells the quoted words from the paraphrase', () => {
  const text = 'She said that the plan “needs much more work” before May.';
  const { quotes } = findQuotes(text, segment(text).paragraphs);
  const parts = splitAtQuotes([span(text, 'that the plan “needs much more work” before May')], quotes).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(parts, ['that the plan ', '“needs much more work”', ' before May']);
});

test('mergeProposals: a quotation-mark rule keeps its spans and takes the model’s speaker', () => {
  const text = '“We are ready,” the mayor said.';
  const rule = proposal(text, '“We are ready,”', { kind: 'direct', quotes: [0], reasons: ['direct/speaker-after'] });
  const learned = proposal(text, 'We are ready', { source: span(text, 'the mayor'), cue: span(text, 'said'), reasons: ['learned/tagger'] });
  const [merged, ...rest] = mergeProposals([rule], [learned]);
  assert.deepEqual(rest, []);
  assert.equal(text.slice(merged.content[0].start, merged.content[0].end), '“We are ready,”');
  assert.equal(merged.source?.text, 'the mayor');
  assert.deepEqual(merged.reasons, ['direct/speaker-after', 'learned/speaker']);
});

test('mergeProposals: elsewhere the model’s spans stay; what only one side found stays too', () => {
  const text = 'The mayor said that the bridge will open in May. Officials think costs will rise.';
  const rule = proposal(text, 'the bridge will open in May', { source: span(text, 'The mayor'), cue: span(text, 'said'), reasons: ['indirect/cue-clause'] });
  const learned = proposal(text, 'that the bridge will open in May', { source: span(text, 'The mayor'), cue: span(text, 'said'), reasons: ['learned/tagger'] });
  const only = proposal(text, 'costs will rise', { type: 'belief', source: span(text, 'Officials'), cue: span(text, 'think'), reasons: ['learned/tagger'] });
  const merged = mergeProposals([rule], [learned, only]);
  assert.deepEqual(merged.map((m) => text.slice(m.content[0].start, m.content[0].end)), ['that the bridge will open in May', 'costs will rise']);
  assert.deepEqual(merged[0].reasons, ['learned/tagger', 'rules/agree']);
});

test('mergeProposals: an outlet that relayed the words is not their speaker', () => {
  const text = 'Ruiz told reporters that costs doubled, the Ledger reported.';
  const outlet = span(text, 'the Ledger');
  const rule = proposal(text, 'that costs doubled', { source: span(text, 'Ruiz'), cue: span(text, 'told') });
  const learned = proposal(text, 'that costs doubled', { source: outlet, cue: span(text, 'reported'), reasons: ['learned/tagger'] });
  const [merged] = mergeProposals([rule], [learned], [outlet]);
  assert.equal(merged.source?.text, 'Ruiz');
  assert.ok(merged.reasons.includes('relays/outlet-is-no-speaker'));
});

test('dropUnsupported: no cue and no speaker; a speaker’s own thought inside their quote', () => {
  const text = 'That was considered too costly. “I think we will win, and Ana said she agrees,” Ruiz said.';
  const { quotes } = findQuotes(text, segment(text).paragraphs);
  const bare = proposal(text, 'was considered too costly');
  const thought = proposal(text, 'we will win', { type: 'belief', source: span(text, 'I'), cue: span(text, 'think') });
  const nested = proposal(text, 'she agrees', { source: span(text, 'Ana'), cue: span(text, 'said') });
  assert.deepEqual(dropUnsupported([bare, thought, nested], quotes), [nested]);
});

test('mergeProposals: overlaps are found through an index, with the same winner on ties', () => {
  // Two learned proposals lie wholly in the rule's words: the later one wins, as in a scan of every one,
  // and keeps its own words (the rule is not built on quotation marks).
  const text = 'Ana said the ferry will run. Tom said the bridge will close. Lee said the port will open.';
  const rule = proposal(text, 'the ferry will run. Tom said the bridge will close');
  const learned = [proposal(text, 'the ferry will run'), proposal(text, 'the bridge will close'), proposal(text, 'the port will open')];
  const merged = mergeProposals([rule], learned);
  assert.deepEqual(merged.map((p) => text.slice(p.content[0].start, p.content[p.content.length - 1].end)), [
    'the bridge will close',
    'the ferry will run',
    'the port will open',
  ]);
  assert.deepEqual(merged[0].reasons, ['test', 'rules/agree']);
  assert.equal(merged[0].confidence, 0.55);
});

test('mergeProposals: a quote with a segment per paragraph meets each learned paragraph once', () => {
  // “We kept the river open. / “We kept the garden open. / … ” — 3,000 paragraphs, one rule, one learned proposal each.
  const paragraphs = Array.from({ length: 3000 }, (_, k) => `“We kept gate ${k} open.`);
  const text = paragraphs.join('\n') + '”';
  let at = 0;
  const segments = paragraphs.map((p) => ({ start: (at += p.length + 1) - p.length - 1, end: at - 1 }));
  const rule: ProposedAttribution = { type: 'statement', kind: 'direct', content: segments, quotes: [0], confidence: 0.9, reasons: ['direct/test'] };
  const learned = segments.map((s) => ({ type: 'statement' as const, kind: 'indirect' as const, content: [s], quotes: [], confidence: 0.5, reasons: ['learned/test'] }));
  const merged = mergeProposals([rule], learned);
  assert.equal(merged.length, 3000, 'the rule takes one learned proposal; the rest stay');
  assert.equal(merged[0].content.length, 3000);
  assert.ok(text.length > 60_000);
});
