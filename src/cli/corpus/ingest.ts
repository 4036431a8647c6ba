/**
 * `whosaid ingest`: reads every input, analyses each article (one `analyzeItem` call, the step a worker
 * pool can take over), and stores the analyses in batches, one transaction each, so that a killed run
 * loses at most its open batch and a re-run skips what is stored without analysing it again. A bad input
 * is reported (stderr, and an error record with --format json) and the rest goes on; a summary ends it.
 */
import type { Analysis } from '../../core/analysis.js';
import type { ArticleRecord, IngestOutcome, Store } from '../../store/store.js';
import { batchExitCode, EXIT, ReportedFailure, type ExitCode } from '../errors.js';
import { write, type Io } from '../io.js';
import { createProgress } from '../progress.js';
import type { Services } from '../services.js';
import { analyzeItem, type IngestItem } from './analyze-item.js';
import { readInputs, type InputOptions } from './inputs.js';

export interface IngestOptions extends InputOptions {
  /** `text`: messages on stderr and a summary line; `json`: error records and a summary as JSON lines. */
  format: 'text' | 'json';
  /** Articles per transaction (default 64). */
  batchSize?: number;
  /** The longest a batch stays open, in milliseconds (default 1000). */
  batchMs?: number;
}

export interface IngestSummary {
  articles: { new: number; unchanged: number; replaced: number; failed: number };
  /** Attributions stored by this run. */
  attributions: number;
  /** People this run added to the corpus. */
  people: number;
  corpus: { articles: number; attributions: number; people: number };
}

/** The analysis step: replaceable (a worker pool) as long as it keeps one call per article. */
export type AnalyzeStep = (item: IngestItem) => Promise<{ article: ArticleRecord; analysis: Analysis }>;

export function formatSummary(s: IngestSummary): string {
  const a = s.articles;
  const total = a.new + a.unchanged + a.replaced + a.failed;
  return (
    `ingested ${total} article${total === 1 ? '' : 's'}: ${a.new} new, ${a.unchanged} unchanged, ${a.replaced} replaced, ${a.failed} failed; ` +
    `stored ${s.attributions} attributions and ${s.people} new people; ` +
    `the corpus holds ${s.corpus.articles} articles, ${s.corpus.attributions} attributions, ${s.corpus.people} people\n`
  );
}

export async function ingest(options: IngestOptions, store: Store, io: Io, services: Services, analyze: AnalyzeStep = (item) => analyzeItem(item, services)): Promise<IngestSummary> {
  const now = io.now ?? (() => performance.now());
  const progress = createProgress({ stream: io.stderr, isTTY: io.stderrIsTTY, now, unit: 'articles' });
  const summary: IngestSummary = { articles: { new: 0, unchanged: 0, replaced: 0, failed: 0 }, attributions: 0, people: 0, corpus: { articles: 0, attributions: 0, people: 0 } };
  const failures: ExitCode[] = [];
  const batchSize = options.batchSize ?? 64;
  const batchMs = options.batchMs ?? 1000;
  let batch: { article: ArticleRecord; analysis: Analysis }[] = [];
  /** Source hashes in the open batch, so that a repeated input inside one batch is not analysed twice. */
  const pending = new Set<string>();
  let opened = now();
  let items = 0;

  const count = (outcome: IngestOutcome) => {
    summary.articles[outcome.status]++;
    summary.attributions += outcome.attributions;
    summary.people += outcome.newPeople;
  };
  const flush = async () => {
    if (batch.length > 0) for (const outcome of await store.ingest(batch)) count(outcome);
    batch = [];
    pending.clear();
    opened = now();
  };

  for await (const event of readInputs(options, io, services)) {
    items++;
    if (!event.ok) {
      summary.articles.failed++;
      failures.push(event.exitCode);
      progress.clear();
      io.stderr.write(`whosaid: ${event.where}: ${event.problem}\n`);
      if (options.format === 'json') await write(io.stdout, JSON.stringify(event.record) + '\n');
      continue;
    }
    const { item } = event;
    if (pending.has(item.sourceHash) || (await store.known(item.id, item.sourceHash)) === 'unchanged') {
      summary.articles.unchanged++;
    } else {
      try {
        batch.push(await analyze(item));
        pending.add(item.sourceHash);
      } catch (error) {
        summary.articles.failed++;
        const cli = error as { exitCode?: ExitCode; code?: string; message?: string };
        const exitCode = cli.exitCode === EXIT.noInput ? EXIT.noInput : cli.exitCode === EXIT.internal || cli.exitCode === undefined ? EXIT.internal : EXIT.failed;
        failures.push(exitCode);
        const message = error instanceof Error ? error.message : String(error);
        progress.clear();
        io.stderr.write(`whosaid: ${event.where}: ${message}\n`);
        if (options.format === 'json') await write(io.stdout, JSON.stringify({ id: item.source.id ?? null, error: { code: cli.code ?? (exitCode === EXIT.internal ? 'internal/error' : 'input/failed'), message } }) + '\n');
      }
    }
    if (batch.length >= batchSize || (batch.length > 0 && now() - opened >= batchMs)) await flush();
    progress.update(items, 0);
  }
  await flush();
  progress.end();
  const counts = await store.counts();
  summary.corpus = { articles: counts.articles, attributions: counts.attributions, people: counts.people };
  await write(io.stdout, options.format === 'json' ? JSON.stringify({ summary }) + '\n' : formatSummary(summary));
  const code = batchExitCode(failures, items);
  if (code !== EXIT.ok) throw new ReportedFailure(code);
  return summary;
}
