/**
 * An item's failure as plain data (code, message, exit code), so that it can be written as an error
 * record and cross from a worker thread, where an error object would lose its class.
 */
import { CliError, EXIT, type ExitCode } from './errors.js';

export interface ItemFailure {
  /** A stable code: the failing module's (`input/http-status`), else one by exit code. */
  code: string;
  message: string;
  /** The exit code the error maps to on its own (66 for an input not found, 70 for a bug). */
  exitCode: ExitCode;
}

export function failureOf(error: unknown): ItemFailure {
  if (error instanceof CliError) {
    const code = error.code ?? (error.exitCode === EXIT.noInput ? 'input/unreadable' : error.exitCode === EXIT.internal ? 'internal/error' : 'input/failed');
    return { code, message: error.message, exitCode: error.exitCode };
  }
  return { code: 'internal/error', message: error instanceof Error ? error.message : String(error), exitCode: EXIT.internal };
}
