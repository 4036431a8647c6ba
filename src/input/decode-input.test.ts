import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeInput, firstInvalidUtf8 } from './decode-input.js';
import { InputError } from './errors.js';

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
/** A sentence written for these tests. */
const STORY = 'The harbor office said the ferry would run again in April.';

test('text and HTML: what is read, and what kind', () => {
  const cases: [string, Uint8Array, boolean, 'text' | 'html', string][] = [
    ['plain UTF-8', bytes(STORY), false, 'text', STORY],
    ['a UTF-8 byte order mark is dropped', bytes([0xef, 0xbb, 0xbf], STORY), false, 'text', STORY],
    ['UTF-16LE with its byte order mark', bytes([0xff, 0xfe], [...Buffer.from(STORY, 'utf16le')]), false, 'text', STORY],
    ['HTML by its first bytes', bytes(`<!DOCTYPE html><p>${STORY}</p>`), false, 'html', `<!DOCTYPE html><p>${STORY}</p>`],
    ['HTML by its first bytes, after a byte order mark', bytes([0xef, 0xbb, 0xbf], `<html><p>${STORY}</p></html>`), false, 'html', `<html><p>${STORY}</p></html>`],
    ['HTML in the charset its <meta> declares', bytes('<html><head><meta charset="windows-1252"></head><p>', [0x93], 'Ready', [0x94], ' said the mayor</p></html>'), false, 'html', '<html><head><meta charset="windows-1252"></head><p>“Ready” said the mayor</p></html>'],
    ['HTML by the caller (a .html file) in ISO-8859-1', bytes('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Caf', [0xe9], ' owner</p>'), true, 'html', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Café owner</p>'],
  ];
  for (const [name, input, html, kind, value] of cases) {
    const decoded = decodeInput(input, 'story.txt', { html });
    assert.equal(decoded.kind, kind, name);
    assert.equal(decoded.value, value, name);
    assert.deepEqual(decoded.diagnostics, [], name);
  }
});

test('invalid UTF-8 is a warning naming the first bad byte; much of it is an error', () => {
  const text = bytes('The mayor said ', [0xe9], 't', [0xe9], ' was over.');
  const decoded = decodeInput(text, 'story.txt');
  assert.equal(decoded.value, 'The mayor said \uFFFDt\uFFFD was over.');
  assert.deepEqual(decoded.diagnostics.map((d) => [d.code, d.severity, d.actual]), [['input/invalid-utf8', 'warning', '2 invalid sequences, the first at byte 15']]);
  const page = decodeInput(bytes('<html><p>Caf', [0xe9], ' owner</p></html>'), 'page.html', { html: true });
  assert.deepEqual(page.diagnostics.map((d) => d.code), ['input/invalid-utf8']);
  const latin1 = bytes(...Array.from({ length: 40 }, () => ['caf', [0xe9], ' ']).flat() as (string | number[])[]);
  assert.throws(() => decodeInput(latin1, 'menu.txt'), (e: unknown) => e instanceof InputError && e.code === 'input/bad-encoding' && /first at byte 3\b/.test(e.message));
});

test('binary content is input/binary', () => {
  let seed = 7;
  const random = new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
  const noNul = random.map((b) => b || 1);
  const cases: [string, Uint8Array, boolean, RegExp][] = [
    ['zeros', new Uint8Array(1000), false, /NUL byte at offset 0/],
    ['random bytes named .html', random, true, /NUL byte|control bytes/],
    ['random bytes without NUL', noNul, false, /control bytes/],
    ['a PNG header', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), false, /NUL byte at offset 8/],
  ];
  for (const [name, input, html, message] of cases) {
    assert.throws(() => decodeInput(input, 'x.html', { html }), (e: unknown) => e instanceof InputError && e.code === 'input/binary' && message.test(e.message), name);
  }
  // control characters a text file may hold: tab, form feed, escape
  assert.equal(decodeInput(bytes('Col\tumn\f\x1b[0m ', STORY), 'x.txt').kind, 'text');
});

test('firstInvalidUtf8', () => {
  const cases: [number[], number][] = [
    [[0x41, 0x42], -1],
    [[0xc3, 0xa9], -1], // é
    [[0xe2, 0x80, 0x9c], -1], // “
    [[0xf0, 0x9f, 0x98, 0x80], -1], // an emoji
    [[0x41, 0xe9, 0x41], 1],
    [[0xc0, 0x80], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // a surrogate
    [[0x41, 0xe2, 0x80], 1], // cut off
    [[0x80], 0],
  ];
  for (const [input, expected] of cases) assert.equal(firstInvalidUtf8(new Uint8Array(input)), expected, JSON.stringify(input));
});
