/**
 * The bytes of a local input (a file, stdin) to text: binary files refused (`input/binary`), HTML
 * decoded in the charset the page declares (as for URLs, see charset.ts), plain text read as UTF-8
 * (or UTF-16 where a byte order mark says so) without its byte order mark, and bytes that are not
 * valid UTF-8 reported as an `input/invalid-utf8` warning instead of passing silently as U+FFFD.
 * Pure: the caller reads the bytes (see read-capped.ts).
 */
import { decodePage } from './charset.js';
import { InputError } from './errors.js';
import type { ExtractedArticle } from './types.js';

export type InputDiagnostic = ExtractedArticle['diagnostics'][number];

export interface DecodedInput {
  readonly kind: 'text' | 'html';
  /** The text, or the page's HTML. */
  readonly value: string;
  readonly diagnostics: InputDiagnostic[];
}

/** How much of the start of an input the binary check reads. */
const SNIFF_BYTES = 64 * 1024;
/** A text with more than this share of control characters (other than tab, line breaks, form feed, escape) is binary. */
const MAX_CONTROL_SHARE = 0.01;
const MIN_CONTROLS = 8;
/** A text with more than this share of bytes that are not valid UTF-8 was not UTF-8. */
const MAX_INVALID_SHARE = 0.01;
const MIN_INVALID = 16;

/** "<!doctype html", "<html" at the start (after a byte order mark and white space). */
const HTML_START = /^\uFEFF?\s*<(!doctype\s+html|html[\s>])/i;

/**
 * Decodes an input. `name` names it in errors; `html`: the caller knows it is HTML (a .html file),
 * else HTML is told by its first bytes.
 */
export function decodeInput(bytes: Uint8Array, name: string, options: { html?: boolean } = {}): DecodedInput {
  const utf16 = (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe);
  if (!utf16) checkNotBinary(bytes, name);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^\xEF\xBB\xBF/, '');
  const html = options.html === true || (!utf16 && HTML_START.test(head)) || (utf16 && HTML_START.test(new TextDecoder(bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le').decode(bytes.subarray(0, 1024))));
  if (html) {
    const page = decodePage(bytes, undefined, name);
    const diagnostics = page.encoding === 'utf-8' ? invalidUtf8(bytes, page.html, name) : [];
    return { kind: 'html', value: page.html, diagnostics };
  }
  if (utf16) {
    const text = new TextDecoder(bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le').decode(bytes);
    return { kind: 'text', value: text, diagnostics: [] };
  }
  // TextDecoder drops a UTF-8 byte order mark
  const text = new TextDecoder('utf-8').decode(bytes);
  return { kind: 'text', value: text, diagnostics: invalidUtf8(bytes, text, name) };
}

/** Throws `input/binary` for bytes that are not text: a NUL byte, or many control characters. */
export function checkNotBinary(bytes: Uint8Array, name: string): void {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const nul = head.indexOf(0);
  if (nul !== -1) throw new InputError('input/binary', name, { actual: `a NUL byte at offset ${nul}`, expected: 'text or an HTML page' });
  let controls = 0;
  let first = -1;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    // tab, line feed, vertical tab, form feed, carriage return, escape are found in text files
    if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) || b === 0x7f) {
      controls++;
      if (first === -1) first = i;
    }
  }
  if (controls >= MIN_CONTROLS && controls > head.length * MAX_CONTROL_SHARE) {
    throw new InputError('input/binary', name, { actual: `${controls} control bytes in its first ${head.length} bytes, the first at offset ${first}`, expected: 'text or an HTML page' });
  }
}

/**
 * A warning for bytes that are not valid UTF-8 (read as U+FFFD), or an `input/bad-encoding` error
 * where so many are invalid that the text was in another encoding.
 */
function invalidUtf8(bytes: Uint8Array, decoded: string, name: string): InputDiagnostic[] {
  const first = firstInvalidUtf8(bytes);
  if (first === -1) return [];
  let replacements = 0;
  for (let i = decoded.indexOf('\uFFFD'); i !== -1; i = decoded.indexOf('\uFFFD', i + 1)) replacements++;
  let literal = 0; // U+FFFD written in the file itself (EF BF BD)
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) literal++;
  }
  const invalid = Math.max(replacements - literal, 1);
  if (invalid >= MIN_INVALID && invalid > decoded.length * MAX_INVALID_SHARE) {
    throw new InputError('input/bad-encoding', name, { actual: `${invalid} byte sequences are not valid UTF-8, the first at byte ${first}`, expected: 'UTF-8 text (or an HTML page that declares its charset)' });
  }
  return [{
    code: 'input/invalid-utf8', severity: 'warning',
    message: `${name}: ${invalid} byte sequence${invalid === 1 ? ' is' : 's are'} not valid UTF-8, the first at byte ${first}; ${invalid === 1 ? 'it was' : 'they were'} read as U+FFFD.`,
    actual: `${invalid} invalid sequence${invalid === 1 ? '' : 's'}, the first at byte ${first}`,
    expected: 'UTF-8',
  }];
}

/** The offset of the first byte that starts an invalid UTF-8 sequence (RFC 3629's table), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) { n = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { n = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return i;
    if (i + n >= bytes.length) return i;
    if (bytes[i + 1] < lo || bytes[i + 1] > hi) return i;
    for (let k = 2; k <= n; k++) if (bytes[i + k] === undefined || bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += n + 1;
  }
  return -1;
}
