/**
 * Runs one task per input on a pool of worker threads (piscina) and yields the results in input order,
 * in bounded memory: at most `window` inputs are read ahead of the one the caller is waiting for (the
 * source is pulled no further until the caller takes a result: back-pressure, no unbounded queue), and
 * at most `perWorker` tasks are handed to each of the `jobs` threads at once.
 *
 * Each thread holds its next task while it runs one (thread.ts runs them one after another), so that it
 * goes from one task to the next without a round trip through the calling thread: a caller busy writing
 * (a database batch, a large chunk of output) does not leave the threads idle meanwhile.
 *
 * A task never loses the batch: what it throws, a worker thread that dies under it (`process.exit`, an
 * uncaught exception), and a task that runs past `timeoutMs` (its worker is terminated and replaced)
 * each become a failed result for that input, and the next input goes on. A task that was waiting on a
 * thread that died under another task had not started: it is run again on another thread.
 *
 * With `jobs: 1` and no `timeoutMs` the tasks run in the calling thread, one after another, with no
 * worker at all: the single-core path pays for no copying between threads.
 */
import { Piscina } from 'piscina';
import type { Ran, Started } from './thread.js';

/** A task as two views of one function: a worker module for threads, and a loader for in-process runs. */
export interface Task<T, R> {
  /**
   * The module the worker threads load; its default export runs one task: `(input: T) => R | Promise<R>`.
   * Inputs and results cross threads by structured clone, so both are plain data. (Each thread runs
   * thread.ts, which imports this module.)
   */
  readonly worker: URL;
  /** Loads the same function for in-process runs (`jobs: 1` without a time limit). */
  readonly inProcess: () => Promise<(input: T) => R | Promise<R>>;
}

export interface MapOptions<T, R> {
  /** Worker threads (default 1). With 1 and no `timeoutMs`, tasks run in the calling thread. */
  jobs?: number;
  /**
   * Milliseconds a task may run in a worker before the worker is terminated and the input fails with
   * `parallel/timeout` (default: no limit). A task running in the calling thread cannot be stopped, so
   * giving a limit with `jobs: 1` runs the tasks in one worker.
   */
  timeoutMs?: number;
  /**
   * Tasks handed to each thread at once (default 2): one running and the next waiting on the thread, so
   * that no thread waits for the calling thread between tasks. More cover a caller that is busy for
   * longer (a batch written to a database) at the cost of that many more inputs and results in memory.
   */
  perWorker?: number;
  /** Inputs read ahead of the oldest unfinished one (default `jobs × perWorker × 2`, at least `jobs × perWorker`). */
  window?: number;
  /**
   * Run on worker threads even with one job and no time limit, so that the calling thread stays free
   * (a fleet worker stores one chunk while a thread analyses the next). Default false.
   */
  threads?: boolean;
  /**
   * A result settled in the calling thread, without a task (an input already known to be bad); return
   * undefined to run the task. Its place in the output is the input's place.
   */
  settle?: (input: T) => R | undefined;
}

/**
 * The URL of a worker module beside `base` (a module's `import.meta.url`), named without extension: the
 * `.ts` file when `base` runs from source (tsx), the `.js` file when it runs compiled. A worker thread
 * imports its module from piscina's folder, where tsx's mapping of `.js` imports to `.ts` does not apply.
 */
