/**
 * `whosaid ingest`: reads every input, analyses each article and makes it ready to store on `--jobs`
 * worker threads (src/parallel/prepare-in-order.ts: in input order, a bounded number read ahead), and
 * stores the prepared articles from this thread in batches, one transaction each, so that a killed run
 * loses at most its open batch and a re-run skips what is stored without analysing it again. A bad input
 * is reported (stderr, and an error record with --format json) and the rest goes on; a summary ends it.
 */
import { prepareInOrder } from '../../parallel/prepare-in-order.js';
import type { PreparedArticle } from '../../store/prepare.js';
import type { IngestOutcome, Store } from '../../store/store.js';
import { batchExitCode, EXIT, ReportedFailure, type ExitCode } from '../errors.js';
import { write, type Io } from '../io.js';
import { createProgress } from '../progress.js';
import type { Services } from '../services.js';
import type { IngestItem } from './analyze-item.js';
import { readInputs, type InputEvent, type InputOptions } from './inputs.js';

export interface IngestOptions extends InputOptions {
  /** `text`: messages on stderr and a summary line; `json`: error records and a summary as JSON lines. */
  format: 'text' | 'json';
  /** Articles per transaction (default 16). */
  batchSize?: number;
  /** The longest a batch stays open, in milliseconds (default 1000). */
  batchMs?: number;
  /** Worker threads analysing (default 1: in this thread, unless `timeoutMs` is given). */
  jobs?: number;
  /** The time limit per article in a worker (default none). */
  timeoutMs?: number;
}

export interface IngestSummary {
  articles: { new: number; unchanged: number; replaced: number; failed: number };
  /** Attributions stored by this run. */
  attributions: number;
  /** People this run added to the corpus. */
  people: number;
  corpus: { articles: number; attributions: number; people: number };
}

export function formatSummary(s: IngestSummary): string {
  const a = s.articles;
  const total = a.new + a.unchanged + a.replaced + a.failed;
  return (
    `ingested ${total} article${total === 1 ? '' : 's'}: ${a.new} new, ${a.unchanged} unchanged, ${a.replaced} replaced, ${a.failed} failed; ` +
    `stored ${s.attributions} attributions and ${s.people} new people; ` +
    `the corpus holds ${s.corpus.articles} articles, ${s.corpus.attributions} attributions, ${s.corpus.people} people\n`
  );
}

/**
 * Articles per transaction, and articles handed to each worker thread at once. This thread writes a batch
 * in one synchronous transaction (about 6 ms an article on PolNeAR train: ~100 ms for 16), and cannot
 * hand the workers anything meanwhile; each worker holds up to PER_WORKER articles (~12 ms each to
 * analyse and prepare), so that it analyses on while a batch is written instead of waiting for it.
 * Smaller batches cost no more per article (measured 8 to 64: within the noise) and lose less to a kill.
 */
const BATCH_SIZE = 16;
const PER_WORKER = 16;

/** An input on its way through the pool: with `item` when it is to be analysed, without when it is settled here. */
interface Job {
  event: InputEvent;
  item?: IngestItem;
}

/** The exit code an article's failure counts for in the run's: 66 for an input not found, 70 for a bug, else 1. */
function exitCodeOf(code: ExitCode): ExitCode {
  return code === EXIT.noInput || code === EXIT.internal ? code : EXIT.failed;
}

export async function ingest(options: IngestOptions, store: Store, io: Io, services: Services): Promise<IngestSummary> {
  const now = io.now ?? (() => performance.now());
  const progress = createProgress({ stream: io.stderr, isTTY: io.stderrIsTTY, now, unit: 'articles' });
  const summary: IngestSummary = { articles: { new: 0, unchanged: 0, replaced: 0, failed: 0 }, attributions: 0, people: 0, corpus: { articles: 0, attributions: 0, people: 0 } };
  const failures: ExitCode[] = [];
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const batchMs = options.batchMs ?? 1000;
  let batch: PreparedArticle[] = [];
  /**
   * Source hashes sent to be analysed and not yet committed: a repeated input read while its first copy
   * is in the pool or the open batch is not analysed twice. Entries leave when their batch commits, or
   * when their analysis fails (a copy read while the first was still in the pool then counts as
   * unchanged, though the first failed: with workers, reading runs ahead of the results).
   */
  const inFlight = new Set<string>();
  let opened = now();
  let items = 0;

  const count = (outcome: IngestOutcome) => {
    summary.articles[outcome.status]++;
    summary.attributions += outcome.attributions;
    summary.people += outcome.newPeople;
  };
  const flush = async () => {
    if (batch.length > 0) for (const outcome of await store.ingest(batch)) count(outcome);
    for (const prepared of batch) inFlight.delete(prepared.article.sourceHash);
    batch = [];
    opened = now();
  };
  const fail = async (where: string, exitCode: ExitCode, message: string, record: object) => {
    summary.articles.failed++;
    failures.push(exitCode);
    progress.clear();
    io.stderr.write(`whosaid: ${where}: ${message}\n`);
    if (options.format === 'json') await write(io.stdout, JSON.stringify(record) + '\n');
  };

  async function* jobs(): AsyncGenerator<Job> {
    for await (const event of readInputs(options, io, services)) {
      if (!event.ok) {
        yield { event };
        continue;
      }
      const { item } = event;
      if (inFlight.has(item.sourceHash) || (await store.known(item.id, item.sourceHash)) === 'unchanged') {
        yield { event };
        continue;
      }
      inFlight.add(item.sourceHash);
      yield { event, item };
    }
  }

  const pool = { ...(options.jobs !== undefined && { jobs: options.jobs }), ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }), perWorker: PER_WORKER, services };
  for await (const { job, outcome } of prepareInOrder(jobs(), pool)) {
    items++;
    const { event, item } = job;
    if (!event.ok) await fail(event.where, event.exitCode, event.problem, event.record);
    else if (item === undefined || outcome === undefined) summary.articles.unchanged++;
    else if (outcome.ok) batch.push(outcome.prepared);
    else {
      inFlight.delete(item.sourceHash);
      await fail(event.where, exitCodeOf(outcome.exitCode), outcome.message, { id: item.source.id ?? null, error: { code: outcome.code, message: outcome.message } });
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
