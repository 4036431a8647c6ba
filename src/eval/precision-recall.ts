/** `prf` of score.py: precision, recall and F1, each rounded as Python's `round(x, 4)` rounds. */
import { pyRound } from './python-compat.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 from counts; 0 where a denominator is 0. */
export function precisionRecall({ tp, fp, fn }: Counts): PrecisionRecall {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { precision: pyRound(p, 4), recall: pyRound(r, 4), f1: pyRound(f, 4) };
}
