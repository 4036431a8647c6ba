/**
 * `detok` of score.py: joins Penn Treebank tokens (as CofeNet's PolNeAR sentences hold them) into
 * running text, so the engine reads "“We are ready,” she said." rather than "`` We are ready , '' she said .".
 */
import { codePoints } from './python-compat.js';

/** PTB escapes and the characters they stand for. */
export const PTB: Readonly<Record<string, string>> = {
  '``': '“', "''": '”', '`': '‘', "'": '’', '-LRB-': '(', '-RRB-': ')', '-LSB-': '[', '-RSB-': ']',
  '-LCB-': '{', '-RCB-': '}',
};

/** Tokens written without a space before them: closing punctuation and clitics ("n't", "'s"). */
const NOSPACE_BEFORE = new Set([...',.;:!?)]}”’%', "n't", "'s", "’s", "'re", "'ve", "'ll", "'d", "'m"]);

/** Tokens after which the next is written without a space: opening brackets, quotes and "$". */
const NOSPACE_AFTER = new Set(['(', '[', '{', '“', '‘', '$']);

/** A PTB token as text: its escape resolved. */
export function tokenText(token: string): string {
  return Object.hasOwn(PTB, token) ? PTB[token] : token;
}

export interface Detokenized {
  text: string;
  /** Each token's [start, end) in code points of `text` (as score.py counts). */
  offsets: [number, number][];
}

/** Joins tokens into text; each token's offsets are in code points, as Python's `len` counts. */
export function detokenize(tokens: readonly string[]): Detokenized {
  let out = '';
  let length = 0;
  const offsets: [number, number][] = [];
  let prev: string | undefined;
  for (const t of tokens) {
    const w = tokenText(t);
    const glue = prev === undefined || NOSPACE_BEFORE.has(w) || w.startsWith('’') || w.startsWith("'") || NOSPACE_AFTER.has(prev);
    if (!glue) {
      out += ' ';
      length += 1;
    }
    const n = codePoints(w).length;
    offsets.push([length, length + n]);
    out += w;
    length += n;
    prev = w;
  }
  return { text: out, offsets };
}
