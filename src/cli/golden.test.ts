// The bundled example's expected analysis is exactly what the README's first command prints: the CLI, with
// the bundled model, run as a child process from the package root. UPDATE_GOLDEN=1 rewrites the file, to be
// reviewed as a diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** [the command's arguments, the file that holds what it prints] */
const GOLDEN: [string[], string][] = [
  [['extract', 'examples/harbor-bridge.txt', '--published', '2025-11-13'], 'examples/harbor-bridge.expected.json'],
];

for (const [args, expectedFile] of GOLDEN) {
  test(`golden: whosaid ${args.join(' ')} prints ${expectedFile}`, () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(join(root, expectedFile), result.stdout);
    assert.equal(result.stdout, readFileSync(join(root, expectedFile), 'utf8'));
  });
}
