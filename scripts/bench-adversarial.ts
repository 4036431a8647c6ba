/**
 * Adversarial benchmark (issue 8): each shape of scripts/adversarial-shapes.ts (unclosed opening
 * quotes; paragraphs with no quotation marks, one sentence a line; one long sentence with no
 * punctuation; a quote running over many paragraphs; many attributions; a long HTML page) beside
 * ordinary news prose of the same size, analysed with the bundled model. Each run is its own child
 * process with a time limit, so that one stall does not block the rest; a run over it prints
 * "> N s (killed)". The child has the command's memory setting (src/cli/heap.ts). Prints seconds (analysis only, the model loaded and warmed first) and the child's
 * peak RSS for each, then the growth ratios: each shape's time against prose at the same size, and
 * each shape's time at the largest size against the size before.
 *
 *   npm run bench:adversarial                                    # 100k, 1m, 4m; 300 s a run
 *   npm run bench:adversarial -- --sizes 100k,1m --timeout 60
 *   npm run bench:adversarial -- --shapes prose,no-punctuation --sizes 1m --json
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { DESCRIPTIONS, SHAPES, makeShape, type Shape } from './adversarial-shapes.js';

interface Run {
  shape: Shape;
  bytes: number;
  /** Null when killed at the time limit. */
  seconds: number | null;
  maxRssMb: number | null;
  attributions?: number;
  error?: string;
}

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb)?$/i.exec(s.trim());
  if (!m) throw new Error(`bench-adversarial: expected a size such as 100k or 4m, found "${s}"`);
  const unit = (m[2] ?? '').charAt(0).toLowerCase();
  return Math.round(Number(m[1]) * (unit === 'm' ? 1024 * 1024 : unit === 'k' ? 1024 : 1));
}

const label = (bytes: number): string => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} KB`);

async function child(shape: Shape, bytes: number): Promise<void> {
  const [{ analyzeArticle }, { extractHtml }, { analyzeExtracted }, { limitHeapGrowth }] = await Promise.all([
    import('../src/node/analyzer.js'), import('../src/input/html.js'), import('../src/input/analyze-page.js'), import('../src/cli/heap.js'),
  ]);
  limitHeapGrowth(); // the command's own memory setting, so that peak RSS is the command's
  const { text, html } = makeShape(shape, bytes);
  // load and warm the model and the page reader on a small input of the same shape
  const warm = makeShape(shape, 2048);
  if (warm.html) analyzeExtracted(extractHtml(warm.text));
  else analyzeArticle({ text: warm.text });
  const t = performance.now();
  const analysis = html ? analyzeExtracted(extractHtml(text)) : analyzeArticle({ text });
  const seconds = (performance.now() - t) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, attributions: analysis.attributions.length })}\n`);
}

function runChild(shape: Shape, bytes: number, timeoutSeconds: number): Promise<Run> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--stack-size=984', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', shape, String(bytes)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => {
      killed = true;
      proc.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    proc.on('close', (code) => {
      clearTimeout(timer);
      if (killed) return resolve({ shape, bytes, seconds: null, maxRssMb: null });
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        const message = err.trim().split('\n').find((l) => /Error|error/.test(l)) ?? err.trim().split('\n')[0] ?? `exit ${code}`;
        return resolve({ shape, bytes, seconds: null, maxRssMb: null, error: `exit ${code}: ${message.slice(0, 160)}` });
      }
      resolve({ shape, bytes, ...(JSON.parse(line) as { seconds: number; maxRssMb: number; attributions: number }) });
    });
  });
}

async function parent(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      sizes: { type: 'string', default: '100k,1m,4m' },
      shapes: { type: 'string', default: SHAPES.join(',') },
      timeout: { type: 'string', default: '300' },
      json: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(parseSize).sort((a, b) => a - b);
  const shapes = values.shapes.split(',').map((s) => s.trim()) as Shape[];
  for (const s of shapes) if (!SHAPES.includes(s)) throw new Error(`bench-adversarial: unknown shape "${s}"; expected ${SHAPES.join(', ')}`);
  if (!shapes.includes('prose')) shapes.unshift('prose');
  const timeout = Number(values.timeout);
  const runs: Run[] = [];
  if (!values.json) {
    console.log(`bench:adversarial — analysis time and the child's peak RSS; each run its own process, killed after ${timeout} s`);
    for (const s of shapes) console.log(`  ${s.padEnd(18)} ${DESCRIPTIONS[s]}`);
    console.log(`\n${'shape'.padEnd(18)} ${'size'.padStart(8)} ${'seconds'.padStart(16)} ${'peak RSS'.padStart(10)}  attributions`);
  }
  for (const shape of shapes) {
    for (const bytes of sizes) {
      const run = await runChild(shape, bytes, timeout);
      runs.push(run);
      if (!values.json) {
        const seconds = run.error ? 'failed' : run.seconds === null ? `> ${timeout} s (killed)` : run.seconds.toFixed(2);
        const rss = run.maxRssMb === null ? '-' : `${run.maxRssMb.toFixed(0)} MB`;
        console.log(`${shape.padEnd(18)} ${label(bytes).padStart(8)} ${seconds.padStart(16)} ${rss.padStart(10)}  ${run.error ?? run.attributions ?? ''}`);
      }
    }
  }
  const time = (shape: Shape, bytes: number): string => {
    const r = runs.find((x) => x.shape === shape && x.bytes === bytes);
    return r?.seconds == null ? (r?.error ? 'failed' : `> ${timeout}`) : String(r.seconds);
  };
  const ratio = (a: string, b: string): string => {
    const x = Number(a.replace('> ', ''));
    const y = Number(b.replace('> ', ''));
    if (!Number.isFinite(x) || !Number.isFinite(y) || y <= 0 || (a.startsWith('>') && b.startsWith('>'))) return 'n/a';
    const r = x / y;
    return `${a.startsWith('>') ? '> ' : b.startsWith('>') ? '< ' : ''}${r.toFixed(1)}×`;
  };
  const mid = sizes.find((s) => s === 1024 * 1024) ?? sizes[Math.max(0, sizes.length - 2)];
  const top = sizes[sizes.length - 1];
  const before = sizes[sizes.length - 2];
  const ratios = shapes.map((shape) => ({
    shape,
    againstProse: ratio(time(shape, mid), time('prose', mid)),
    ...(before !== undefined && { growth: ratio(time(shape, top), time(shape, before)) }),
  }));
  if (values.json) {
    console.log(JSON.stringify({ timeoutSeconds: timeout, runs, ratios, proseSize: mid, growth: before !== undefined ? [before, top] : undefined }, null, 2));
    return;
  }
  console.log(`\n${'shape'.padEnd(18)} ${`time / prose at ${label(mid)}`.padStart(24)} ${before !== undefined ? `time ${label(top)} / ${label(before)}`.padStart(22) : ''}`);
  for (const r of ratios) console.log(`${r.shape.padEnd(18)} ${r.againstProse.padStart(24)} ${(r.growth ?? '').padStart(22)}`);
  console.log('\ntargets (issue 8): any shape at 1 MB ≤ 3× prose; 4 MB / 1 MB ≤ 5; peak RSS ≤ 600 MB at 4 MB');
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1] as Shape, Number(args[2]));
else await parent();
