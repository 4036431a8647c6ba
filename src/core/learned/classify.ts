/**
 * An attribution's type from its cue, and its kind from its content's quotation marks.
 *
 * The type lexicon is the team's own, written from PolNeAR's annotation guidelines (which count speech,
 * writing, thought, intention, attitude, decrees, perception and evidence as attributions) and the
 * commonest cue lemmas of train.jsonl. A lemma not listed is a statement.
 */
import type { AttributionType, QuoteKind, Span } from '../analysis.js';
import type { Segmented } from '../segment/segment.js';

const TYPE_OF_LEMMA: ReadonlyMap<string, AttributionType> = new Map(
  ([
    ['belief', 'think believe know feel expect doubt suspect assume consider figure worry fear understand realize realise seem appear guess reckon convinced sure predict conclude'],
    ['intention', 'want plan intend hope seek aim wish try vow pledge promise propose decide refuse decline threaten'],
    ['attitude', 'support oppose like love hate praise criticize criticise endorse welcome blame condemn applaud defend favor favour back reject dislike accuse prefer agree disagree'],
    ['decree', 'rule order decree require ban mandate sentence authorize approve veto direct command instruct'],
    ['perception', 'see hear watch notice observe witness listen'],
    ['evidence', 'show find indicate reveal demonstrate prove estimate'],
  ] as const).flatMap(([type, lemmas]) => lemmas.split(' ').map((l) => [l, type] as const)),
);

/** Sources whose "suggest" reports evidence: "The survey suggests that turnout will fall." */
const EVIDENCE_SOURCES = new Set(['study', 'report', 'poll', 'survey', 'data', 'research', 'analysis', 'evidence', 'figure', 'number', 'record', 'result', 'finding']);

/** The type of the attribution whose cue covers tokens [first, last), and whose source ends at `sourceLast` (exclusive). */
export function typeOfCue(seg: Segmented, first: number, last: number, sourceLast?: number): AttributionType {
  let fallback: AttributionType | undefined;
  for (let i = first; i < last; i++) {
    const t = seg.tokens[i];
    const lemma = t.lemma === 'suggest' || t.lower.startsWith('suggest') ? 'suggest' : t.lemma;
    if (lemma === 'suggest') {
      const head = sourceLast !== undefined ? seg.tokens[sourceLast - 1] : undefined;
      return head && EVIDENCE_SOURCES.has(head.lemma) ? 'evidence' : 'statement';
    }
    const type = TYPE_OF_LEMMA.get(lemma) ?? TYPE_OF_LEMMA.get(t.lower);
    if (type && (t.pos === 'VERB' || t.pos === 'AUX')) return type;
    fallback ??= type;
  }
  return fallback ?? 'statement';
}

const OPENING = '“"‘\'«';
const CLOSING = '”"’\'»';
const DOUBLE_MARKS = /[“”"«»]/;
const TRAILING = /[\s.,;:!?—–-]+$/;

/** Direct when every segment is wholly inside quotation marks, mixed when one holds a quoted fragment, else indirect. */
export function kindOfContent(text: string, content: readonly Span[]): QuoteKind {
  let direct = content.length > 0;
  let marks = false;
  for (const s of content) {
    const words = text.slice(s.start, s.end).trim().replace(TRAILING, '');
    const wholly = words.length > 1 && OPENING.includes(words[0]) && CLOSING.includes(words[words.length - 1]);
    if (!wholly) direct = false;
    if (DOUBLE_MARKS.test(words)) marks = true;
  }
  if (direct) return 'direct';
  return marks ? 'mixed' : 'indirect';
}
