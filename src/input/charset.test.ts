import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePage } from './charset.js';
import { InputError } from './errors.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

test('decodePage takes the BOM, then the header, then <meta>, then UTF-8', () => {
  const cases: [string, Uint8Array, string | undefined, { text: string; encoding: string; source: string }][] = [
    ['BOM over header', bytes([0xef, 0xbb, 0xbf], '<p>caf', [0xc3, 0xa9], '</p>'), 'text/html; charset=iso-8859-1', { text: '<p>café</p>', encoding: 'utf-8', source: 'bom' }],
    ['header over meta', bytes('<meta charset="utf-8"><p>', [0x93], 'Hi', [0x94], '</p>'), 'text/html; charset=windows-1252', { text: '<meta charset="utf-8"><p>“Hi”</p>', encoding: 'windows-1252', source: 'header' }],
    ['meta', bytes('<meta charset=ISO-8859-1><p>caf', [0xe9], '</p>'), 'text/html', { text: '<meta charset=ISO-8859-1><p>café</p>', encoding: 'windows-1252', source: 'meta' }],
    ['meta saying UTF-16 is read as UTF-8', bytes('<meta charset="utf-16"><p>caf', [0xc3, 0xa9], '</p>'), undefined, { text: '<meta charset="utf-16"><p>café</p>', encoding: 'utf-8', source: 'meta' }],
    ['default', bytes('<p>caf', [0xc3, 0xa9], '</p>'), undefined, { text: '<p>café</p>', encoding: 'utf-8', source: 'default' }],
  ];
  for (const [name, input, contentType, expected] of cases) {
    const page = decodePage(input, contentType, name);
    assert.deepEqual({ text: page.html, encoding: page.encoding, source: page.source }, expected, name);
  }
});

test('an unknown label or a text full of invalid bytes is input/bad-encoding', () => {
  const latin1AsUtf8 = bytes('<p>', ...Array.from({ length: 40 }, () => [0xe9, 0x20]), '</p>');
  const cases: [Uint8Array, string | undefined][] = [
    [bytes('<p>x</p>'), 'text/html; charset=klingon-8'],
    [latin1AsUtf8, 'text/html; charset=utf-8'],
  ];
  for (const [input, contentType] of cases) {
    assert.throws(() => decodePage(input, contentType, 'page.html'), (e: unknown) => e instanceof InputError && e.code === 'input/bad-encoding');
  }
  assert.doesNotThrow(() => decodePage(bytes('<p>one stray byte ', [0xe9], ' in a long enough page of text</p>'), 'text/html; charset=utf-8', 'page.html'));
});
