/**
 * The process's vocabulary: every token text read gets a small id (`Token.vocab`), the same id for the same
 * text, so per-word facts (a word's case, its lexicon entries) are worked out once per word type, and hot
 * loops such as the entity stage's read one small number per token instead of hashing or comparing its
 * text. The ids are whosaid's own, not wink-nlp's: an id stands for one text only, so a memo keyed by id
 * gives the answer the text gives, whatever the process read before (wink-nlp reuses none of its ids,
 * but forgets learned words between texts, so it gives one word several ids).
 *
 * The vocabulary grows with every new word; past `MAX_WORD_TYPES` it starts afresh between two texts
 * (never within one), as a new generation, and the memos start afresh with it.
 */
import type { Token } from './segment.js';

const MAX_WORD_TYPES = 1 << 20;

let ids = new Map<string, number>();
let generation = 0;

/** Called before a text's tokens get their ids: the one place the vocabulary may start afresh. */
export function startDocument(): void {
  if (ids.size < MAX_WORD_TYPES) return;
  ids = new Map();
  generation++;
}

/** The id of `text`, given one if it has none yet. */
export function vocabIdOf(text: string): number {
  let id = ids.get(text);
  if (id === undefined) {
    id = ids.size;
    ids.set(text, id);
  }
  return id;
}

/** The id of `text` if a token has had that text in this generation. */
export function knownVocabId(text: string): number | undefined {
  return ids.get(text);
}

/** Changes when the vocabulary starts afresh: tables indexed by id are stale from then on. */
export function vocabGeneration(): number {
  return generation;
}

/** `classify(t)` memoized by `t.vocab`; `classify` must depend on `t.text` alone and return 0 … 65534. */
export function memoByVocab(classify: (t: Token) => number): (t: Token) => number {
  /** Per vocabulary id, its fact + 1 (0: not yet worked out). */
  let memo = new Uint16Array(1 << 16);
  let memoGeneration = generation;
  return (t) => {
    const id = t.vocab;
    if (memoGeneration !== generation) {
      memo = new Uint16Array(1 << 16);
      memoGeneration = generation;
    }
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
