/**
 * The server's one error class. Every failure a route or middleware meets becomes an ApiError (or is
 * turned into one by `toApiError`) and leaves the server through one `onError` as
 * `{"error": {"code", "message"}}` with its status — never a stack trace.
 */

/** Each stable code with its HTTP status. */
export const ERROR_STATUS = {
  'request/bad-json': 400,
  'request/bad-query': 400,
  'request/not-found': 404,
  'request/too-large': 413,
  'request/unsupported-type': 415,
  'request/invalid': 422,
  'input/failed': 422,
  'input/blocked-address': 422,
  'server/busy': 429,
  'server/shutting-down': 503,
  'server/no-corpus': 503,
  'analysis/timeout': 504,
  'internal/error': 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS | `input/${string}`;
export type ErrorStatus = 400 | 404 | 413 | 415 | 422 | 429 | 500 | 503 | 504;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: ErrorStatus;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.status = (ERROR_STATUS as Record<string, ErrorStatus>)[code] ?? 422;
  }
}

/** The JSON body of an error response. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** Any thrown value as an ApiError; what is not one becomes a 500 whose message names no internals. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal/error', 'the server failed on this request; see its log');
}
