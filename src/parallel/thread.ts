/**
 * The module every pool thread runs (see map-in-order.ts): it loads the task's own module (named in the
 * thread's `workerData`), tells the pool when each task starts, so that a time limit counts the task and
 * not the wait for a thread, and runs the task.
 */
import { parentPort, workerData } from 'node:worker_threads';

/** A message from a thread: the task with this number has started. */
export interface Started {
  whosaidTaskStarted: number;
}

let loaded: Promise<(input: unknown) => unknown> | undefined;

type TaskModule = { default: (input: unknown) => unknown };

function task(): Promise<(input: unknown) => unknown> {
  const specifier = (workerData as { module: string }).module;
  loaded ??= (async () => {
    // run from source (tests, `npx tsx`), a thread inherits `--import tsx` but on Node 20 not its import
    // hooks: register them here, before the task's TypeScript (and what it imports) loads
    if (specifier.endsWith('.ts')) (await import('tsx/esm/api')).register();
    return ((await import(specifier)) as TaskModule).default;
  })();
  return loaded;
}

export default async function run({ id, input }: { id: number; input: unknown }): Promise<unknown> {
  const fn = await task();
  parentPort?.postMessage({ whosaidTaskStarted: id } satisfies Started);
  return fn(input);
}
