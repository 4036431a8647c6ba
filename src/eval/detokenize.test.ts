import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detokenize } from './detokenize.js';

test('detokenize joins PTB tokens as score.py does', () => {
  const table: [string[], string][] = [
    [['``', 'We', 'are', 'ready', ',', "''", 'she', 'said', '.'], '“We are ready,” she said.'],
    [['The', 'mayor', 'did', "n't", 'say', '-LRB-', 'yet', '-RRB-', '.'], 'The mayor didn\'t say (yet).'],
    [['It', 'costs', '$', '5', ',', 'up', '3', '%', '.'], 'It costs $5, up 3%.'],
    [['the', 'city', "'s", 'plan'], "the city's plan"],
    [['`', 'maybe', "'", ',', 'he', 'said'], '‘maybe’, he said'],
    [['-LSB-', 'sic', '-RSB-', 'and', '-LCB-', 'x', '-RCB-'], '[sic] and {x}'],
    // negatives: a hyphen and a colon-free word keep their spaces
    [['well', '-', 'known', 'fact'], 'well - known fact'],
    [[], ''],
  ];
  for (const [tokens, want] of table) assert.equal(detokenize(tokens).text, want, tokens.join(' '));
});

test('detokenize offsets are code points, so an emoji counts one', () => {
  const { text, offsets } = detokenize(['🙂', 'Ana', 'said']);
  assert.equal(text, '🙂 Ana said');
  assert.deepEqual(offsets, [[0, 1], [2, 5], [6, 10]]);
});
