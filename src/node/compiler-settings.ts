/**
 * How V8 compiles the engine's code, set once for the process (its worker threads too) before any
 * article is analysed (src/node/load-models.ts, in each thread that analyses). A setting the user gives
 * node on its command line or in NODE_OPTIONS is kept.
 *
 * - Regular expressions: by default (Node 20) V8 runs a new expression once in its bytecode interpreter
 *   and compiles it to machine code on the second run. chrono-node builds a few dozen large
 *   case-insensitive patterns on its first parse, so an article's second date window cost 180–210 ms of
 *   CPU compiling all of them (`casual.parse` twice on short texts: 37 ms, then 200 ms; the third run
 *   0.3 ms), more than the rest of a one-paragraph analysis; over one PolNeAR article the process ran 9%
 *   fewer instructions with the compilation put off to the 30th run (`valgrind --tool=callgrind`, 2,265
 *   → 2,052 million). An expression that runs thousands of times is compiled as before, after its 30th run.
 * - Inlining in TurboFan: INLINING below.
 */
import { createRequire } from 'node:module';

/** Runs in V8's regexp interpreter before an expression is compiled to machine code. */
export const REGEXP_TIER_UP_TICKS = 30;

/** Each setting, and how to tell that the user gave node one of their own for the same thing. */
const SETTINGS: readonly { flag: string; given: RegExp }[] = [
  { flag: `--regexp-tier-up-ticks=${REGEXP_TIER_UP_TICKS}`, given: /--(no-)?regexp[-_](tier[-_]up|interpret[-_]all)/ },
];

const require = createRequire(import.meta.url);
let done = false;

/** Sets the compiler settings for this process, once. */
export function setCompilerSettings(): void {
  if (done) return;
  done = true;
  const flags = settingsToSet(process.execArgv, process.env.NODE_OPTIONS ?? '');
  if (flags.length === 0) return;
  // node:v8 loads a dozen internal modules: required here, when a thread first analyses, not at start-up
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(flags.join(' '));
}

/** The settings to set: those node's own arguments and NODE_OPTIONS do not set already. */
export function settingsToSet(execArgv: readonly string[], nodeOptions: string): string[] {
  const given = [...execArgv, nodeOptions];
  return SETTINGS.filter((setting) => !given.some((arg) => setting.given.test(arg))).map((setting) => setting.flag);
}
