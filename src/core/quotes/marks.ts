/**
 * Quotation marks, one table for the whole core. Sources: the Unicode quotation-mark characters used in
 * English news (U+201C/U+201D double, U+2018/U+2019 single, U+00AB/U+00BB guillemets, U+201E low double)
 * and the ASCII marks that plain-text feeds use for both ends.
 */
export type MarkFamily = 'double' | 'single';

export interface MarkInfo {
  readonly family: MarkFamily;
  /** Which end the mark can be: curly marks know, straight marks are decided by context. */
  readonly role: 'open' | 'close' | 'either';
}

export const QUOTE_MARKS: Readonly<Record<string, MarkInfo>> = {
  '“': { family: 'double', role: 'open' },
  '„': { family: 'double', role: 'open' },
  '«': { family: 'double', role: 'open' },
  '”': { family: 'double', role: 'close' },
  '»': { family: 'double', role: 'close' },
  '"': { family: 'double', role: 'either' },
  '‘': { family: 'single', role: 'open' },
  '’': { family: 'single', role: 'close' },
  "'": { family: 'single', role: 'either' },
};

/** True for a character that is any quotation mark (or an apostrophe that may be one). */
export function isQuoteMark(ch: string | undefined): boolean {
  return ch !== undefined && ch in QUOTE_MARKS;
}
