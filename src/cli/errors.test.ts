import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BundledModelError } from '../node/load-model.js';
import { batchExitCode, describeError, describeFsError, EXIT, InputNotFoundError, ReportedFailure, UsageError, type ExitCode } from './errors.js';

test('a batch exits with its failures\' code', () => {
  const cases: [ExitCode[], number, ExitCode][] = [
    [[], 3, EXIT.ok],
    [[EXIT.noInput], 1, EXIT.noInput],
    [[EXIT.noInput, EXIT.noInput], 2, EXIT.noInput],
    [[EXIT.noInput], 3, EXIT.failed],
    [[EXIT.noInput, EXIT.failed], 2, EXIT.failed],
    [[EXIT.failed, EXIT.internal], 5, EXIT.internal],
  ];
  for (const [failures, total, expected] of cases) assert.equal(batchExitCode(failures, total), expected, `${failures} of ${total}`);
});

test('errors become one line naming the input, and an exit code', () => {
  assert.deepEqual(describeError(new InputNotFoundError('notes.txt', 'no such file')), { exitCode: 66, line: 'whosaid: notes.txt: no such file' });
  assert.deepEqual(describeError(new UsageError('--format: expected table, json or jsonl, found "xml"')), { exitCode: 2, line: 'whosaid: --format: expected table, json or jsonl, found "xml"' });
  assert.deepEqual(describeError(new ReportedFailure(EXIT.failed)), { exitCode: 1, line: undefined });
  const internal = describeError(new TypeError('boom'));
  assert.equal(internal.exitCode, 70);
  assert.match(internal.line ?? '', /^whosaid: internal error: TypeError: boom/);
  const missing = 'the bundled model is missing: expected /opt/whosaid/models/attribution-model.json';
  assert.deepEqual(describeError(new BundledModelError(missing)), { exitCode: 70, line: `whosaid: ${missing}` }, 'an installation problem shows no stack');
});

test('file system errors say what is wrong with the file', () => {
  const cases: [string, string][] = [
    ['ENOENT', 'no such file'],
    ['EISDIR', 'is a directory, expected a file'],
    ['EACCES', 'permission denied'],
  ];
  for (const [code, message] of cases) {
    const error = describeFsError('in.txt', Object.assign(new Error(code), { code }));
    assert.equal(error.message, message);
    assert.equal(error.exitCode, 66);
    assert.equal(error.input, 'in.txt');
  }
});
