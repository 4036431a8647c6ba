/**
 * Per-word facts remembered by wink-nlp's vocabulary id (`Token.vocab`). Within one process an id always
 * stands for the same text, so a fact of the text (its case, its lexicon entries) is worked out once per
 * word type, and hot loops such as the entity stage's read one small number per token instead of hashing
 * or comparing its text. Each memo grows with the vocabulary, two bytes per word type wink-nlp knows.
 */
import type { Token } from './segment.js';

/** `classify(t)` memoized by `t.vocab`; `classify` must depend on `t.text` alone and return 0 … 65534. */
export function memoByVocab(classify: (t: Token) => number): (t: Token) => number {
  /** Per vocabulary id, its fact + 1 (0: not yet worked out). */
  let memo = new Uint16Array(1 << 16);
  return (t) => {
    const id = t.vocab;
    memo = withRoomFor(memo, id);
    const known = memo[id];
    if (known !== 0) return known - 1;
    const fact = classify(t);
    memo[id] = fact + 1;
    return fact;
  };
}

/** `table` itself when it has slot `id`, else a copy at least twice as long: tables indexed by vocabulary id. */
export function withRoomFor<T extends Uint16Array | Int32Array>(table: T, id: number): T {
  if (id < table.length) return table;
  const grown = new (table.constructor as new (length: number) => T)(Math.max(id + 1, table.length * 2));
  grown.set(table);
  return grown;
}
