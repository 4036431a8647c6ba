/**
 * One throwaway PostgreSQL cluster per test file. Tests are skipped, with the reason, only where the
 * binaries are missing on a developer's machine; in CI (`CI` set) a missing PostgreSQL is a failure, as
 * `.ci/run` installs it.
 */
import { after, before } from 'node:test';
import { hasPostgres, POSTGRES_BIN, startCluster, type Cluster } from './cluster.js';

/** The `skip` option of a test that needs PostgreSQL: the reason, or false to run it. */
export const skipWithoutPostgres: string | false =
  !hasPostgres() && !process.env.CI ? `PostgreSQL 15 is not installed (${POSTGRES_BIN}); apt-get install postgresql` : false;

/**
 * Starts a cluster before the file's tests and stops it after them; returns the running cluster's getter.
 * Call it at the top of the file, before any test is defined.
 */
export function useTestCluster(): () => Cluster {
  let cluster: Cluster | undefined;
  before(async () => {
    if (skipWithoutPostgres === false) cluster = await startCluster();
  });
  after(async () => {
    await cluster?.stop();
  });
  return () => {
    if (!cluster) throw new Error('the test cluster is not running (a test needing it ran without skipWithoutPostgres)');
    return cluster;
  };
}
