/**
 * The command's one memory setting. V8 lets the heap grow to as much as four times what its last full
 * collection kept before it collects again; analysing one 4 MB article allocates far more than it keeps,
 * so the process peaked at 650–870 MB, mostly garbage. With the heap grown by at most 30% between full
 * collections, the same articles peak at 290–560 MB (`npm run bench:adversarial`); on ordinary news the
 * CPU time measured the same within noise. A `--heap-growing-percent` the user gives node is kept.
 */
import { createRequire } from 'node:module';

// node:v8 loads a dozen internal modules: required when the limit is set, not when the command starts
const require = createRequire(import.meta.url);

export const HEAP_GROWING_PERCENT = 30;

/** Sets V8's heap growth for this process and its worker threads, unless node was given its own. */
export function limitHeapGrowth(): void {
  if (!heapGrowthGiven(process.execArgv, process.env.NODE_OPTIONS ?? '')) (require('node:v8') as typeof import('node:v8')).setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Whether node's own arguments or NODE_OPTIONS set the heap growth. */
export function heapGrowthGiven(execArgv: readonly string[], nodeOptions: string): boolean {
  return [...execArgv, nodeOptions].some((arg) => /--heap[-_]growing[-_]percent/.test(arg));
}
