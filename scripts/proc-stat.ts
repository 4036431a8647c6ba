/**
 * A process's figures from Linux's /proc/PID/stat, for the benchmarks that time processes they did not
 * start in-process (the server, the database cluster).
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ on Linux). */
export const TICKS_PER_SECOND = 100;

/**
 * The numeric fields of /proc/`pid`/stat after the command's name, from `state` on (the command may hold
 * spaces and parentheses, so it is cut at its last ")"): [1] is ppid, [11] utime, [12] stime, [13]
 * cutime, [14] cstime, in clock ticks. Undefined when the process has ended.
 */
export function statFields(pid: number | string): number[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
}
