/**
 * Drops attributions on page furniture (see `segment/furniture.ts`): a link line is the headline of another
 * article, so what it reports is not said in this one; a caption describes a photo; boilerplate is never a
 * person (`furniture/link-line`, `furniture/caption`, `furniture/boilerplate`). A headline that reports
 * speech ("Mayor says the delay will cost less") is still an attribution and is kept.
 */
import { furnitureOfParagraphs } from '../segment/furniture.js';
import type { Refiner } from './refine.js';

/** Drops attributions whose first content, cue or speaker lies on a line of furniture. */
export const dropFurniture: Refiner = (seg, proposals) => {
  const kinds = furnitureOfParagraphs(seg);
  if (!kinds.some((k) => k !== undefined)) return () => undefined;
  const starts = seg.paragraphs.map((p) => p.start);
  const kindAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? kinds[lo - 1] : undefined;
  };
  return (k) => {
    const p = proposals[k];
    const kind = kindAt(p.content[0].start) ?? (p.cue ? kindAt(p.cue.start) : undefined) ?? (p.source ? kindAt(p.source.start) : undefined);
    return kind ? `furniture/${kind}` : undefined;
  };
};
