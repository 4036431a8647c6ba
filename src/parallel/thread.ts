/**
 * The module every pool thread runs (see map-in-order.ts). It loads the task's own module (named in the
 * thread's `workerData`) as soon as the thread starts, and warms it (the task module's optional `warm`
 * export: the language model loads while the calling thread is still reading the first inputs, not
 * inside the first task). It runs the tasks handed to this thread one at a time, in the order they came:
 * the pool hands a thread its next task while the current one runs, so that the thread goes on without
 * waiting for the calling thread, and this queue keeps them from interleaving. It tells the pool when
 * each task starts, so that a time limit counts the task and not its wait, and so that a task that had
 * not started when its thread died is known to be blameless and is run again.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';

/** A message from a thread: the task with this number has started on the thread with this id (the
 * thread to stop when the task runs past its time limit). */
export interface Started {
  whosaidTaskStarted: number;
  threadId: number;
}

/** What a task came to on its thread: its value, or the message of what it threw. (A rejection of the
 * pool's promise then always means the thread died.) */
export type Ran = { ok: true; value: unknown } | { ok: false; message: string };

type TaskFunction = (input: unknown) => unknown;
type TaskModule = { default: TaskFunction; warm?: () => unknown };

async function load(): Promise<TaskFunction> {
  const specifier = (workerData as { module: string }).module;
  // run from source (tests, `npx tsx`), a thread inherits `--import tsx` but on Node 20 not its import
  // hooks: register them here, before the task's TypeScript (and what it imports) loads
  if (specifier.endsWith('.ts')) (await import('tsx/esm/api')).register();
  const module = (await import(specifier)) as TaskModule;
  try {
    await module.warm?.();
  } catch {
    // a model that cannot load fails each task that needs it, with the task's own message
  }
  return module.default;
}

const loaded = load();
// a module that fails to load fails each task, with its message
loaded.catch(() => {});

/** The end of this thread's queue: the task before the next one starts. */
let queue: Promise<unknown> = Promise.resolve();

export default function run({ id, input }: { id: number; input: unknown }): Promise<Ran> {
  const mine = queue.then(async (): Promise<Ran> => {
    // loading the module (with tsx, the TypeScript too) is the thread's, not the task's: its time limit
    // starts after
    const fn = await loaded.catch(() => undefined);
    parentPort?.postMessage({ whosaidTaskStarted: id, threadId } satisfies Started);
    try {
      if (!fn) await loaded;
      return { ok: true, value: await fn!(input) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
  queue = mine.catch(() => {});
  return mine;
}
