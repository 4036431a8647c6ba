// Preloaded into the processes `npm run bench:cli` times (node --import): at exit, appends the process's
// peak resident set size in KiB and its CPU time (user + system) in microseconds, worker threads included,
// to the file named by WHOSAID_BENCH_RSS.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.WHOSAID_BENCH_RSS) appendFileSync(process.env.WHOSAID_BENCH_RSS, `${process.resourceUsage().maxRSS} ${process.cpuUsage().user + process.cpuUsage().system}\n`);
});
