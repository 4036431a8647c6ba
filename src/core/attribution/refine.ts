/**
 * The refiners that run after merging, in this order. Each looks at one proposal (with the text and the
 * other proposals) and either keeps it or names the reason it is dropped, so `--explain-dropped` can
 * show what whosaid decided not to report. Order matters only for which reason a candidate gets.
 */
import type { Segmented } from '../segment/segment.js';
import type { ProposedAttribution } from './direct-quotes.js';
import { speechSenseOf } from './speech-sense.js';

/**
 * A refiner: for proposal `k`, the reason to drop it (a string), a proposal to put in its place, or
 * undefined to keep it as it is.
 */
export type Refiner = (seg: Segmented, proposals: readonly ProposedAttribution[], k: number) => string | ProposedAttribution | undefined;

export const REFINERS: readonly Refiner[] = [
  (seg, proposals, k) => {
    const p = proposals[k];
    const sense = speechSenseOf(seg, p);
    if (!sense) return undefined;
    if ('drop' in sense) return sense.drop;
    return { ...p, type: sense.retype, reasons: [...p.reasons, sense.reason] };
  },
];

export interface DroppedProposal {
  readonly proposal: ProposedAttribution;
  /** A stable code such as `speech-sense/no-content-clause`. */
  readonly reason: string;
}

/** Splits proposals into those kept and those dropped, with the first refiner's reason for each drop. */
export function refineProposals(seg: Segmented, proposals: readonly ProposedAttribution[], refiners: readonly Refiner[] = REFINERS): { kept: ProposedAttribution[]; dropped: DroppedProposal[] } {
  const kept: ProposedAttribution[] = [];
  const dropped: DroppedProposal[] = [];
  // Later refiners see earlier ones' replacements.
  const view = proposals.slice();
  for (let k = 0; k < proposals.length; k++) {
    let p = proposals[k];
    let reason: string | undefined;
    for (const refine of refiners) {
      const verdict = refine(seg, view, k);
      if (typeof verdict === 'string') {
        reason = verdict;
        break;
      }
      if (verdict) view[k] = p = verdict;
    }
    if (reason) dropped.push({ proposal: p, reason });
    else kept.push(p);
  }
  return { kept, dropped };
}
