/**
 * A throwaway PostgreSQL cluster for tests and for a developer's machine: Debian's PostgreSQL 15
 * binaries (`apt-get install postgresql`; `.ci/run` installs them) run initdb in a fresh temp dir and
 * start a server that listens on 127.0.0.1 only, on a free port, with trust authentication on loopback
 * and its unix socket inside the temp dir. Run as root, every binary runs as the `postgres` user (the
 * server refuses root). Durability is traded for speed (`fsync = off`): a killed server loses nothing
 * committed, as the operating system still holds what it wrote; only a crash of the machine would.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's PostgreSQL 15 binaries live. */
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** A running throwaway cluster. */
export interface Cluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`. */
  url: string;
  port: number;
  /** The temp dir holding the data directory, the log and the socket. */
  dir: string;
  /** Stops the server (`fast`: clean shutdown; `immediate`: as if killed, recovery on start) and starts it again on the same port. */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  /** Stops the server and removes the dir. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** Leave the server running when this process exits (`npm run pg -- start`); by default it is stopped then. */
  keep?: boolean;
}

/** Whether the PostgreSQL binaries are installed. */
export function hasPostgres(): boolean {
  return existsSync(join(POSTGRES_BIN, 'initdb'));
}

const isRoot = () => process.getuid?.() === 0;

/** The command line of a PostgreSQL binary, as the `postgres` user when this process is root. */
function commandOf(binary: string, args: readonly string[]): [string, string[]] {
  const path = join(POSTGRES_BIN, binary);
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, [...args]];
}

async function runBinary(binary: string, args: readonly string[]): Promise<void> {
  const [command, argv] = commandOf(binary, args);
  try {
    await run(command, argv, { cwd: tmpdir() });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`${binary} failed: ${stderr?.trim() || (error as Error).message}`);
  }
}

/** A port free on 127.0.0.1 now (the server takes it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const dataDir = (dir: string) => join(dir, 'data');
const logFile = (dir: string) => join(dir, 'server.log');
const portFile = (dir: string) => join(dir, 'port');

/** The last lines of the server's log, for an error message. */
function logTail(dir: string): string {
  try {
    return readFileSync(logFile(dir), 'utf8').trim().split('\n').slice(-5).join('\n');
  } catch {
    return '';
  }
}

async function pgCtl(dir: string, args: readonly string[]): Promise<void> {
  try {
    await runBinary('pg_ctl', ['-D', dataDir(dir), '-l', logFile(dir), '-w', '-t', '60', ...args]);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${logTail(dir)}`);
  }
}

/** Stops the server in `dir` at once, synchronously (at process exit); ignores a server already gone. */
function stopNow(dir: string): void {
  const [command, argv] = commandOf('pg_ctl', ['-D', dataDir(dir), '-m', 'immediate', '-w', 'stop']);
  try {
    execFileSync(command, argv, { stdio: 'ignore', cwd: tmpdir() });
  } catch {
    // already stopped
  }
  rmSync(dir, { recursive: true, force: true });
}

/** The dirs of the clusters this process stops when it exits or is interrupted. */
const stopAtExit = new Set<string>();

function stopAllNow(): void {
  for (const dir of stopAtExit) stopNow(dir);
  stopAtExit.clear();
}

/** Stops the cluster in `dir` when this process exits, or when SIGINT, SIGTERM or SIGHUP ends it. */
let hooked = false;

function stopWithProcess(dir: string): void {
  if (!hooked) {
    hooked = true;
    process.on('exit', stopAllNow);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        stopAllNow();
        // then the signal's own effect: the default ends the process unless someone else handles it
        process.kill(process.pid, signal);
      });
    }
  }
  stopAtExit.add(dir);
}

/** The cluster whose temp dir is `dir` (started by startCluster, e.g. by `npm run pg -- start`). */
export function clusterAt(dir: string): Cluster {
  const port = Number(readFileSync(portFile(dir), 'utf8'));
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    restart: async (mode) => {
      await pgCtl(dir, ['-m', mode, 'restart']);
    },
    stop: async () => {
      // a server already gone leaves only its dir to remove
      await pgCtl(dir, ['-m', 'fast', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates and starts a throwaway cluster; it stops when this process exits unless `keep` is set. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  if (!hasPostgres()) throw new Error(`PostgreSQL 15 is not installed (no ${POSTGRES_BIN}/initdb); install it with apt-get install postgresql`);
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  if (!options.keep) stopWithProcess(dir);
  try {
    await runBinary('initdb', ['-D', dataDir(dir), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
    // a port can be taken between the check and the server's start: try a few
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      appendFileSync(
        join(dataDir(dir), 'postgresql.conf'),
        [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`, 'fsync = off', 'full_page_writes = off', ''].join('\n'),
      );
      writeFileSync(portFile(dir), String(port));
      try {
        await pgCtl(dir, ['start']);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    stopAtExit.delete(dir);
    stopNow(dir);
    throw error;
  }
  const cluster = clusterAt(dir);
  return {
    ...cluster,
    stop: async () => {
      stopAtExit.delete(dir);
      await cluster.stop();
    },
  };
}
