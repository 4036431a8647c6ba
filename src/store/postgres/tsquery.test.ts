import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import pg from 'pg';
import { QueryError } from '../query.js';
import { Params } from './params.js';
import { skipWithoutPostgres, useTestCluster } from './test-cluster.js';
import { toTsQuery } from './tsquery.js';

const cluster = useTestCluster();

const expressions: [string, string, string[]][] = [
  ['denuclearization', "phraseto_tsquery('simple', $1)", ['denuclearization']],
  ['"North Korea" talks -Trump', "phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2) && (!!phraseto_tsquery('simple', $3))", ['north korea', 'talks', 'trump']],
  ["closer'; DROP TABLE articles; --", "phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2) && phraseto_tsquery('simple', $3) && phraseto_tsquery('simple', $4)", ['closer', 'drop', 'table', 'articles']],
  ['Zürich', "phraseto_tsquery('simple', $1)", ['zurich']],
  ['a:* | b', "phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2)", ['a', 'b']],
];

test('toTsQuery: fixed SQL around bound words, folded as the index folds them', () => {
  for (const [query, sql, values] of expressions) {
    const params = new Params();
    assert.equal(toTsQuery(query, params), sql, query);
    assert.deepEqual(params.values, values, query);
  }
  assert.throws(() => toTsQuery('-only', new Params()), QueryError);
});

test('no string breaks the query on the server: every query runs or is a QueryError', { skip: skipWithoutPostgres }, async () => {
  const alphabet = fc.constantFrom('"', '-', '*', '!', '&', '|', '<->', ':', '(', ')', "'", '\\', ' ', '$1', 'fox', 'the', '\0', 'é', '\u0301', '北', '😀', ';', 'AND');
  const queries = fc.sample(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(alphabet, { maxLength: 20 }).map((parts) => parts.join(''))), 1000);
  const client = new pg.Client(cluster().url);
  await client.connect();
  const search = async (query: string) => {
    const params = new Params();
    const match = toTsQuery(query, params);
    return (await client.query(`SELECT to_tsvector('simple', 'the quick brown fox') @@ (${match}) AS hit`, params.values)).rows[0].hit as boolean;
  };
  for (const query of queries) {
    try {
      await search(query);
    } catch (error) {
      assert.ok(error instanceof QueryError, `${JSON.stringify(query)}: ${String(error)}`);
    }
  }
  assert.equal(await search('"brown fox" -cat'), true);
  assert.equal(await search('"fox brown"'), false);
  await client.end();
});
