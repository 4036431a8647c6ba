/**
 * Input benchmark: writes N synthetic news pages (team-written templates, see bench-pages.ts) into a
 * temporary gzipped WARC, then reads it back twice: once only reading records, once extracting and
 * analysing every page. Prints pages/s from HTML to analysis, WARC records/s, the share of time in
 * extraction and in analysis, and the peak RSS. Each run (page model and count) is its own child process,
 * so that each peak is its own.
 *
 *   npx tsx scripts/bench-input.ts                        # both page models, 1,000 and 10,000 records
 *   npx tsx scripts/bench-input.ts --pages typical 500    # one model, other counts
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readWarc } from '../src/input/warc.js';
import { extractHtml } from '../src/input/html.js';
import { analyzeExtracted } from '../src/input/analyze-page.js';
import { pageHtml, type PageModel } from './bench-pages.js';

async function* once1(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function writeWarc(path: string, model: PageModel, count: number): Promise<number> {
  let htmlBytes = 0;
  const out = createWriteStream(path);
  for (let n = 0; n < count; n++) {
    const bytes = new TextEncoder().encode(pageHtml(model, n));
    htmlBytes += bytes.length;
    const record = WARCRecord.create({
      url: `https://news.example/${n}`, date: '2021-03-03T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1',
      httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK',
    }, once1(bytes));
    if (!out.write(await WARCSerializer.serialize(record, { gzip: true }))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return htmlBytes;
}

interface ChildReport {
  model: PageModel;
  records: number;
  /** Mean HTML size and mean words of extracted text, a page. */
  htmlKb: number;
  words: number;
  warcBytes: number;
  readSeconds: number;
  extractSeconds: number;
  analyzeSeconds: number;
  totalSeconds: number;
  errors: number;
  attributions: number;
  maxRssMb: number;
  /** Peak RSS after writing the archive, after the read-only pass. */
  rssAfterWriteMb: number;
  rssAfterReadMb: number;
}

async function child(model: PageModel, count: number): Promise<ChildReport> {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-bench-'));
  const path = join(dir, 'bench.warc.gz');
  try {
    const htmlBytes = await writeWarc(path, model, count);
    const rssAfterWriteMb = process.resourceUsage().maxRSS / 1024;
    let t = performance.now();
    let read = 0;
    for await (const item of readWarc(createReadStream(path))) if (item.ok) read++;
    const readSeconds = (performance.now() - t) / 1000;
    const rssAfterReadMb = process.resourceUsage().maxRSS / 1024;

    let extractMs = 0;
    let analyzeMs = 0;
    let errors = 0;
    let attributions = 0;
    let words = 0;
    const start = performance.now();
    for await (const item of readWarc(createReadStream(path))) {
      if (!item.ok) { errors++; continue; }
      t = performance.now();
      const article = extractHtml(item.html, { url: item.uri });
      const t2 = performance.now();
      const analysis = analyzeExtracted(article, { id: item.recordId });
      analyzeMs += performance.now() - t2;
      extractMs += t2 - t;
      attributions += analysis.attributions.length;
      words += article.text.split(' ').length;
    }
    const totalSeconds = (performance.now() - start) / 1000;
    return {
      model, htmlKb: htmlBytes / count / 1024, words: words / count,
      records: read, warcBytes: statSync(path).size, readSeconds, extractSeconds: extractMs / 1000,
      analyzeSeconds: analyzeMs / 1000, totalSeconds, errors, attributions,
      maxRssMb: process.resourceUsage().maxRSS / 1024, rssAfterWriteMb, rssAfterReadMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function format(r: ChildReport): string {
  const share = r.extractSeconds + r.analyzeSeconds;
  return [
    `${r.model} pages (${r.htmlKb.toFixed(1)} KB of HTML, ${r.words.toFixed(0)} words of article a page): records ${r.records} (${(r.warcBytes / 1024 / 1024).toFixed(1)} MB gzipped WARC), errors ${r.errors}, attributions ${r.attributions}`,
    `  WARC read only         ${(r.records / r.readSeconds).toFixed(0)} records/s`,
    `  WARC → analysis        ${(r.records / r.totalSeconds).toFixed(1)} records/s (${r.totalSeconds.toFixed(1)} s)`,
    `  HTML → analysis        ${(r.records / share).toFixed(1)} pages/s`,
    `  extraction / analysis  ${((100 * r.extractSeconds) / share).toFixed(0)}% / ${((100 * r.analyzeSeconds) / share).toFixed(0)}%` +
      `  (${((1000 * r.extractSeconds) / r.records).toFixed(2)} ms / ${((1000 * r.analyzeSeconds) / r.records).toFixed(2)} ms a page)`,
    `  peak RSS               ${r.maxRssMb.toFixed(0)} MB (after writing the WARC ${r.rssAfterWriteMb.toFixed(0)} MB, after reading it ${r.rssAfterReadMb.toFixed(0)} MB)`,
  ].join('\n');
}

const MODELS: readonly PageModel[] = ['short', 'typical'];

/** Whether the installed linkedom carries patches/linkedom+*.patch (listener tables made on first use), which the figures assume. */
function linkedomPatched(): boolean {
  const root = dirname(createRequire(import.meta.url).resolve('linkedom/package.json'));
  return !readFileSync(join(root, 'esm/interface/event-target.js'), 'utf8').includes('wm.set(this, new Map)');
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  process.stdout.write(`${JSON.stringify(await child(args[1] as PageModel, Number(args[2])))}\n`);
} else {
  const at = args.indexOf('--pages');
  const models = at >= 0 ? [args[at + 1] as PageModel] : MODELS;
  if (!models.every((m) => MODELS.includes(m))) {
    process.stderr.write(`bench-input: --pages takes ${MODELS.join(' or ')}, got "${args[at + 1] ?? ''}"\n`);
    process.exit(2);
  }
  const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  const counts = rest.length ? rest.map(Number) : [1000, 10000];
  process.stdout.write(linkedomPatched()
    ? 'linkedom: patched (listener tables made on first use)\n'
    : 'linkedom: NOT patched (installed with --ignore-scripts?); extraction runs about a third slower than with `npm ci`\n');
  const self = fileURLToPath(import.meta.url);
  for (const model of models) {
    for (const count of counts) {
      // A fixed heap ceiling makes V8 collect instead of growing the heap while garbage is cheap to keep,
      // so the peak shows what the reader needs; a reader that kept records would run out of heap here.
      const run = spawnSync(process.execPath, ['--max-old-space-size=128', '--import', 'tsx', self, '--child', model, String(count)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (run.status !== 0) {
        process.stderr.write(run.stderr);
        process.exit(1);
      }
      const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as ChildReport;
      process.stdout.write(`${format(report)}\n`);
    }
  }
}
