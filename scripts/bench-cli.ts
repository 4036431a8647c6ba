/**
 * `npm run bench:cli`: whosaid as a user runs it, timed as whole processes (start-up, reading, output to a
 * file), beside a bare wink-nlp pass run the same way (scripts/bare-wink.mjs). A benchmark that prints
 * figures, not a test: it never fails on a figure.
 *
 *   npm run bench:cli [-- --limit N] [--runs N] [--file FILE.jsonl] [--shared DIR] [--jobs N] [--scale 1000,100000]
 *
 * Prints, from one run:
 *   - start-up: the median wall time of --runs runs of `whosaid --help`, `--version`, and `extract` on a
 *     one-paragraph article, beside Node's own (`node -e 0`), with each one's CPU time; where
 *     NODE_EXTRA_CA_CERTS is set (some build machines set it for a proxy), Node parses those certificates
 *     at every start before any of whosaid runs, so the start-up figures are also given without it;
 *   - `whosaid extract --jsonl FILE > out` with --jobs 1 and with --jobs = the cores, and the bare
 *     wink-nlp pass, each a whole process: words/s (whitespace-separated words of the input texts), the
 *     ratios, and each process's peak RSS (its maxRSS, worker threads included); and, to read the
 *     --jobs figure by, the bare pass run as that many processes at once against one alone (on a
 *     machine whose cores are busy with other work, no pool can go faster than that), each process's busy
 *     cores (CPU time / wall time), and from CPU times alone the most --jobs N / --jobs 1 can be (N × the
 *     --jobs 1 main thread's CPU time / the --jobs N CPU time);
 *   - with --scale, peak RSS of `extract --jsonl` over that many short articles (the first paragraphs of
 *     the file's articles, repeated), with one job and with the cores: flat means memory does not grow
 *     with the length of a batch.
 * Runs the compiled CLI (bin/whosaid.js → dist/), so build first: npm run build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { countWords } from '../src/bench/count-words.js';
import { percentile } from '../src/bench/percentile.js';
import { PACKAGE_ROOT, resolveSharedFolder, sharedPaths } from '../src/eval/shared-folder.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    shared: { type: 'string' },
    limit: { type: 'string' },
    runs: { type: 'string', default: '7' },
    jobs: { type: 'string' },
    scale: { type: 'string' },
  },
});

const bin = join(PACKAGE_ROOT, 'bin', 'whosaid.js');
const bare = join(PACKAGE_ROOT, 'scripts', 'bare-wink.mjs');
const preload = join(PACKAGE_ROOT, 'scripts', 'bench-rss.mjs');
if (!existsSync(join(PACKAGE_ROOT, 'dist', 'cli', 'main.js'))) {
  process.stderr.write('bench:cli: dist/cli/main.js is missing; run npm run build first\n');
  process.exit(2);
}
const runs = Number(values.runs);
const cores = values.jobs !== undefined ? Number(values.jobs) : availableParallelism();
const work = mkdtempSync(join(tmpdir(), 'whosaid-bench-cli-'));

/** Runs a process to the end, its stdout to a file; returns wall ms, and with `rss` its peak RSS in MiB,
 * CPU ms (user + system, all threads) and the main thread's own CPU ms. */
