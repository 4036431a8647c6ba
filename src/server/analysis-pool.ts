/**
 * Analyses in worker threads (piscina), so that one long article never stalls the server's other
 * requests. At most `maxConcurrent` analyses are admitted at once (running or waiting for a thread);
 * one more is refused with 429. Each has `timeoutMs` from admission: past it, its thread is ended and
 * the request gets 504.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Analysis } from '../core/analysis.js';
import type { AnalysisJob, AnalysisOutcome } from './analysis-worker.js';
import { ApiError } from './errors.js';

/** What the app needs from an analyser; tests pass fakes. */
export interface Analyzer {
  analyze(job: AnalysisJob): Promise<Analysis>;
  /** Analyses admitted and not yet finished. */
  readonly active: number;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads (default: the cores, at most 4). */
  threads?: number;
  /** Analyses admitted at once (default 4 per thread). */
  maxConcurrent?: number;
  /** The longest one analysis may take, in ms (default 30 000). */
  timeoutMs?: number;
}

/** The worker module beside this one, in the form this one runs in (.ts from source, .js built). */
function workerFile(): string {
  const here = import.meta.url;
  return new URL(`./analysis-worker${here.endsWith('.ts') ? '.ts' : '.js'}`, here).href;
}

export function createAnalysisPool(options: PoolOptions = {}): Analyzer {
  const threads = options.threads ?? Math.max(1, Math.min(4, availableParallelism()));
  const maxConcurrent = options.maxConcurrent ?? threads * 4;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pool = new Piscina<AnalysisJob, AnalysisOutcome>({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  let active = 0;
  return {
    get active() {
      return active;
    },
    async analyze(job) {
      if (active >= maxConcurrent) throw new ApiError('server/busy', `${maxConcurrent} analyses are already running or waiting; try again shortly`);
      active++;
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const outcome = await pool.run(job, { signal }).catch((error: unknown) => {
          if (signal.aborted) throw new ApiError('analysis/timeout', `the analysis took longer than the server's limit of ${timeoutMs} ms`);
          throw error;
        });
        if (!outcome.ok) throw new ApiError(outcome.code.startsWith('input/') ? (outcome.code as `input/${string}`) : 'input/failed', outcome.message);
        return outcome.analysis;
      } finally {
        active--;
      }
    },
    close: () => pool.destroy(),
  };
}
