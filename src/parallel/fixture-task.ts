/**
 * A task for the pool's tests (map-in-order.test.ts): doubles `n`, after misbehaving as asked, the ways a
 * worker can go wrong.
 */
export interface FixtureInput {
  n: number;
  /** throw: the task throws; exit: the thread calls process.exit; uncaught: an exception escapes the
   * task; hang: the task never returns; slow: it takes `ms` first; clock: it takes `ms`, then returns
   * the time it finished (`Date.now()`) instead of the double. */
  act?: 'throw' | 'exit' | 'uncaught' | 'hang' | 'slow' | 'clock';
  ms?: number;
}

export default async function double(input: FixtureInput): Promise<number> {
  switch (input.act) {
    case 'throw':
      throw new Error(`no double for ${input.n}`);
    case 'exit':
      process.exit(3);
      break;
    case 'uncaught':
      setTimeout(() => {
        throw new Error('escaped');
      }, 0);
      return new Promise(() => {});
    case 'hang':
      for (;;);
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, input.ms ?? 50));
      break;
    case 'clock':
      await new Promise((resolve) => setTimeout(resolve, input.ms ?? 50));
      return Date.now();
  }
  return input.n * 2;
}
