/**
 * What a command loads: `whosaid --help` and `--version` load no dependency at all, and `whosaid extract`
 * on plain text loads wink-nlp, its model and chrono-node but none of the store, HTML, WARC, eval or bench
 * code (each import is start-up time a user waits for). Each case runs the CLI in a child process with a
 * module resolve hook that logs every module it loads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'whosaid-loads-'));
const hook = join(work, 'hook.mjs');
writeFileSync(hook, `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.WHOSAID_LOAD_LOG, resolved.url + '\\n');
  return resolved;
}
`);
const register = join(work, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
const paragraph = join(work, 'paragraph.txt');
writeFileSync(paragraph, '“The bridge opens on Monday,” the mayor told reporters on Tuesday.\n');

/** The packages (node_modules/NAME) and this package's own source folders a CLI run loaded. */
function loaded(args: string[]): { packages: Set<string>; own: Set<string> } {
  const log = join(work, 'log.txt');
  rmSync(log, { force: true });
  const r = spawnSync(process.execPath, ['--import', register, '--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, WHOSAID_LOAD_LOG: log },
  });
  assert.equal(r.status, 0, r.stderr);
  const urls = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:'));
  const packages = new Set(urls.flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []).filter((p) => p !== 'tsx' && p !== 'esbuild' && p !== 'get-tsconfig' && p !== 'resolve-pkg-maps'));
  const own = new Set(urls.flatMap((u) => (u.includes('/node_modules/') ? [] : (/\/src\/(.+)\.[tj]s$/.exec(u)?.[1] ?? []))));
  return { packages, own };
}

const HEAVY = ['better-sqlite3', 'zod', 'csv-stringify', 'diff', '@mozilla/readability', 'linkedom', 'warcio', 'piscina', 'hono', 'pg', 'pg-boss'];

test('whosaid --help and --version load no dependency and none of the commands', () => {
  for (const args of [['--help'], ['--version']]) {
    const { packages, own } = loaded(args);
    assert.deepEqual([...packages], [], `${args[0]} loaded ${[...packages].join(', ')}`);
    // the help texts and the error types are all they load of this package's own code
    for (const module of own) assert.ok(!/^(core|store|corpus|input|eval|bench|parallel|fleet)\/|^node\/(?!model-error)|^server\/(?!help)/.test(module) && !/^cli\/(extract|(corpus|fleet)\/(?!help|commands))/.test(module), `${args[0]} loaded src/${module}`);
  }
});

test('whosaid extract on plain text loads the engine, and not the store, HTML, WARC, eval or bench code', () => {
  const { packages, own } = loaded(['extract', paragraph]);
  for (const name of ['wink-nlp', 'wink-eng-lite-web-model', 'chrono-node']) assert.ok(packages.has(name), `extract did not load ${name}`);
  for (const name of HEAVY) assert.ok(!packages.has(name), `extract on plain text loaded ${name}`);
  for (const module of own) assert.ok(!/^(store|corpus|eval|bench|fleet)\/|^server\/(?!help)|^cli\/(corpus|fleet)\/(?!help|commands)|^input\/(html|warc|fetch|analyze-page)/.test(module), `extract on plain text loaded src/${module}`);
});

test.after(() => rmSync(work, { recursive: true, force: true }));
