/**
 * Input benchmark: writes N synthetic news pages (team-written templates) into a temporary gzipped WARC,
 * then reads it back twice: once only reading records, once extracting and analysing every page. Prints
 * pages/s from HTML to analysis, WARC records/s, the share of time in extraction and in analysis, and
 * the peak RSS. Each count runs in its own child process, so that each peak is its own.
 *
 *   npx tsx scripts/bench-input.ts              # 1,000 and 10,000 records
 *   npx tsx scripts/bench-input.ts 500 2000     # other counts
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readWarc } from '../src/input/warc.js';
import { extractHtml } from '../src/input/html.js';
import { analyzeExtracted } from '../src/input/analyze-page.js';

/** Fictional people, places and subjects, written for this benchmark. */
const PEOPLE = [['Jane Roe', 'mayor'], ['Tom Hale', 'council member'], ['Ada Quill', 'harbor master'], ['Ben Ortiz', 'school superintendent'], ['Mira Park', 'state senator'], ['Cy Young', 'union leader']];
const PLACES = ['Easton', 'Lakeview', 'Port Ardent', 'Millbrook', 'Stonehill', 'Riverside'];
const SUBJECTS = ['the river bridge', 'the new library', 'the ferry service', 'the school budget', 'the water plant', 'the bus routes'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length];
}

/** One synthetic page; `n` varies names, structure, metadata and embeds. */
function pageHtml(n: number): string {
  const [a, aRole] = pick(PEOPLE, n);
  const [b, bRole] = pick(PEOPLE, n + 2);
  const place = pick(PLACES, n * 7);
  const subject = pick(SUBJECTS, n * 3);
  const month = pick(MONTHS, n);
  const day = (n % 27) + 1;
  const year = 2015 + (n % 9);
  const iso = `${year}-${String((n % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const head = [
    `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${place} weighs ${subject}","datePublished":"${iso}T09:00:00Z","publisher":{"name":"The ${place} Lark"}}</script>`,
    `<meta property="article:published_time" content="${iso}T09:00:00Z"><meta property="og:site_name" content="${place} Daily">`,
    `<meta name="pubdate" content="${iso.replace(/-/g, '')}">`,
    '',
  ][n % 4];
  const paragraphs = [
    `${place.toUpperCase()}, ${month} ${day}, ${year} — The ${aRole} of ${place}, ${a}, said on Monday that ${subject} would be ready before the end of the year.`,
    `"We have done the work and we have the money," ${a} told reporters at the town hall. "Nobody should worry about it."`,
    `${b}, a ${bRole}, disagreed. "We have heard this promise before," ${b} said, adding that the plan left out the families who would pay for it.`,
    `According to a report from the ${place} planning office, the cost has grown by a third since the spring.`,
    `Residents plan to attend a public hearing on Thursday, where ${a} is expected to answer questions about ${subject}.`,
  ];
  const tweet = n % 3 === 0
    ? `<blockquote class="twitter-tweet"><p lang="en">"${subject} will open on time," says ${a}. <a href="https://t.co/x${n}">pic.twitter.com/x${n}</a></p>&mdash; ${place} Lark (@lark${n % 50}) <a href="https://twitter.com/lark${n % 50}/status/${1000 + n}">${month} ${day}, ${year}</a></blockquote>`
    : '';
  const pull = n % 5 === 0 ? `<aside class="pullquote">"We have heard this promise before."</aside>` : '';
  const body = paragraphs.slice(0, 3 + (n % 3)).map((p) => `<p>${p}</p>`);
  body.splice(2, 0, tweet, pull);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${place} weighs ${subject}</title>${head}</head>
<body><header><nav><a href="/">Home</a><a href="/local">Local</a><a href="/sports">Sports</a></nav></header>
<main><article><h1>${place} weighs ${subject}</h1><p class="byline">By ${pick(PEOPLE, n + 4)[0]}</p>
${body.join('\n')}
</article><aside class="related"><h2>Related</h2><ul><li><a href="/a">Other story</a></li><li><a href="/b">Another story</a></li></ul></aside></main>
<footer><p>Copyright The ${place} Lark</p></footer></body></html>`;
}

async function* once1(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function writeWarc(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (let n = 0; n < count; n++) {
    const record = WARCRecord.create({
      url: `https://news.example/${n}`, date: '2021-03-03T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1',
      httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK',
    }, once1(new TextEncoder().encode(pageHtml(n))));
    if (!out.write(await WARCSerializer.serialize(record, { gzip: true }))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface ChildReport {
  records: number;
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

async function child(count: number): Promise<ChildReport> {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-bench-'));
  const path = join(dir, 'bench.warc.gz');
  try {
    await writeWarc(path, count);
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
    }
    const totalSeconds = (performance.now() - start) / 1000;
    return {
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
    `records ${r.records} (${(r.warcBytes / 1024 / 1024).toFixed(1)} MB gzipped WARC), errors ${r.errors}, attributions ${r.attributions}`,
    `  WARC read only         ${(r.records / r.readSeconds).toFixed(0)} records/s`,
    `  WARC → analysis        ${(r.records / r.totalSeconds).toFixed(1)} records/s (${r.totalSeconds.toFixed(1)} s)`,
    `  HTML → analysis        ${(r.records / share).toFixed(1)} pages/s`,
    `  extraction / analysis  ${((100 * r.extractSeconds) / share).toFixed(0)}% / ${((100 * r.analyzeSeconds) / share).toFixed(0)}%` +
      `  (${((1000 * r.extractSeconds) / r.records).toFixed(2)} ms / ${((1000 * r.analyzeSeconds) / r.records).toFixed(2)} ms a page)`,
    `  peak RSS               ${r.maxRssMb.toFixed(0)} MB (after writing the WARC ${r.rssAfterWriteMb.toFixed(0)} MB, after reading it ${r.rssAfterReadMb.toFixed(0)} MB)`,
  ].join('\n');
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  process.stdout.write(`${JSON.stringify(await child(Number(args[1])))}\n`);
} else {
  const counts = args.length ? args.map(Number) : [1000, 10000];
  const self = fileURLToPath(import.meta.url);
  for (const count of counts) {
    // A fixed heap ceiling makes V8 collect instead of growing the heap while garbage is cheap to keep,
    // so the peak shows what the reader needs; a reader that kept records would run out of heap here.
    const run = spawnSync(process.execPath, ['--max-old-space-size=128', '--import', 'tsx', self, '--child', String(count)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) {
      process.stderr.write(run.stderr);
      process.exit(1);
    }
    const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as ChildReport;
    process.stdout.write(`${format(report)}\n`);
  }
}
