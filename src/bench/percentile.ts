/**
 * Nearest-rank percentiles: the smallest value with at least p% of the values at or below it, so a
 * reported p95 is a time some article actually took.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
