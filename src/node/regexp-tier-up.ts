/**
 * When V8 compiles a regular expression to machine code. By default (Node 20) it runs a new expression
 * once in its bytecode interpreter and compiles it to machine code on the second run. chrono-node builds
 * a few dozen large case-insensitive patterns on its first parse, so an article's second date window cost
 * 180–210 ms of CPU compiling all of them (`casual.parse` twice on short texts: 37 ms, then 200 ms; the
 * third run 0.3 ms), more than the rest of a one-paragraph analysis; over one PolNeAR article the
 * process ran 9% fewer instructions with the compilation put off to the 30th run
 * (`valgrind --tool=callgrind`, 2,265 → 2,052 million). An expression that runs thousands of times is
 * compiled as before, after its 30th run.
 *
 * `delayRegExpTierUp` sets V8's `--regexp-tier-up-ticks` for the process (its worker threads too), unless
 * node was given its own. Expressions built after the call follow it, so it is called before any article
 * is analysed (src/node/load-models.ts, in each thread that analyses).
 */
import { createRequire } from 'node:module';

/** Runs in V8's regexp interpreter before an expression is compiled to machine code. */
export const REGEXP_TIER_UP_TICKS = 30;

const require = createRequire(import.meta.url);
let done = false;

/** Sets V8's regexp tier-up for this process, once, unless node's own arguments or NODE_OPTIONS set it. */
export function delayRegExpTierUp(): void {
  if (done) return;
  done = true;
  if (regExpTierUpGiven(process.execArgv, process.env.NODE_OPTIONS ?? '')) return;
  // node:v8 loads a dozen internal modules: required here, when a thread first analyses, not at start-up
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(`--regexp-tier-up-ticks=${REGEXP_TIER_UP_TICKS}`);
}

/** Whether node's own arguments or NODE_OPTIONS set when regular expressions are compiled. */
export function regExpTierUpGiven(execArgv: readonly string[], nodeOptions: string): boolean {
  return [...execArgv, nodeOptions].some((arg) => /--(no-)?regexp[-_](tier[-_]up|interpret[-_]all)/.test(arg));
}
