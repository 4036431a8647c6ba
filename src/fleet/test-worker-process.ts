/**
 * A worker process for the fault tests (faults.test.ts), on the test store: `node --import tsx
 * test-worker-process.ts URL [--exit-when-idle]`, with WHOSAID_FLEET_PAUSE as `whosaid worker` takes it
 * and WHOSAID_FLEET_THREADS worker threads. SIGTERM finishes the chunks taken; the summary is printed
 * as JSON on stdout, each log line on stderr.
 */
import { openTestStore } from './test-store.js';
import { runWorker, type PausePoint } from './worker.js';

const [url, ...flags] = process.argv.slice(2);
const stop = new AbortController();
process.once('SIGTERM', () => stop.abort());
const pause = process.env.WHOSAID_FLEET_PAUSE as PausePoint | undefined;
const summary = await runWorker({
  url,
  concurrency: Number(process.env.WHOSAID_FLEET_THREADS ?? 1),
  exitWhenIdle: flags.includes('--exit-when-idle'),
  openStore: openTestStore,
  signal: stop.signal,
  pollMs: 200,
  log: (line) => process.stderr.write(`${line}\n`),
  ...(pause !== undefined && { pauseAt: pause }),
});
process.stdout.write(JSON.stringify(summary) + '\n');
