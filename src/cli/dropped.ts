/**
 * `--explain-dropped` under the table: each candidate whosaid decided not to report, with the reason
 * code that dropped it, e.g. `  dropped  speech-sense/other-sense  Okafor · added · “two more goals …”`.
 */
import type { Analysis } from '../core/analysis.js';

const SHOWN = 80;

export function formatDropped(analysis: Analysis): string[] {
  const dropped = analysis.dropped ?? [];
  if (dropped.length === 0) return ['no candidates dropped'];
  return [
    `dropped candidates (${dropped.length}):`,
    ...dropped.map((d) => {
      const words = d.text.length > SHOWN ? `${d.text.slice(0, SHOWN - 1)}…` : d.text;
      return `  ${d.dropped}  ${d.speaker?.text ?? '–'} · ${d.cue?.text ?? '–'} · “${words}”`;
    }),
  ];
}
