import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REGEXP_TIER_UP_TICKS, settingsToSet } from './compiler-settings.js';

test('a compiler setting the user gives node is kept', () => {
  const tierUp = `--regexp-tier-up-ticks=${REGEXP_TIER_UP_TICKS}`;
  const table: [string[], string, boolean][] = [
    [[], '', true],
    [['--max-old-space-size=4096'], '--enable-source-maps', true],
    [['--regexp-tier-up-ticks=1'], '', false],
    [[], '--regexp_tier_up_ticks=5', false],
    [['--no-regexp-tier-up'], '', false],
    [[], '--regexp-interpret-all', false],
  ];
  for (const [execArgv, nodeOptions, set] of table) assert.equal(settingsToSet(execArgv, nodeOptions).includes(tierUp), set, `${execArgv} ${nodeOptions}`);
});
