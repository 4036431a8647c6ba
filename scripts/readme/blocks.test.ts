import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkables, matchesOutput } from './blocks.js';

const MARKDOWN = [
  '# Title',
  '',
  '```console',
  '$ whosaid --version',
  'whosaid 0.1.0',
  '$ npm test',
  '…',
  '```',
  '',
  '```sh',
  'whosaid extract article.txt   # a synopsis, not run',
  '```',
  '',
  '```ts example',
  "import { analyze } from 'whosaid';",
  'console.log(1);',
  '```',
  '',
  '```text output',
  '1',
  '```',
  '',
  '```js example',
  'console.log(2);',
  '```',
].join('\n');

test('console transcripts and examples are found with their lines and expected output; other blocks are not', () => {
  assert.deepEqual(checkables(MARKDOWN), [
    { kind: 'command', line: 4, command: 'whosaid --version', expected: ['whosaid 0.1.0'] },
    { kind: 'command', line: 6, command: 'npm test', expected: ['…'] },
    { kind: 'example', line: 14, language: 'ts', code: "import { analyze } from 'whosaid';\nconsole.log(1);\n", expected: ['1'] },
    { kind: 'example', line: 23, language: 'js', code: 'console.log(2);\n' },
  ]);
  assert.throws(() => checkables('```console\nstray output\n```'), /line 2: output before any "\$ " command/);
});

test('expected output: exact lines, with "…" for any run of lines', () => {
  const cases: [string[], string[], boolean][] = [
    [['a', 'b'], ['a', 'b', ''], true],
    [['a', 'b'], ['a', 'b  '], true],
    [['a', 'b'], ['a', 'c'], false],
    [['a'], ['a', 'b'], false],
    [['a', '…'], ['a', 'b', 'c'], true],
    [['a', '…'], ['a'], true],
    [['…', 'c'], ['a', 'b', 'c'], true],
    [['a', '…', 'c', '…'], ['a', 'x', 'c', 'y'], true],
    [['a', '…', 'c'], ['a', 'x', 'y'], false],
    [['…'], [], true],
    [[], ['a'], false],
    [['{', '  "id": "x",', '…', '}'], ['{', '  "id": "y",', '}'], false],
  ];
  for (const [expected, actual, result] of cases) assert.equal(matchesOutput(expected, actual), result, `${expected.join('|')} vs ${actual.join('|')}`);
});
