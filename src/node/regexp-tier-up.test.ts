import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regExpTierUpGiven } from './regexp-tier-up.js';

test('a regexp tier-up setting the user gives node is kept', () => {
  const table: [string[], string, boolean][] = [
    [[], '', false],
    [['--max-old-space-size=4096'], '--enable-source-maps', false],
    [['--regexp-tier-up-ticks=1'], '', true],
    [[], '--regexp_tier_up_ticks=5', true],
    [['--no-regexp-tier-up'], '', true],
    [[], '--regexp-interpret-all', true],
  ];
  for (const [execArgv, nodeOptions, given] of table) assert.equal(regExpTierUpGiven(execArgv, nodeOptions), given, `${execArgv} ${nodeOptions}`);
});
