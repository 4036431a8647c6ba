/**
 * Bytes of a page to text, in the encoding the page declares: a byte order mark, else the charset of
 * the Content-Type header, else a <meta charset> or http-equiv Content-Type in the first bytes, else
 * UTF-8 (the order of the HTML standard's encoding sniffing). TextDecoder does the decoding, so every
 * WHATWG encoding label works (windows-1252, iso-8859-1, shift_jis, gb18030, koi8-r…).
 */
import { InputError } from './errors.js';

/** How far into the page a <meta charset> is looked for (the HTML standard's prescan reads 1024 bytes). */
const PRESCAN_BYTES = 4096;
/** A decoded page with more than this share of replacement characters was in another encoding. */
const MAX_REPLACEMENT_SHARE = 0.01;
const MIN_REPLACEMENTS = 16;

export type CharsetSource = 'bom' | 'header' | 'meta' | 'default';

export interface DecodedPage {
  readonly html: string;
  /** The encoding used, as TextDecoder names it (e.g. "windows-1252"). */
  readonly encoding: string;
  readonly source: CharsetSource;
}

/** The charset parameter of a Content-Type header value ("text/html; charset=ISO-8859-1" → "ISO-8859-1"). */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  return /;\s*charset\s*=\s*["']?([^;"'\s]+)/i.exec(contentType ?? '')?.[1];
}

/** The charset a page's first bytes declare in <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…">. */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const m = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta[0]);
    if (m) return m[1];
  }
  return undefined;
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/**
 * Decodes a page. `name` names the input in errors. An encoding label TextDecoder does not know, or a
 * text that decodes to many replacement characters, is an `input/bad-encoding` error.
 */
export function decodePage(bytes: Uint8Array, contentType: string | null | undefined, name: string): DecodedPage {
  const candidates: [CharsetSource, string | undefined][] = [
    ['bom', bomEncoding(bytes)],
    ['header', charsetFromContentType(contentType)],
    ['meta', sniffMetaCharset(bytes)],
    ['default', 'utf-8'],
  ];
  const [source, declared] = candidates.find(([, l]) => l !== undefined) as [CharsetSource, string];
  // The HTML standard reads a <meta> that says UTF-16 as UTF-8: bytes that spell out the <meta> are not UTF-16.
  const label = source === 'meta' && /^utf-16/i.test(declared) ? 'utf-8' : declared;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new InputError('input/bad-encoding', name, { actual: `the page declares the encoding "${label}" (${source}), which is not a known encoding`, expected: 'an encoding label of the WHATWG Encoding standard' });
  }
  const html = decoder.encoding === 'windows-1252' ? fixWindows1252(decoder.decode(bytes)) : decoder.decode(bytes);
  let replacements = 0;
  for (let i = html.indexOf('\uFFFD'); i !== -1; i = html.indexOf('\uFFFD', i + 1)) replacements++;
  if (replacements >= MIN_REPLACEMENTS && replacements > html.length * MAX_REPLACEMENT_SHARE) {
    throw new InputError('input/bad-encoding', name, { actual: `${replacements} of its ${html.length} characters are not valid ${decoder.encoding}`, expected: 'text in the encoding the page declares' });
  }
  return { html, encoding: decoder.encoding, source };
}

/**
 * Bytes 0x80–0x9F in windows-1252, which the WHATWG standard also uses for "iso-8859-1" and "ascii".
 * Node 20's TextDecoder decodes them as Latin-1 control characters instead (a '\x93' where the page
 * has a “), so they are mapped here. Source: the WHATWG Encoding standard's index-windows-1252.
 */
const WINDOWS_1252_C1 = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F'
  + '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]);
}
