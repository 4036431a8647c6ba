import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapInOrder, workerBeside, type Mapped, type Task } from './map-in-order.js';
import type { FixtureInput } from './fixture-task.js';

const task: Task<FixtureInput, number> = {
  worker: workerBeside('fixture-task', import.meta.url),
  inProcess: async () => (await import('./fixture-task.js')).default,
};

async function collect<T, R>(results: AsyncIterable<Mapped<T, R>>): Promise<Mapped<T, R>[]> {
  const out: Mapped<T, R>[] = [];
  for await (const r of results) out.push(r);
  return out;
}

const summary = (r: Mapped<FixtureInput, number>) => (r.result.ok ? r.result.value : r.result.code);

test('results come in input order though later inputs finish first', async () => {
  // the first inputs are the slowest, so on two threads the later ones finish before them
  const inputs: FixtureInput[] = Array.from({ length: 12 }, (_, k) => ({ n: k, act: 'slow', ms: (12 - k) * 15 }));
  const results = await collect(mapInOrder(inputs, task, { jobs: 2 }));
  assert.deepEqual(results.map(summary), inputs.map((i) => i.n * 2));
  assert.deepEqual(results.map((r) => r.input), inputs);
});

test('a throw, an exiting thread, an escaped exception and a hang each fail their own input only', async () => {
  const inputs: FixtureInput[] = [
    { n: 1 },
    { n: 2, act: 'throw' },
    { n: 3, act: 'exit' },
    { n: 4 },
    { n: 5, act: 'uncaught' },
    { n: 6, act: 'hang' },
    { n: 7 },
    { n: 8 },
  ];
  const results = await collect(mapInOrder(inputs, task, { jobs: 2, timeoutMs: 1500 }));
  assert.deepEqual(results.map(summary), [2, 'parallel/worker-failed', 'parallel/worker-failed', 8, 'parallel/worker-failed', 'parallel/timeout', 14, 16]);
  const messages = results.map((r) => (r.result.ok ? '' : r.result.message));
  assert.match(messages[1], /no double for 2/);
  assert.match(messages[2], /exited with code: 3/);
  assert.match(messages[4], /escaped/);
  assert.match(messages[5], /1500 ms/);
});

test('the source is read at most a window ahead of what the caller has taken', async () => {
  let pulled = 0;
  async function* source(): AsyncGenerator<FixtureInput> {
    for (let n = 0; n < 40; n++) {
      pulled++;
      yield { n };
    }
  }
  const window = 6;
  let taken = 0;
  let furthest = 0;
  for await (const r of mapInOrder(source(), task, { jobs: 2, window })) {
    taken++;
    furthest = Math.max(furthest, pulled - taken);
    assert.equal(summary(r), r.input.n * 2);
    // a slow consumer: the pool must wait for it, not read on
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.equal(taken, 40);
  assert.ok(furthest <= window, `read ${furthest} inputs ahead of the caller, window ${window}`);
  assert.ok(furthest >= 2, `read only ${furthest} ahead: the threads were not kept busy`);
});

test('breaking out stops reading the source', async () => {
  let pulled = 0;
  function* endless(): Generator<FixtureInput> {
    for (let n = 0; ; n++) {
      pulled++;
      yield { n };
    }
  }
  let taken = 0;
  for await (const r of mapInOrder(endless(), task, { jobs: 2, window: 4 })) {
    assert.equal(summary(r), r.input.n * 2);
    if (++taken === 5) break;
  }
  assert.ok(pulled <= 5 + 4, `pulled ${pulled}`);
});

test('one job without a time limit runs in the calling thread, and a throw there fails its input only', async () => {
  const results = await collect(mapInOrder([{ n: 1 }, { n: 2, act: 'throw' }, { n: 3 }], task, { jobs: 1 }));
  assert.deepEqual(results.map(summary), [2, 'parallel/worker-failed', 6]);
});

test('settled inputs keep their place and run no task', async () => {
  const settle = (i: FixtureInput) => (i.act === 'throw' ? -1 : undefined);
  for (const jobs of [1, 2]) {
    const results = await collect(mapInOrder([{ n: 1 }, { n: 2, act: 'throw' }, { n: 3 }], task, { jobs, settle }));
    assert.deepEqual(results.map(summary), [2, -1, 6], `jobs ${jobs}`);
  }
});

test('threads: one job runs on a worker thread, so a thread that exits fails its input only', async () => {
  const results = await collect(mapInOrder([{ n: 1 }, { n: 3, act: 'exit' }, { n: 2 }], task, { jobs: 1, threads: true }));
  assert.deepEqual(results.map(summary), [2, 'parallel/worker-failed', 4]);
});

test('a task waiting on a thread that dies under the task before it is run again, and succeeds', async () => {
  // one thread holding two tasks: the first exits the thread, or hangs past the time limit and is stopped
  for (const [first, code] of [
    ['exit', 'parallel/worker-failed'],
    ['hang', 'parallel/timeout'],
  ] as const) {
    const results = await collect(mapInOrder([{ n: 1, act: first }, { n: 2 }, { n: 3 }], task, { jobs: 1, threads: true, perWorker: 2, timeoutMs: 1000 }));
    assert.deepEqual(results.map(summary), [code, 4, 6], first);
  }
});

test('a time limit counts a task from its start, not its wait behind another task on its thread', async () => {
  // the second task waits ~400 ms on the thread, then runs ~400 ms: over the limit in all, not by itself
  const inputs: FixtureInput[] = [
    { n: 1, act: 'slow', ms: 400 },
    { n: 2, act: 'slow', ms: 400 },
  ];
  const results = await collect(mapInOrder(inputs, task, { jobs: 1, threads: true, perWorker: 2, timeoutMs: 700 }));
  assert.deepEqual(results.map(summary), [2, 4]);
});

test('the threads go on with the tasks they hold while the caller is busy', async () => {
  const jobs = 2;
  const perWorker = 3;
  // tasks long enough that each thread still holds its next ones when the caller stops
  const inputs: FixtureInput[] = Array.from({ length: 16 }, (_, n) => ({ n, act: 'clock', ms: 100 }));
  let busy: [number, number] | undefined;
  const finished: number[] = [];
  let taken = 0;
  for await (const { result } of mapInOrder(inputs, task, { jobs, perWorker })) {
    assert.ok(result.ok);
    finished.push(result.value);
    if (++taken === 4) {
      // the caller blocks its thread (as a synchronous database write does): no task can be handed over
      const start = Date.now();
      while (Date.now() - start < 1000);
      busy = [start, Date.now()];
    }
  }
  const during = finished.filter((t) => t > busy![0] && t < busy![1]).length;
  // with one task per thread, at most `jobs` could finish meanwhile; each thread holds `perWorker`
  assert.ok(during > jobs, `${during} tasks finished while the caller was busy; the threads held ${jobs * perWorker}`);
  assert.ok(during <= jobs * perWorker, `${during} tasks finished while the caller was busy: more than the threads held`);
});
