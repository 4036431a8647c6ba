/**
 * A candidate whose content holds no letter and no digit ("“” ‘’ ''", a run of dashes) reports nothing
 * anyone said: quotation marks alone are not words. The learned tagger can tag such a run as content.
 */
import type { Refiner } from './refine.js';

/** A letter or a digit, in any script. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

export const dropWordless: Refiner = (seg, proposals) => (k) => {
  for (const span of proposals[k].content) if (WORD_CHARACTER.test(seg.text.slice(span.start, span.end))) return undefined;
  return 'content/no-words';
};
