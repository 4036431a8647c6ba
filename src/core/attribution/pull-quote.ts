/**
 * A pull quote signed on the next line:
 *
 *   “Every family deserves a doctor close to home.”
 *   Dan Okafor, Millbrook mayor
 *
 * A paragraph that is nothing but a quote, followed by a short line that starts with a name and holds no
 * verb and no sentence, is said by that name (`direct/pull-quote-signature`), not by the speaker of the
 * quote before it.
 */
import type { Segmented } from '../segment/segment.js';
import { spanOfTokens, tokenAtOrAfter } from '../segment/lookup.js';
import type { Refiner } from './refine.js';

const MAX_SIGNATURE_TOKENS = 12;

/** The token range of the name that signs paragraph `paragraph`'s quote on the next line, or undefined. */
export function signatureAfter(seg: Segmented, paragraph: number): [number, number] | undefined {
  const line = seg.paragraphs[paragraph + 1];
  if (!line) return undefined;
  const first = tokenAtOrAfter(seg, line.start);
  let last = first;
  while (last < seg.tokens.length && seg.tokens[last].paragraph === paragraph + 1) last++;
  if (last - first < 2 || last - first > MAX_SIGNATURE_TOKENS) return undefined;
  const text = seg.text.slice(line.start, line.end).trim();
  if (/[.!?“”"]$/.test(text) || /[“”"]/.test(text)) return undefined;
  const start = seg.tokens[first].text === '—' || seg.tokens[first].text === '–' || seg.tokens[first].text === '-' ? first + 1 : first;
  if (!/^[A-Z]/.test(seg.tokens[start]?.text ?? '')) return undefined;
  let nameEnd = start;
  while (nameEnd < last && seg.tokens[nameEnd].text !== ',' && /^[A-Z]/.test(seg.tokens[nameEnd].text)) nameEnd++;
  if (nameEnd - start < 2 || nameEnd - start > 4) return undefined;
  for (let i = start; i < last; i++) if (seg.tokens[i].pos === 'VERB' || seg.tokens[i].pos === 'AUX') return undefined;
  return [start, nameEnd];
}

/** A quote-only paragraph: its text, trimmed, opens and closes with quotation marks. */
function isQuoteParagraph(seg: Segmented, paragraph: number): boolean {
  const p = seg.paragraphs[paragraph];
  const text = seg.text.slice(p.start, p.end).trim();
  return /^[“"]/.test(text) && /[”"]$/.test(text);
}

export const signPullQuotes: Refiner = (seg, proposals) => (k) => {
  const p = proposals[k];
  if (p.kind !== 'direct' || p.content.length === 0) return undefined;
  const first = seg.tokens[tokenAtOrAfter(seg, p.content[0].start)];
  const last = seg.tokens[tokenAtOrAfter(seg, p.content[p.content.length - 1].end - 1)];
  if (!first || !last || first.paragraph !== last.paragraph || !isQuoteParagraph(seg, first.paragraph)) return undefined;
  const signature = signatureAfter(seg, first.paragraph);
  if (!signature) return undefined;
  return { ...p, source: spanOfTokens(seg, signature[0], signature[1]), cue: undefined, continues: undefined, reasons: [...p.reasons, 'direct/pull-quote-signature'] };
};
