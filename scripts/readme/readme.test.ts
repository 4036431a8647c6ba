// Every command and example the README marks as checkable (see blocks.ts and the README's Development
// section) is run here and its output compared with what the README shows, so the README cannot drift.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkables, matchesOutput, type Checkable } from './blocks.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string>; files: string[] };

/**
 * Commands the test does not run, and what it checks instead: installing (it would replace the
 * node_modules this suite runs from), the suite itself, and the npm scripts that take minutes.
 */
const NOT_RUN: [RegExp, string, () => void][] = [
  [/^npm ci$/, 'installs; checked: a lockfile, and a prepare script that builds dist/', () => {
    assert.ok(existsSync(join(root, 'package-lock.json')));
    assert.match(pkg.scripts.prepare, /\btsc\b/);
  }],
  [/^npm test$/, 'is this suite; checked: the script exists', () => assert.ok(pkg.scripts.test)],
  [/^npm (install -g \.|link)$/, 'installs globally; checked: the bin is an executable node script and is packed', () => {
    assert.equal(pkg.bin.whosaid, 'bin/whosaid.js');
    assert.match(readFileSync(join(root, pkg.bin.whosaid), 'utf8'), /^#!\/usr\/bin\/env node\n/);
    assert.ok(pkg.files.includes('bin') && pkg.files.includes('dist'));
  }],
  [/^npm run ([\w:-]+)$/, 'runs a build, a benchmark or the docs; checked: the script exists', () => undefined],
];

/** The installed command, run from the source the build compiles, so a stale dist/ cannot hide a change. */
const WHOSAID = 'node --import tsx src/cli/main.ts';

/** `node bin/whosaid.js` and `whosaid` at the start of a pipeline stage, as the source entry. */
export function runnable(command: string): string {
  return command.replace(/(^|[|&;]\s*|^\w+=\S+\s+)(?:node bin\/whosaid\.js|whosaid)(?=\s|$)/g, `$1${WHOSAID}`);
}

function execute(command: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.COLUMNS;
    const child = spawn(args.length ? command : 'sh', args.length ? args : ['-c', command], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function compare(where: string, expected: string[] | undefined, stdout: string): void {
  if (expected === undefined) return;
  assert.ok(matchesOutput(expected, stdout.split('\n')), `${where}: the output differs from the README's\n--- README\n${expected.join('\n')}\n--- actual\n${stdout}`);
}

async function check(item: Checkable): Promise<void> {
  const where = `README.md:${item.line}`;
  if (item.kind === 'example') {
    // inside the package, so that `import … from 'whosaid'` resolves to this package (the "source" condition: src/)
    mkdirSync(join(root, 'tmp'), { recursive: true });
    const dir = mkdtempSync(join(root, 'tmp', 'readme-'));
    const file = join(dir, `example.${item.language === 'ts' ? 'mts' : 'mjs'}`);
    writeFileSync(file, item.code);
    const result = await execute(process.execPath, ['--conditions=source', '--import', 'tsx', file]).finally(() => rmSync(dir, { recursive: true, force: true }));
    assert.equal(result.code, 0, `${where}: the example failed\n${result.stderr}`);
    return compare(where, item.expected, result.stdout);
  }
  let command = item.command;
  const install = /^npm ci && (.+)$/.exec(command);
  if (install) {
    NOT_RUN[0][2]();
    command = install[1];
  }
  const skipped = NOT_RUN.find(([pattern]) => pattern.test(command));
  if (skipped) {
    const script = /^npm run ([\w:-]+)$/.exec(command);
    if (script) assert.ok(pkg.scripts[script[1]], `${where}: no npm script "${script[1]}"`);
    skipped[2]();
    return;
  }
  const result = await execute(runnable(command));
  assert.equal(result.code, 0, `${where}: \`${command}\` exited ${result.code}\n${result.stderr}`);
  compare(where, item.expected, result.stdout);
}

const items = checkables(readFileSync(join(root, 'README.md'), 'utf8'));

describe('README.md: every marked command and example runs and prints what the README shows', { concurrency: 4 }, () => {
  it('has checkable blocks', () => assert.ok(items.length >= 5, `${items.length} found`));
  for (const item of items) {
    it(`line ${item.line}: ${item.kind === 'command' ? item.command : `${item.language} example`}`, () => check(item));
  }
});

describe('runnable: the installed command as the source entry', () => {
  it('replaces the command where a pipeline stage starts with it', () => {
    const cases: [string, string][] = [
      ['node bin/whosaid.js extract a.txt', `${WHOSAID} extract a.txt`],
      ['whosaid --version', `${WHOSAID} --version`],
      ['COLUMNS=120 whosaid extract a.txt | head -3', `COLUMNS=120 ${WHOSAID} extract a.txt | head -3`],
      ["echo 'x' | whosaid extract", `echo 'x' | ${WHOSAID} extract`],
      ['cat whosaid.txt', 'cat whosaid.txt'],
    ];
    for (const [given, expected] of cases) assert.equal(runnable(given), expected);
  });
});
