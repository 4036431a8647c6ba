/**
 * The tagger's labels: BIO over the three roles of an attribution (PolNeAR's source, cue and content;
 * the same seven tags as /work/shared/data/polnear/sentence-tags.txt).
 */
export const LABELS = ['O', 'B-source', 'I-source', 'B-cue', 'I-cue', 'B-content', 'I-content'] as const;
export type Label = (typeof LABELS)[number];
export const LABEL_COUNT = LABELS.length;

export const O = 0;
export type Role = 'source' | 'cue' | 'content';
export const ROLES: readonly Role[] = ['source', 'cue', 'content'];

/** The B- label of a role. */
export function beginOf(role: Role): number {
  return 1 + 2 * ROLES.indexOf(role);
}

/** The role of a label, or undefined for O. */
export function roleOf(label: number): Role | undefined {
  return label === O ? undefined : ROLES[(label - 1) >> 1];
}

export function isBegin(label: number): boolean {
  return label !== O && (label & 1) === 1;
}

/** Whether `next` may follow `prev` (undefined: the sequence start): an I- tag continues its own role only. */
export function allowed(prev: number | undefined, next: number): boolean {
  if (next === O || isBegin(next)) return true;
  return prev !== undefined && prev !== O && roleOf(prev) === roleOf(next);
}
