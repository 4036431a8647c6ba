// Preloaded into the processes `npm run bench:cli` times (node --import): at exit, appends the process's
// peak resident set size in KiB, its CPU time (user + system) in microseconds, worker threads included,
// and the main thread's own CPU time in microseconds (from /proc, where there is one; else -1) to the file
// named by WHOSAID_BENCH_RSS.
import { appendFileSync, readFileSync } from 'node:fs';

/** The calling thread's CPU time (utime + stime of /proc/thread-self/stat, in ticks of 10 ms), or -1. */
function threadCpuMicros() {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return -1;
  }
}

process.on('exit', () => {
  if (process.env.WHOSAID_BENCH_RSS) appendFileSync(process.env.WHOSAID_BENCH_RSS, `${process.resourceUsage().maxRSS} ${process.cpuUsage().user + process.cpuUsage().system} ${threadCpuMicros()}\n`);
});
