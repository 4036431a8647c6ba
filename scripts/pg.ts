/**
 * A throwaway PostgreSQL cluster for a developer (Debian's postgresql package, PostgreSQL 15):
 *
 *   npm run pg -- start          starts one, prints its URL and dir, and leaves it running
 *   npm run pg -- stop DIR       stops the one in DIR and removes DIR
 *   npm run pg -- run CMD…       starts one, runs CMD with WHOSAID_DB and DATABASE_URL set to its URL,
 *                                stops it, and exits with CMD's status
 *
 *   npm run pg -- run npm run whosaid -- ingest articles.jsonl
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { clusterAt, startCluster } from '../src/store/postgres/cluster.js';

const USAGE = 'usage: npm run pg -- start | stop DIR | run CMD [ARG…]';

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'start' && rest.length === 0) {
    const cluster = await startCluster({ keep: true });
    process.stdout.write(`WHOSAID_DB=${cluster.url}\n# stop it with: npm run pg -- stop ${cluster.dir}\n`);
    return 0;
  }
  if (command === 'stop' && rest.length === 1) {
    await clusterAt(rest[0]).stop();
    return 0;
  }
  if (command === 'run' && rest.length > 0) {
    const cluster = await startCluster();
    try {
      const child = spawn(rest[0], rest.slice(1), { stdio: 'inherit', env: { ...process.env, WHOSAID_DB: cluster.url, DATABASE_URL: cluster.url } });
      // Ctrl-C reaches the command from the terminal; this process waits for it, then stops the cluster
      const forward = (signal: NodeJS.Signals) => child.kill(signal);
      process.on('SIGINT', forward).on('SIGTERM', forward);
      return await new Promise<number>((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
      });
    } finally {
      await cluster.stop();
    }
  }
  process.stderr.write(`${USAGE}\n`);
  return 64;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`pg: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
