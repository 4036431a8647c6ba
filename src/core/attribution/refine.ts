/**
 * The refiners that run after merging, in this order. Each is set up once per text (to index what it
 * needs) and then judges one proposal at a time: it keeps it, puts a corrected proposal in its place, or
 * names the reason it is dropped, so `--explain-dropped` can show what whosaid decided not to report.
 */
import type { Segmented } from '../segment/segment.js';
import type { ProposedAttribution } from './direct-quotes.js';
import { speechSenseOf } from './speech-sense.js';
import { extendThroughCoordination } from './coordinated-content.js';
import { joinCoordinatedStatements } from './coordinated-statements.js';
import { dropFurniture } from './furniture.js';
import { dropFragments } from './fragments.js';
import { dropRefusedSpeech } from './refused-speech.js';
import { correctSpeakers } from './speaker-spans.js';
import { signPullQuotes } from './pull-quote.js';
import { dropWordless } from './wordless.js';

/** A refiner's verdict on one proposal: a reason to drop it, a proposal to put in its place, or undefined to keep it. */
export type Verdict = string | ProposedAttribution | undefined;

/** A refiner: set up once per text over all proposals, then asked about proposal `k`. */
export type Refiner = (seg: Segmented, proposals: readonly ProposedAttribution[]) => (k: number) => Verdict;

const speechSense: Refiner = (seg, proposals) => (k) => {
  const p = proposals[k];
  const sense = speechSenseOf(seg, p);
  if (!sense) return undefined;
  if ('drop' in sense) return sense.drop;
  return { ...p, type: sense.retype, reasons: [...p.reasons, sense.reason] };
};

export const REFINERS: readonly Refiner[] = [dropWordless, dropFurniture, dropFragments, dropRefusedSpeech, correctSpeakers, signPullQuotes, speechSense, extendThroughCoordination, joinCoordinatedStatements];

export interface DroppedProposal {
  readonly proposal: ProposedAttribution;
  /** A stable code such as `speech-sense/other-sense`. */
  readonly reason: string;
}

/** Splits proposals into those kept and those dropped, with the first refiner's reason for each drop. */
export function refineProposals(seg: Segmented, proposals: readonly ProposedAttribution[], refiners: readonly Refiner[] = REFINERS): { kept: ProposedAttribution[]; dropped: DroppedProposal[] } {
  // Later refiners see earlier ones' replacements and drops.
  let current: ProposedAttribution[] = proposals.slice();
  const dropped: DroppedProposal[] = [];
  for (const refiner of refiners) {
    const judge = refiner(seg, current);
    const next: ProposedAttribution[] = [];
    // where each proposal went (-1: dropped), so a follow-on quote keeps pointing at the quote it follows
    const moved = new Int32Array(current.length).fill(-1);
    for (let k = 0; k < current.length; k++) {
      const verdict = judge(k);
      if (typeof verdict === 'string') dropped.push({ proposal: current[k], reason: verdict });
      else {
        moved[k] = next.length;
        next.push(verdict ?? current[k]);
      }
    }
    for (let k = 0; k < next.length; k++) {
      const p = next[k];
      if (p.continues === undefined) continue;
      const to = moved[p.continues];
      // the quote it followed was dropped: it keeps that quote's speaker mention
      next[k] = to >= 0 ? { ...p, continues: to } : { ...p, continues: undefined, source: p.source ?? current[p.continues].source };
    }
    current = next;
  }
  return { kept: current, dropped };
}
