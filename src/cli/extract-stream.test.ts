import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWarc } from './extract-stream.js';

test('a WARC record\'s analysis text gains its "warc" key as the spread of the analysis object would', () => {
  const warc = { recordId: '<urn:uuid:1>', uri: 'https://example.org/a?b="c"', date: '2025-11-13T10:00:00Z' };
  for (const analysis of [
    { id: 'a', text: '“We are ready,” Mayor Ana Ruiz said.', attributions: [], diagnostics: [] },
    { id: 'b}', text: 'Ends in a brace }', nested: { warcish: true } },
  ]) {
    assert.equal(withWarc(JSON.stringify(analysis), warc), JSON.stringify({ ...analysis, warc }));
  }
  const { date: _, ...undated } = warc;
  assert.equal(withWarc('{"id":"c"}', undated), JSON.stringify({ id: 'c', warc: undated }));
});
