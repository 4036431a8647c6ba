import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { parseQuery, QueryError, toMatchExpression } from './query.js';

const expressions: [string, string][] = [
  ['denuclearization', '"denuclearization"'],
  ['North Korea', '("north" AND "korea")'],
  ['"North Korea" talks', '("north" + "korea" AND "talks")'],
  ['talks -Trump', '"talks" NOT "trump"'],
  ['talks -"White House" -Trump', '"talks" NOT "white" + "house" NOT "trump"'],
  ['"unclosed phrase', '"unclosed" + "phrase"'],
  ['NEAR(a b)', '("near" + "a" AND "b")'],
  ['a AND b OR c NOT d', '("a" AND "and" AND "b" AND "or" AND "c" AND "not" AND "d")'],
  ['col:word', '"col" + "word"'],
  ['pre* ^start', '("pre" AND "start")'],
  ['7-2 vote', '("7" + "2" AND "vote")'],
  ['Zürich', '"zürich"'],
  ['北京 talks', '("北京" AND "talks")'],
  ['a\0b', '("a" AND "b")'],
  ['ﬁnance', '"finance"'],
];

test('toMatchExpression builds the expression from quoted words only', () => {
  for (const [query, expected] of expressions) assert.equal(toMatchExpression(query), expected, query);
});

test('parseQuery: words, phrases and exclusions', () => {
  assert.deepEqual(parseQuery('a "b c" -d -"e f"'), { include: [['a'], ['b', 'c']], exclude: [['d'], ['e', 'f']] });
  assert.deepEqual(parseQuery('--- "" * ^'), { include: [], exclude: [] });
});

const errors: [string, QueryError['code']][] = [
  ['', 'query/empty'],
  ['   \t\n', 'query/empty'],
  ['""', 'query/empty'],
  ['* ^ : ( ) " -', 'query/empty'],
  ['\0\0', 'query/empty'],
  ['-trump', 'query/only-exclusions'],
  ['-"white house" -trump', 'query/only-exclusions'],
  ['x'.repeat(1001), 'query/too-long'],
  [Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '), 'query/too-long'],
];

test('a query with nothing to search for is a QueryError with a stable code', () => {
  for (const [query, code] of errors) {
    assert.throws(() => toMatchExpression(query), (e: unknown) => e instanceof QueryError && e.code === code, JSON.stringify(query).slice(0, 40));
  }
});

test('no string breaks FTS5: every query is a valid expression or a QueryError', () => {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'unicode61 remove_diacritics 2'); INSERT INTO t (text) VALUES ('the quick brown fox'), ('NEAR and OR are words here');");
  const search = db.prepare('SELECT rowid FROM t WHERE t MATCH ?');
  const alphabet = fc.constantFrom('"', '-', '*', '^', ':', '(', ')', '+', ' ', 'NEAR', 'AND', 'OR', 'NOT', 'fox', 'the', '\0', 'é', '\u0301', '北', '😀', "'", '{', '}', ',', 'near/2');
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(alphabet, { maxLength: 20 }).map((parts) => parts.join(''))), (query) => {
      let expression: string;
      try {
        expression = toMatchExpression(query);
      } catch (error) {
        return error instanceof QueryError;
      }
      search.all(expression);
      return true;
    }),
    { numRuns: 3000 },
  );
  assert.deepEqual(search.all(toMatchExpression('NEAR OR')), [{ rowid: 2 }]);
  db.close();
});
