/**
 * The README's corpus walk-through is real: each `$ whosaid …` line of the "The corpus" section runs here,
 * in order, against a fresh database, and its output must be the lines under it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, test } from 'node:test';
import type { Io } from '../io.js';
import { main } from '../main.js';

const root = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'whosaid-readme-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The commands and expected outputs of the first `console session` block after "## The corpus": one
 * stateful walk-through, run here in order in a folder of its own (the README check runs `console` blocks
 * each on its own, so it leaves these to this test). */
function walkThrough(): { argv: string[]; expected: string }[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The corpus'));
  const block = /```console session\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'the section has a console block');
  const steps: { argv: string[]; expected: string }[] = [];
  for (const line of block[1].split('\n')) {
    if (line.startsWith('$ whosaid ')) steps.push({ argv: words(line.slice('$ whosaid '.length)), expected: '' });
    else if (steps.length > 0) steps.at(-1)!.expected += line + '\n';
  }
  for (const step of steps) step.expected = step.expected.replace(/\n+$/, '\n');
  return steps;
}

/** Shell words: bare words and "double-quoted" ones. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

test('the README corpus walk-through gives the output it shows', async () => {
  const steps = walkThrough();
  assert.ok(steps.length >= 5);
  const db = join(dir, 'corpus.db');
  const cwd = process.cwd();
  process.chdir(root); // the walk-through runs from the repository's folder ("examples/")
  try {
    for (const { argv, expected } of steps) {
      let stdout = '';
      const out = new PassThrough();
      out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const io: Io = { stdin: Readable.from([]), stdout: out, stderr: new PassThrough(), stdoutIsTTY: false, stderrIsTTY: false };
      const code = await main(argv.map((a) => (a === 'corpus.db' ? db : a)), io);
      assert.equal(code, 0, argv.join(' '));
      assert.equal(stdout, expected, argv.join(' '));
    }
  } finally {
    process.chdir(cwd);
  }
});
