/**
 * Riding out a database that goes away for a moment (a restart, a failover): an operation that fails
 * because the connection failed is tried again, with growing pauses, for a while; any other error is
 * the operation's own and is thrown at once.
 */

/** PostgreSQL's SQLSTATE classes and codes that mean the server or the connection went away, not the statement. */
const SERVER_GONE = /^(08|57P0[1-3]|53300)/;
/** Node's socket errors, and pg's words for a connection that ended. */
const SOCKET_GONE = /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|connection error|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery mode)/i;

/** Whether `error` says the database could not be reached or dropped the connection. */
export function isConnectionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (typeof code === 'string' && (SERVER_GONE.test(code) || SOCKET_GONE.test(code))) || (typeof message === 'string' && SOCKET_GONE.test(message));
}

/** How `retrying` retries. */
export interface RetryOptions {
  /** How long to keep trying, in milliseconds (default 120 s). */
  forMs?: number;
  /** Told of each failed try. */
  onRetry?: (error: unknown, attempt: number) => void;
}

/** Runs `operation`, again after a connection error until `forMs` have passed; rethrows any other error, and the last. */
export async function retrying<T>(operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.forMs ?? 120_000);
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isConnectionError(error) || Date.now() >= deadline) throw error;
      options.onRetry?.(error, attempt);
      await pause(Math.min(5000, 200 * 2 ** Math.min(attempt, 5)));
    }
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
