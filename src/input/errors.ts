/**
 * The one error class of the input readers: a failure to read an input (a URL, a file, an archive),
 * with a stable code. Problems inside a page that was read are diagnostics, not errors. Messages are
 * built here, from the code and its detail, so that each says what failed, what was expected and what
 * was found.
 */

/** The stable code of an input failure. */
export type InputErrorCode =
  | 'input/bad-url'
  | 'input/network'
  | 'input/fetch-timeout'
  | 'input/too-many-redirects'
  | 'input/http-status'
  | 'input/not-html'
  | 'input/too-large'
  | 'input/bad-encoding'
  | 'input/binary'
  | 'input/truncated'
  | 'input/damaged';

/** What an input failure found and expected. */
export interface InputErrorDetail {
  /** What was found: a status, a content type, a byte count, an encoding label, a cause's message. */
  readonly actual?: string;
  /** What was expected. */
  readonly expected?: string;
}

const DESCRIBE: Record<InputErrorCode, (input: string, d: InputErrorDetail) => string> = {
  'input/bad-url': (input, d) => `Cannot fetch "${input}": expected an http or https URL, found ${d.actual ?? 'something else'}.`,
  'input/network': (input, d) => `Fetching ${input} failed before a response arrived: ${d.actual ?? 'network error'}.`,
  'input/fetch-timeout': (input, d) => `Fetching ${input} took longer than ${d.expected ?? 'the timeout'}; the request was stopped.`,
  'input/too-many-redirects': (input, d) => `Fetching ${input} was redirected more than ${d.expected ?? 'the allowed number of'} times; last redirect to ${d.actual ?? 'an unknown place'}.`,
  'input/http-status': (input, d) => `Fetching ${input} returned HTTP ${d.actual ?? 'an error'}; expected ${d.expected ?? 'a 2xx status'}.`,
  'input/not-html': (input, d) => `${input} is not an HTML page: its content type is ${d.actual ?? 'unknown'}, expected ${d.expected ?? 'text/html or application/xhtml+xml'}.`,
  'input/too-large': (input, d) => `${input} is larger than the size cap: expected at most ${d.expected ?? 'the cap'}, found ${d.actual ?? 'more'}.`,
  'input/bad-encoding': (input, d) => `${input} cannot be decoded: ${d.actual ?? 'unknown encoding'}; expected ${d.expected ?? 'an encoding TextDecoder supports'}.`,
  'input/binary': (input, d) => `${input} is binary, not text: ${d.actual ?? 'it has NUL bytes'}; expected an HTML page.`,
  'input/truncated': (input, d) => `${input} ends early: ${d.actual ?? 'the last record is cut off'}; expected ${d.expected ?? 'a complete record'}.`,
  'input/damaged': (input, d) => `${input} is damaged: ${d.actual ?? 'bytes that cannot be read'}; expected ${d.expected ?? 'a WARC record'}.`,
};

/** A failure to read an input (a URL, a file, an archive record), with a stable code and a message naming the input. */
export class InputError extends Error {
  readonly code: InputErrorCode;
  /** The input that failed: a URL, a file name, a record id. */
  readonly input: string;
  readonly detail?: InputErrorDetail;

  constructor(code: InputErrorCode, input: string, detail?: InputErrorDetail, options?: { cause?: unknown }) {
    super(DESCRIBE[code](input, detail ?? {}), options);
    this.name = 'InputError';
    this.code = code;
    this.input = input;
    if (detail) this.detail = detail;
  }
}

/** "10485760 bytes" → "10 MB"; a byte count as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
