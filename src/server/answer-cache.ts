/**
 * Answers kept by key, at most `maxEntries`, the least recently used leaving first, each tagged with the
 * version of the corpus it was computed on: an answer from an older version is never served (a writer,
 * here or in another process, has committed since). A pending answer is shared, so that fifty clients
 * asking the same question at once cost one query; a failed one is dropped, never kept.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, { version: string; answer: Promise<T> }>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The answer for `key` at `version`: the one kept, or `compute()`'s, kept from now on. */
  answer(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.entries.get(key);
    this.entries.delete(key);
    if (kept?.version === version) {
      this.entries.set(key, kept);
      return kept.answer;
    }
    const answer = compute();
    const entry = { version, answer };
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    answer.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return answer;
  }

  clear(): void {
    this.entries.clear();
  }
}
