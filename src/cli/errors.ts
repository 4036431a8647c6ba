/**
 * The CLI's one error family. Commands throw these; `main` catches them in one place and maps them to
 * exit codes (the sysexits numbers where one fits). A message names the input and the problem.
 */
import { BundledModelError } from '../node/model-error.js';

export const EXIT = {
  ok: 0,
  /** Some inputs failed but others succeeded, or eval/bench targets were not met. */
  failed: 1,
  usage: 2,
  /** An input could not be found or opened (sysexits EX_NOINPUT). */
  noInput: 66,
  /** A bug in whosaid, or an installation without its model (sysexits EX_SOFTWARE). */
  internal: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The base of every error the CLI reports; `input` is the file, URL or `-` the error is about. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly input?: string;
  /** A stable code from the module that failed (e.g. `input/http-status`), for error records. */
  readonly code?: string;
  constructor(message: string, exitCode: ExitCode, input?: string, code?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    if (input !== undefined) this.input = input;
    if (code !== undefined) this.code = code;
  }
}

/** A wrong flag, a missing argument, a malformed option value. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** An input that cannot be read: missing, a directory, not permitted, unreachable. */
export class InputNotFoundError extends CliError {
  constructor(input: string, message: string, code?: string) {
    super(message, EXIT.noInput, input, code);
  }
}

/** An input that was read but could not be analysed (bad HTML, a broken record, a bad line). */
export class InputFailedError extends CliError {
  constructor(input: string, message: string, code?: string) {
    super(message, EXIT.failed, input, code);
  }
}

/** A failure already told to the user: a batch some of whose items failed, eval targets not met. */
export class ReportedFailure extends CliError {
  constructor(exitCode: ExitCode) {
    super('failed, as reported', exitCode);
  }
}

/** A feature whose module is not in this build yet (a subcommand wired ahead of its code). */
export class NotAvailableError extends CliError {
  constructor(what: string) {
    super(`${what} is not available yet in this build`, EXIT.internal);
  }
}

/** The one place an exception becomes an exit code and a line of text. */
export function describeError(error: unknown): { exitCode: ExitCode; line: string | undefined } {
  if (error instanceof ReportedFailure) return { exitCode: error.exitCode, line: undefined };
  if (error instanceof CliError) {
    const where = error.input !== undefined ? `${error.input}: ` : '';
    return { exitCode: error.exitCode, line: `whosaid: ${where}${error.message}` };
  }
  if (error instanceof BundledModelError) return { exitCode: EXIT.internal, line: `whosaid: ${error.message}` };
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { exitCode: EXIT.internal, line: `whosaid: internal error: ${message}` };
}

/** The exit code of a batch, from the exit codes of the items that failed and how many items ran. */
export function batchExitCode(failures: readonly ExitCode[], total: number): ExitCode {
  if (failures.length === 0) return EXIT.ok;
  if (failures.includes(EXIT.internal)) return EXIT.internal;
  const first = failures[0];
  if (failures.length === total && failures.every((c) => c === first)) return first;
  return EXIT.failed;
}

/** Turns a file system error into the CLI's message for it. */
export function describeFsError(input: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new InputNotFoundError(input, 'no such file');
  if (code === 'EISDIR') return new InputNotFoundError(input, 'is a directory, expected a file');
  if (code === 'EACCES' || code === 'EPERM') return new InputNotFoundError(input, 'permission denied');
  const message = error instanceof Error ? error.message : String(error);
  return new InputNotFoundError(input, `cannot read: ${message}`);
}
