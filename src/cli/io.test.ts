import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableColumns } from './io.js';

test('the table width: the terminal, else COLUMNS in a pipe, else stderr\'s terminal, else the default', () => {
  const cases: [number | undefined, number | undefined, string | undefined, number | undefined][] = [
    [120, 90, '60', 120],
    [undefined, 90, '60', 60],
    [undefined, 90, undefined, 90],
    [undefined, undefined, '150', 150],
    [undefined, undefined, 'wide', undefined],
    [undefined, undefined, '0', undefined],
    [undefined, undefined, undefined, undefined],
  ];
  for (const [stdout, stderr, columns, expected] of cases) assert.equal(tableColumns(stdout, stderr, { COLUMNS: columns }), expected, `${stdout} ${stderr} ${columns}`);
});
