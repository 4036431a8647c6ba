import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPythonFloat, formatPythonJson, pyFloat, pyPrefix, pyRepr, pyRound } from './python-compat.js';

test('pyRound rounds as Python round(x, 4): the exact binary value, ties to even', () => {
  const table: [number, number][] = [
    [1 / 32, 0.0312], // an exact tie: Math.round would give 0.0313
    [3 / 32, 0.0938], // an exact tie that goes up, to the even 8
    [5 / 32, 0.1562],
    [1 / 64, 0.0156],
    [2 / 3, 0.6667],
    [0.00005, 0.0001], // stored slightly above the half
    [0.00015, 0.0001], // stored slightly below the half
    [0.12345, 0.1235],
    [0.99995, 1],
    [0.625, 0.625],
    [0, 0],
  ];
  for (const [x, want] of table) assert.equal(pyRound(x, 4), want, String(x));
});

test('formatPythonFloat prints as Python repr', () => {
  const table: [number, string][] = [[0, '0.0'], [1, '1.0'], [0.5, '0.5'], [0.0312, '0.0312'], [0.0001, '0.0001'], [0.00005, '5e-05'], [1e16, '1e+16']];
  for (const [x, want] of table) assert.equal(formatPythonFloat(x), want);
});

test('formatPythonJson writes json.dumps separators, floats and escapes', () => {
  assert.equal(formatPythonJson({ a: [1, pyFloat(1)], b: 'é😀"\n\x01\x7f' }, true), '{"a": [1, 1.0], "b": "\\u00e9\\ud83d\\ude00\\"\\n\\u0001\\u007f"}');
  assert.equal(formatPythonJson({ b: 'é😀' }, false), '{"b": "é😀"}');
  assert.equal(formatPythonJson([], true), '[]');
});

test('pyRepr quotes as Python repr', () => {
  const table: [unknown, string][] = [
    [null, 'None'], ['Ana Ruiz', "'Ana Ruiz'"], ["O'Brien", '"O\'Brien"'], ['a"b', "'a\"b'"],
    ['it\'s "x"', "'it\\'s \"x\"'"], ['tab\there\u200b', "'tab\\there\\u200b'"], ['\x85', "'\\x85'"], ['😀', "'😀'"],
    [3, '3'], [true, 'True'], [['a'], "['a']"],
  ];
  for (const [v, want] of table) assert.equal(pyRepr(v), want);
});

test('pyPrefix counts code points, as Python slices', () => {
  assert.equal(pyPrefix('😀😀abc', 3), '😀😀a');
  assert.equal(pyPrefix('ab', 10), 'ab');
});
