// The CLI as a user runs it: child processes on the tsx entry (src/cli/main.ts) and on bin/whosaid.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = join(root, 'src/cli/main.ts');
const bin = join(root, 'bin/whosaid.js');

function whosaid(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, COLUMNS: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('child process: a file, piped, gives JSON and exit 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-bin-'));
  const file = join(dir, 'market.txt');
  writeFileSync(file, '“Prices will fall by spring,” the trader told the newspaper.');
  const { code, stdout, stderr } = whosaid(['extract', file, '--published', '2025-11-13']);
  assert.equal(code, 0, stderr);
  const analysis = JSON.parse(stdout) as { id: string; attributions: { text: string }[] };
  assert.equal(analysis.id, file);
  assert.match(analysis.attributions[0].text, /Prices will fall by spring/);
});

test('child process: --jsonl from stdin with a bad line exits 1, no progress bar in a pipe', () => {
  const input = ['{"id":"ok","text":"The teacher said the exam was postponed."}', '{"id":"bad","text":false}', ''].join('\n');
  const { code, stdout, stderr } = whosaid(['extract', '--jsonl', '-'], input);
  assert.equal(code, 1);
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; error?: { code: string } });
  assert.deepEqual(lines.map((l) => l.id), ['ok', 'bad']);
  assert.equal(lines[1].error?.code, 'input/bad-line');
  assert.equal(stderr, 'whosaid: stdin:2: expected a string `text`, found boolean\n');
});

test('child process: a missing file exits 66, a bad flag 2', () => {
  const missing = whosaid(['extract', 'no-such-article.txt']);
  assert.deepEqual([missing.code, missing.stderr], [66, 'whosaid: no-such-article.txt: no such file\n']);
  const usage = whosaid(['extract', '--published', 'yesterday', 'x.txt']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^whosaid: --published: expected a date as YYYY-MM-DD/);
});

test('bin/whosaid.js without a build prints a hint and exits 70', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-nobuild-'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(bin, join(dir, 'bin/whosaid.js'));
  const result = spawnSync(process.execPath, [join(dir, 'bin/whosaid.js'), '--version'], { encoding: 'utf8' });
  assert.equal(result.status, 70);
  assert.match(result.stderr, /run `npm run build`/);
  assert.equal(result.stderr.trim().split('\n').length, 1);
});

test('bin/whosaid.js runs the bundle while it is no older than the tsc output, else the tsc output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-bundle-'));
  for (const folder of ['bin', 'dist/cli', 'dist/bundle']) mkdirSync(join(dir, folder), { recursive: true });
  copyFileSync(bin, join(dir, 'bin/whosaid.js'));
  const entry = (name: string) => `export async function run() { process.stdout.write('${name}\\n'); }\n`;
  writeFileSync(join(dir, 'dist/cli/main.js'), entry('tsc'));
  writeFileSync(join(dir, 'dist/bundle/main.js'), entry('bundle'));
  const ran = () => spawnSync(process.execPath, [join(dir, 'bin/whosaid.js')], { encoding: 'utf8' }).stdout;
  const at = (file: string, seconds: number) => utimesSync(join(dir, file), seconds, seconds);
  at('dist/cli/main.js', 1_000_000);
  at('dist/bundle/main.js', 1_000_100);
  assert.equal(ran(), 'bundle\n');
  // a `tsc -p .` after the bundle: its output is newer, and runs
  at('dist/cli/main.js', 1_000_200);
  assert.equal(ran(), 'tsc\n');
  rmSync(join(dir, 'dist/bundle'), { recursive: true });
  assert.equal(ran(), 'tsc\n');
});

test('bin/whosaid.js on the build', { skip: existsSync(join(root, 'dist/cli/main.js')) ? false : 'dist/ is not built (npm run build)' }, () => {
  const result = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^whosaid \d+\.\d+\.\d+\n$/);
});

test('child process: eval where the shared data is absent names the folder it expected and exits 1', () => {
  const shared = join(mkdtempSync(join(tmpdir(), 'whosaid-fresh-')), 'shared');
  const { code, stdout } = whosaid(['eval', '--shared', shared]);
  assert.equal(code, 1, stdout);
  assert.ok(stdout.includes(`nothing scored: whosaid eval reads its data from ${shared}\n`), stdout);
});

test('child process: a table in a pipe takes its width from COLUMNS', () => {
  const text = `“The ferry will run every hour from Monday, whatever the weather does, and the fares will stay as they are,” the harbor master said.`;
  for (const columns of [50, 120]) {
    const { code, stdout, stderr } = whosaid(['extract', '--format', 'table', '--published', '2025-11-13', '-'], text, { COLUMNS: String(columns) });
    assert.equal(code, 0, stderr);
    const rows = stdout.trimEnd().split('\n').slice(1);
    assert.ok(rows.length >= 2, stdout);
    for (const row of rows) assert.ok(row.length <= columns, `${columns}: ${row}`);
    assert.equal(rows[1].length > 80, columns === 120, `${columns}: ${rows[1]}`);
  }
});

test('child process: relative dates without a publication date get time/no-reference-date, in JSON and in the table', () => {
  const text = 'The mayor said on Tuesday that the ferry would run again.';
  const json = whosaid(['extract', '-'], text);
  const analysis = JSON.parse(json.stdout) as { diagnostics: { code: string; message: string }[] };
  assert.deepEqual(analysis.diagnostics.map((d) => d.code), ['time/no-reference-date']);
  const table = whosaid(['extract', '--format', 'table', '-'], text);
  assert.match(table.stdout, /\nwarning time\/no-reference-date: 1 relative date \("Tuesday"\) could not be resolved: .*--published YYYY-MM-DD/);
  const dated = whosaid(['extract', '--published', '2025-11-13', '-'], text);
  assert.deepEqual((JSON.parse(dated.stdout) as { diagnostics: unknown[] }).diagnostics, []);
});
