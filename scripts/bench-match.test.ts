import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('bench:match prints a cost per call for each algorithm (small run; figures not judged)', () => {
  const script = fileURLToPath(new URL('./bench-match.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, '200'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.match(lines[0], /synthetic quotes and names from the team's word lists, 200 quotes of 40 words/);
  const labels = ['fingerprint', 'sameStatement (a copy', 'sameStatement (two unrelated', 'wordDiff', 'matchPeople'];
  assert.deepEqual(lines.slice(1).map((l) => labels.find((x) => l.startsWith(x))), labels);
  for (const line of lines.slice(1)) assert.match(line, /\d+\.\d\d µs CPU +\d+\.\d\d µs wall/);
});
