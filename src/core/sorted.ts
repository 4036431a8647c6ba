/**
 * Binary search over sorted lists (tokens, quotes, mentions, comma positions all come in text order).
 * Every look-up in the core that asks "where in this ordered list does this offset fall" goes through here.
 */

/**
 * The number of leading items of `list` for which `before` holds, where `before` holds on a prefix of the
 * list and on nothing after it (the list's partition point). O(log n) calls of `before`.
 */
export function partitionPoint<T>(list: ArrayLike<T>, before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
