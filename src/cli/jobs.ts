/**
 * `--jobs` and `--timeout-ms`: how many worker threads analyse, and how long one article may take in one.
 */
import { UsageError } from './errors.js';

/** The time limit per article where analysis runs in workers and none is given: one minute, far beyond
 * an ordinary article (tens of milliseconds) and short enough that a pathological one does not stall a batch. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface JobSettings {
  jobs: number;
  /** Undefined: no limit (one job in this thread, or `--timeout-ms 0`). */
  timeoutMs?: number;
}

function count(flag: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag}: expected an integer >= ${min}, found "${value}"`);
  return Number(value);
}

/**
 * The settings from the flags: `--jobs` defaults to `cores`; workers get a time limit of
 * `--timeout-ms`, else DEFAULT_TIMEOUT_MS; one job runs in this thread with no limit unless
 * `--timeout-ms` is given (then in one worker, which can be stopped).
 */
export function jobSettings(jobs: string | undefined, timeoutMs: string | undefined, cores: number): JobSettings {
  const n = jobs === undefined ? Math.max(1, cores) : count('--jobs', jobs, 1);
  const limit = timeoutMs === undefined ? undefined : count('--timeout-ms', timeoutMs, 0);
  if (limit === 0) return { jobs: n };
  if (limit !== undefined) return { jobs: n, timeoutMs: limit };
  return n > 1 ? { jobs: n, timeoutMs: DEFAULT_TIMEOUT_MS } : { jobs: n };
}
