import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isConnectionError, retrying } from './retry.js';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

test('connection errors are told from the statement\'s own errors', () => {
  const cases: [unknown, boolean][] = [
    [pgError('57P01', 'terminating connection due to administrator command'), true],
    [pgError('57P03', 'the database system is starting up'), true],
    [pgError('08006', 'connection failure'), true],
    [pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), true],
    [new Error('Connection terminated unexpectedly'), true],
    [pgError('23505', 'duplicate key value violates unique constraint "chunks_pkey"'), false],
    [pgError('42P01', 'relation "fleet.chunks" does not exist'), false],
    [new Error('chunk k is done already'), false],
    [undefined, false],
  ];
  for (const [error, expected] of cases) assert.equal(isConnectionError(error), expected, String((error as Error | undefined)?.message));
});

test('retrying tries again after a connection error, and throws any other error at once', async () => {
  let calls = 0;
  const value = await retrying(async () => {
    if (++calls < 3) throw new Error('Connection terminated unexpectedly');
    return 'stored';
  });
  assert.deepEqual([value, calls], ['stored', 3]);
  calls = 0;
  await assert.rejects(retrying(async () => {
    calls++;
    throw pgError('23505', 'duplicate key');
  }), /duplicate key/);
  assert.equal(calls, 1);
  await assert.rejects(retrying(async () => {
    throw new Error('Connection terminated unexpectedly');
  }, { forMs: 0 }), /Connection terminated/);
});
