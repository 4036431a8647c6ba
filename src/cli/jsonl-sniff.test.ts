import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonLinesField, jsonLinesProblem } from './jsonl-sniff.js';

test('a JSON-lines batch is told apart from an article by its first non-blank line', () => {
  const cases: [string, string | undefined][] = [
    ['{"id":"a1","text":"The mayor said yes."}\n{"id":"a2","text":"No."}\n', 'text'],
    ['\n\n  {"html":"<p>x</p>"}\n', 'html'],
    ['{"url":"https://news.example/story"}', 'url'],
    // negatives: articles and other JSON
    ['The mayor said the bridge would open.\n{"text":"a quoted JSON line later"}', undefined],
    ['{ the council’s “plan” } was read aloud, the clerk said.', undefined],
    ['{"id":"a1","body":"no article field"}', undefined],
    ['["text"]', undefined],
    ['', undefined],
    ['{"text": "an object cut off', undefined],
  ];
  for (const [content, expected] of cases) assert.equal(jsonLinesField(content), expected, content);
  assert.equal(jsonLinesProblem('{"text":"x"}'), 'looks like JSON lines (its first line is a JSON object with "text"), not an article; add --jsonl to analyse one article per line');
  assert.equal(jsonLinesProblem('Plain prose.'), undefined);
});