function timed(args: string[], options: { stdout?: string; rss?: boolean; env?: NodeJS.ProcessEnv } = {}): { ms: number; rssMiB?: number; cpuMs?: number; mainCpuMs?: number; status: number | null; stderr: string } {
  const rssFile = join(work, 'rss.txt');
  rmSync(rssFile, { force: true });
  const out = options.stdout ?? join(work, 'out.txt');
  const started = performance.now();
  const r = spawnSync('sh', ['-c', `exec "$0" "$@" > "${out}"`, process.execPath, ...(options.rss ? ['--import', preload] : []), ...args], {
    env: { ...(options.env ?? process.env), WHOSAID_BENCH_RSS: rssFile },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - started;
  const [rss, cpu, mainCpu] = options.rss && existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [];
  return {
    ms,
    status: r.status,
    stderr: r.stderr,
    ...(rss !== undefined && { rssMiB: rss / 1024 }),
    ...(cpu !== undefined && { cpuMs: cpu / 1000 }),
    ...(mainCpu !== undefined && mainCpu >= 0 && { mainCpuMs: mainCpu / 1000 }),
  };
}

function median(xs: number[]): number {
  return percentile(xs, 50);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// the team's own one-paragraph article
const PARAGRAPH = '“We will reopen the bridge on Monday,” the mayor told reporters on Tuesday, adding that engineers had found no damage to its supports. The transport agency said buses would run until then.';
const paragraphFile = join(work, 'paragraph.txt');
writeFileSync(paragraphFile, PARAGRAPH + '\n');

const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  process.stdout.write(line + '\n');
};

say(`node ${process.version}, ${availableParallelism()} cores available; ${runs} runs for each start-up figure`);
say('');
const { NODE_EXTRA_CA_CERTS: extraCerts, ...withoutCerts } = process.env;
const environments: [string, NodeJS.ProcessEnv][] = [['', process.env]];
if (extraCerts !== undefined) environments.push([' (no NODE_EXTRA_CA_CERTS)', withoutCerts]);
say('start-up (median wall time of a whole process; its CPU time, all threads, in brackets)');
if (extraCerts !== undefined) say('  NODE_EXTRA_CA_CERTS is set here: Node parses those certificates at each start; each figure again without it');
for (const [label, args, target] of [
  ['node -e 0 (Node alone)', ['-e', '0'], ''],
  ['whosaid --help', [bin, '--help'], '   (target <= 100 ms)'],
  ['whosaid --version', [bin, '--version'], '   (target <= 100 ms)'],
  ['whosaid extract paragraph.txt', [bin, 'extract', paragraphFile], '   (target <= 250 ms)'],
] as const) {
  for (const [note, env] of environments) {
    const times: number[] = [];
    const cpu: number[] = [];
    timed([...args], { env });
    for (let k = 0; k < runs; k++) {
      const r = timed([...args], { rss: true, env });
      times.push(r.ms);
      cpu.push(r.cpuMs ?? NaN);
    }
    say(`  ${(label + note).padEnd(54)} ${fmt(median(times)).padStart(6)} ms  (CPU ${fmt(median(cpu))} ms)   min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}${target}`);
  }
}

const source = values.file ?? sharedPaths(resolveSharedFolder(values.shared)).polnearTrain;
let articles = readFileSync(source, 'utf8').split('\n').filter((l) => l.trim());
if (values.limit !== undefined) articles = articles.slice(0, Number(values.limit));
const input = join(work, 'articles.jsonl');
writeFileSync(input, articles.join('\n') + '\n');
const words = articles.reduce((n, l) => n + countWords((JSON.parse(l) as { text: string }).text), 0);

say('');
say(`whole process over ${articles.length} articles, ${fmt(words)} words (${source}), output to a file`);
const sides = [
  ['bare wink-nlp pass', [bare, input]],
  ['extract --jsonl --jobs 1', [bin, 'extract', '--jsonl', input, '--jobs', '1']],
  [`extract --jsonl --jobs ${cores}`, [bin, 'extract', '--jsonl', input, '--jobs', String(cores)]],
] as const;
const rates: number[] = [];
const cpus: number[] = [];
const mainCpus: number[] = [];
for (const [label, args] of sides) {
  const r = timed([...args], { rss: true });
  if (r.status !== 0 && r.status !== 1) say(`  ${label}: exit ${r.status}: ${r.stderr.slice(0, 300)}`);
  const rate = words / (r.ms / 1000);
  rates.push(rate);
  cpus.push(r.cpuMs ?? NaN);
  mainCpus.push(r.mainCpuMs ?? NaN);
  say(`  ${label.padEnd(32)} ${fmt(r.ms / 1000, 2).padStart(7)} s  ${fmt(rate).padStart(9)} words/s  (CPU ${fmt((r.cpuMs ?? NaN) / 1000, 2)} s: ${fmt((r.cpuMs ?? NaN) / r.ms, 2)} cores busy)  peak RSS ${fmt(r.rssMiB ?? NaN)} MiB`);
}
// how much parallel work the machine takes now: the bare pass on `cores` processes at once, against one
const together = timed(['-e', `for (let k = 0; k < ${cores}; k++) require('node:child_process').spawn(process.execPath, [${JSON.stringify(bare)}, ${JSON.stringify(input)}], { stdio: 'ignore' });`]);
say(`  ${`${cores} bare passes at once`.padEnd(32)} ${fmt(together.ms / 1000, 2).padStart(7)} s  (${fmt((rates[0] * together.ms) / 1000 / words, 2)} × one pass's time for ${cores}× the work: ${cores} = no parallelism, 1 = perfect)`);
say(`  ratio --jobs 1 / bare wink-nlp         ${fmt(rates[1] / rates[0], 2)}   (target >= 0.6)`);
say(`  ratio --jobs ${cores} / bare wink-nlp         ${fmt(rates[2] / rates[0], 2)}`);
say(`  ratio --jobs ${cores} / --jobs 1              ${fmt(rates[2] / rates[1], 2)}   (target >= 1.8 on 2 cores)`);
// --jobs 1 keeps more than one core busy (V8 compiles and collects garbage on threads of its own, beside
// the main thread), and each worker thread repeats that warm-up: the CPU time of the --jobs run bounds the
// ratio by itself. Alone on the machine, --jobs 1 takes about its main thread's CPU time, --jobs N at least
// its CPU time spread over N cores: an estimate from CPU times only, so it holds on a loaded machine too.
say(`  the most --jobs ${cores} / --jobs 1 can be, about ${fmt((cores * mainCpus[1]) / cpus[2], 2)}   (${cores} × the --jobs 1 main thread's CPU time ${fmt(mainCpus[1] / 1000, 2)} s / the --jobs ${cores} CPU time: every core busy)`);

if (values.scale !== undefined) {
  const counts = values.scale.split(',').map(Number);
  const paragraphs = articles.map((l) => (JSON.parse(l) as { text: string }).text.split(/\n\s*\n/).find((p) => countWords(p) >= 20) ?? '').filter((p) => p);
  say('');
  say(`peak RSS over many short articles (first paragraphs of the file's articles, repeated)`);
  for (const jobs of [1, cores]) {
    const peaks: number[] = [];
    for (const n of counts) {
      const file = join(work, `scale-${n}.jsonl`);
      if (!existsSync(file)) writeFileSync(file, Array.from({ length: n }, (_, k) => JSON.stringify({ id: `p${k}`, text: paragraphs[k % paragraphs.length] })).join('\n') + '\n');
      const r = timed([bin, 'extract', '--jsonl', file, '--jobs', String(jobs)], { rss: true });
      peaks.push(r.rssMiB ?? NaN);
      say(`  --jobs ${jobs}, ${fmt(n).padStart(7)} articles  ${fmt(r.ms / 1000, 1).padStart(6)} s  peak RSS ${fmt(r.rssMiB ?? NaN)} MiB`);
    }
    say(`  --jobs ${jobs}: largest / smallest batch peak RSS ${fmt(peaks[peaks.length - 1] / peaks[0], 2)}   (target <= 1.10)`);
  }
}
rmSync(work, { recursive: true, force: true });
