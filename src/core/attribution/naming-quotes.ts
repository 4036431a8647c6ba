/**
 * Quoted words that someone called something: "what was called a “very productive” meeting",
 * "the mayor called it a “disaster”", "the so-called “deal of the century”". They are mixed quotes; the
 * speaker is whoever did the calling, and unknown when the text does not say (passive, "so-called").
 * Quoted words with no naming verb before them are scare quotes or titles, and no one is said to say them.
 */
import type { Quote } from '../quotes/find-quotes.js';
import type { Segmented } from '../segment/segment.js';
import { spanOfTokens, tokenBefore } from '../segment/lookup.js';
import type { ProposedAttribution } from './direct-quotes.js';
import { nounPhraseEndingAt } from './noun-phrase.js';

/** Naming verbs, by lemma (the team's list). */
const NAMING = new Set(['call', 'dub', 'term', 'describe', 'label', 'brand', 'characterize', 'characterise', 'deem']);
/** Words that may stand between the verb and the quote: "called it a", "described as the". */
const BETWEEN = new Set(['it', 'them', 'him', 'her', 'this', 'that', 'a', 'an', 'the', 'as', 'his', 'their', 'its', 'what', 'he', 'she', 'they']);
const PASSIVE = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'get', 'got']);

export function attributeNamingQuotes(seg: Segmented, quotes: readonly Quote[], taken: ReadonlySet<number>): ProposedAttribution[] {
  const out: ProposedAttribution[] = [];
  for (const q of quotes) {
    if (q.depth > 0 || taken.has(q.i)) continue;
    let j = tokenBefore(seg, q.start);
    if (j < 0) continue;
    const sentence = seg.tokens[j].sentence;
    const floor = seg.sentences[sentence].first;
    let steps = 0;
    while (j >= floor && steps < 3 && BETWEEN.has(seg.tokens[j].lower)) { j--; steps++; }
    const cue = seg.tokens[j];
    if (!cue || j < floor) continue;
    const soCalled = cue.lower === 'so-called';
    if (!soCalled && !NAMING.has(cue.lemma)) continue;
    const base: ProposedAttribution = {
      type: 'statement', kind: 'mixed', content: [...q.segments], quotes: [q.i],
      cue: spanOfTokens(seg, j, j + 1), confidence: 0.6, reasons: ['mixed/naming-verb'],
    };
    const prev = seg.tokens[j - 1];
    if (soCalled || (prev && j - 1 >= floor && PASSIVE.has(prev.lower))) {
      out.push({ ...base, reasons: [...base.reasons, 'speaker/unstated-passive'] });
      continue;
    }
    const first = nounPhraseEndingAt(seg, j, floor);
    out.push(first >= 0 ? { ...base, source: spanOfTokens(seg, first, j), reasons: [...base.reasons, 'speaker/subject-before-cue'] } : base);
  }
  return out;
}