export function workerBeside(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

/**
 * Why a task gave no result: it ran past the time limit, or its worker failed (the task threw, the
 * thread exited or an exception escaped it).
 */
export type FailureCode = 'parallel/timeout' | 'parallel/worker-failed';

/** One input's outcome: the task's result, or why there is none. */
export type Settled<R> = { ok: true; value: R } | { ok: false; code: FailureCode; message: string };

export interface Mapped<T, R> {
  input: T;
  result: Settled<R>;
}

/** The pool's own settings, normalized from `MapOptions`. */
interface Settings {
  jobs: number;
  timeoutMs: number | undefined;
  perWorker: number;
  window: number;
}

function settingsOf<T, R>(options: MapOptions<T, R>): Settings {
  const jobs = Math.max(1, Math.floor(options.jobs ?? 1));
  const timeoutMs = options.timeoutMs !== undefined && options.timeoutMs > 0 ? options.timeoutMs : undefined;
  const perWorker = Math.max(1, Math.floor(options.perWorker ?? 2));
  return { jobs, timeoutMs, perWorker, window: Math.max(jobs * perWorker, Math.floor(options.window ?? jobs * perWorker * 2)) };
}

/** How many times a blameless task is run again: one waiting on a thread that died under the task it ran,
 * or on a thread stopped for another task's time limit. (A bound, in case a thread's "started" message
 * comes after the news of its death.) */
const RERUNS = 3;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Maps `inputs` through `task`, yielding `{input, result}` in input order.
 *
 * @example
 *   for await (const { input, result } of mapInOrder(lines, task, { jobs: 4, timeoutMs: 60_000 })) {
 *     write(result.ok ? result.value : errorRecord(input, result));
 *   }
 *
 * Breaking out of the loop stops reading `inputs` and shuts the workers down.
 */
export async function* mapInOrder<T, R>(inputs: AsyncIterable<T> | Iterable<T>, task: Task<T, R>, options: MapOptions<T, R> = {}): AsyncGenerator<Mapped<T, R>> {
  const settings = settingsOf(options);
  if (settings.jobs === 1 && settings.timeoutMs === undefined && options.threads !== true) {
    yield* inProcess(inputs, task, options.settle);
    return;
  }
  yield* inWorkers(inputs, task, settings, options.settle);
}

async function* inProcess<T, R>(inputs: AsyncIterable<T> | Iterable<T>, task: Task<T, R>, settle: MapOptions<T, R>['settle']): AsyncGenerator<Mapped<T, R>> {
  let run: ((input: T) => R | Promise<R>) | undefined;
  for await (const input of inputs) {
    const early = settle?.(input);
    if (early !== undefined) {
      yield { input, result: { ok: true, value: early } };
      continue;
    }
    run ??= await task.inProcess();
    let result: Settled<R>;
    try {
      result = { ok: true, value: await run(input) };
    } catch (error) {
      result = { ok: false, code: 'parallel/worker-failed', message: messageOf(error) };
    }
    yield { input, result };
  }
}

/** A counting semaphore: at most `jobs × perWorker` tasks handed to the pool at once (piscina's own queue stays empty). */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(count: number) {
    this.free = count;
  }
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

async function* inWorkers<T, R>(inputs: AsyncIterable<T> | Iterable<T>, task: Task<T, R>, settings: Settings, settle: MapOptions<T, R>['settle']): AsyncGenerator<Mapped<T, R>> {
  const pool = new Piscina({
    filename: workerBeside('thread', import.meta.url).href,
    workerData: { module: task.worker.href },
    minThreads: settings.jobs,
    maxThreads: settings.jobs,
    concurrentTasksPerWorker: settings.perWorker,
    idleTimeout: 60_000,
  });
  // a worker that dies with no task of ours on it is replaced by the pool; nothing is lost, nothing to report
  pool.on('error', () => {});
  // a time limit starts when its task starts on a thread, not while it waits there or a new thread loads
  const starting = new Map<number, (threadId: number) => void>();
  pool.on('message', (message: Partial<Started>) => {
    if (typeof message?.whosaidTaskStarted === 'number') starting.get(message.whosaidTaskStarted)?.(message.threadId ?? -1);
  });
  let nextId = 0;
  const slots = new Slots(settings.jobs * settings.perWorker);

  /** Threads terminated for a task's time limit: what else fails with them is not to blame. */
  const stopped = new Set<number>();

  /** One run of the task on the pool; `blameless` when the thread died under another task (this one had
   * not started, or the thread was stopped for another's time limit), so that it is run again. */
  async function runOnce(input: T): Promise<{ result: Settled<R>; blameless: boolean }> {
    const id = nextId++;
    let started = false;
    let thread = -1;
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    starting.set(id, (threadId) => {
      started = true;
      thread = threadId;
      if (settings.timeoutMs === undefined) return;
      timer = setTimeout(() => {
        timedOut = true;
        stopped.add(threadId);
        // the task's own thread, stopped: the pool rejects what it held and starts another thread
        void pool.threads.find((t) => t.threadId === threadId)?.terminate();
      }, settings.timeoutMs);
    });
    try {
      // no AbortSignal: piscina hands a thread running an abortable task nothing more, so a time limit
      // stops the task's thread itself (above)
      const ran = (await pool.run({ id, input })) as Ran;
      return { result: ran.ok ? { ok: true, value: ran.value as R } : { ok: false, code: 'parallel/worker-failed', message: ran.message }, blameless: false };
    } catch (error) {
      if (timedOut) return { result: { ok: false, code: 'parallel/timeout', message: `stopped after ${settings.timeoutMs} ms (the time limit per input)` }, blameless: false };
      // the thread died: it exited ("worker exited with code: N"), an exception escaped the task, or it
      // was terminated for another task's time limit (which may have ended just before this one started)
      return { result: { ok: false, code: 'parallel/worker-failed', message: messageOf(error) }, blameless: !started || stopped.has(thread) };
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      starting.delete(id);
    }
  }

  async function runTask(input: T): Promise<Settled<R>> {
    await slots.take();
    try {
      for (let reruns = 0; ; reruns++) {
        const { result, blameless } = await runOnce(input);
        if (!blameless || reruns === RERUNS) return result;
      }
    } finally {
      slots.give();
    }
  }

  const iterator = Symbol.asyncIterator in inputs ? (inputs as AsyncIterable<T>)[Symbol.asyncIterator]() : (inputs as Iterable<T>)[Symbol.iterator]();
  const window: { input: T; result: Promise<Settled<R>> }[] = [];
  let pulling: Promise<IteratorResult<T>> | undefined;
  let exhausted = false;
  const admit = (next: IteratorResult<T>) => {
    pulling = undefined;
    if (next.done) {
      exhausted = true;
      return;
    }
    const early = settle?.(next.value);
    window.push({ input: next.value, result: early !== undefined ? Promise.resolve({ ok: true, value: early }) : runTask(next.value) });
  };
  try {
    for (;;) {
      if (!exhausted && !pulling && window.length < settings.window) pulling = Promise.resolve(iterator.next());
      const head = window[0];
      if (!head) {
        if (!pulling) break;
        admit(await pulling);
        continue;
      }
      if (pulling) {
        // read on while the oldest task runs, but hand its result over as soon as it is ready
        const pulled = pulling;
        const first = await Promise.race([pulled.then((next) => ({ next })), head.result.then(() => undefined)]);
        if (first) {
          admit(first.next);
          continue;
        }
      }
      const result = await head.result;
      window.shift();
      yield { input: head.input, result };
    }
  } finally {
    if (!exhausted) await iterator.return?.();
    await pool.destroy();
    await Promise.allSettled(window.map((w) => w.result));
  }
}
