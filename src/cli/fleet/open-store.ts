/** The store a worker writes to: the corpus's PostgreSQL store, at the same database as the queue. */
import type { ChunkStore } from '../../fleet/worker.js';
import { NotAvailableError } from '../errors.js';

export async function openFleetStore(_url: string): Promise<ChunkStore> {
  throw new NotAvailableError('the PostgreSQL corpus store');
}
