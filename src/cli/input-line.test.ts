import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInputLine, type LineRequest } from './input-line.js';

test('lines of --jsonl input: what each asks for, or what is wrong with it', () => {
  const cases: [string, LineRequest][] = [
    ['{"id":"a","text":"The clerk said no."}', { ok: true, id: 'a', source: 'text', value: 'The clerk said no.' }],
    ['{"id":3,"html":"<p>x</p>","publishedAt":"2025-11-13"}', { ok: true, id: '3', source: 'html', value: '<p>x</p>', publishedAt: '2025-11-13' }],
    ['{"url":"https://example.com/a"}', { ok: true, source: 'url', value: 'https://example.com/a' }],
    ['{"id":"b","text":12}', { ok: false, id: 'b', problem: 'expected a string `text`, found number' }],
    ['{"id":true,"text":"x"}', { ok: false, id: null, problem: 'expected a string or number `id`, found boolean' }],
    ['{"id":"c","html":["<p>"]}', { ok: false, id: 'c', problem: 'expected a string `html`, found an array' }],
    ['{"id":"d"}', { ok: false, id: 'd', problem: 'expected exactly one of `text`, `html` or `url`, found none' }],
    ['{"id":"e","text":"x","url":"https://example.com"}', { ok: false, id: 'e', problem: 'expected exactly one of `text`, `html` or `url`, found `text` and `url`' }],
    ['{"id":"f","text":"x","publishedAt":"last week"}', { ok: false, id: 'f', problem: '`publishedAt`: expected a date as YYYY-MM-DD (or an ISO date-time), found "last week"' }],
    ['[1,2]', { ok: false, id: null, problem: 'expected a JSON object, found an array' }],
    ['null', { ok: false, id: null, problem: 'expected a JSON object, found null' }],
  ];
  for (const [line, expected] of cases) assert.deepEqual(parseInputLine(line), expected, line);
});

test('invalid JSON is reported with the parser\'s reason and, where it gives one, the column', () => {
  const result = parseInputLine('{"id": "a", text: 1}');
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.problem, /^invalid JSON: /);
  assert.equal(result.ok ? undefined : result.column, 13);
});
