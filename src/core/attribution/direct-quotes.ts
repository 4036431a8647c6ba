/**
 * Direct quotes and who says them, from the words around the quotation marks:
 *
 *   after:  “It’ll be fine,” he said.          “It’ll be fine,” said the mayor.
 *   before: The mayor said, “It’ll be fine.”   On Monday, Ruiz told reporters, “It’ll be fine.”
 *   split:  “It’ll be fine,” he said, “trust me.”   (one statement, two segments)
 *   next:   “We won.” — a quote alone in its sentence right after a speaker's quote is theirs too.
 *
 * A quote that sits inside running text ("called it a “very productive” meeting") is not direct; the
 * mixed-quote rules and the learned model look at those.
 */
import type { AttributionType, QuoteKind, Span, TextSpan } from '../analysis.js';
import type { Quote } from '../quotes/find-quotes.js';
import type { Segmented, Token } from '../segment/segment.js';
import { isPunct, spanOfTokens, tokenAtOrAfter, tokenBefore } from '../segment/lookup.js';
import { isSpeechLemma, typeOfCueLemma } from './cue-lexicon.js';
import { nounPhraseEndingAt, nounPhraseStartingAt } from './noun-phrase.js';
import { cueSpan } from './cue-span.js';

/** An attribution proposed by a rule, before speakers are resolved to entities. */
export interface ProposedAttribution {
  type: AttributionType;
  kind: QuoteKind;
  content: Span[];
  source?: TextSpan;
  cue?: TextSpan;
  addressee?: TextSpan;
  /** Quotes (indices in the quote layer) this attribution is made of. */
  quotes: number[];
  /** The attribution (index in the same list) whose speaker this one takes over, for follow-on quotes. */
  continues?: number;
  confidence: number;
  reasons: string[];
}

/** Verbs whose object is the person spoken to: "told reporters", "assured voters". */
const ADDRESSING = new Set(['tell', 'inform', 'assure', 'warn', 'remind', 'ask', 'urge', 'advise', 'promise', 'brief']);
/** Adverbs that may stand between speaker and cue: "he later said", "she also told". */
const CUE_ADVERBS = new Set(['also', 'later', 'then', 'again', 'once', 'previously', 'earlier', 'recently', 'repeatedly', 'further', 'simply', 'flatly', 'just', 'quickly', 'often', 'has', 'had', 'have', 'would', 'will', 'was', 'is', 'has', 'been']);
/** Words that date a cue rather than name an addressee: "told reporters Tuesday". */
const TIME_WORDS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|later|last|this|week|month|year|morning|afternoon|evening|night|on)$/;

export function attributeDirectQuotes(seg: Segmented, quotes: readonly Quote[]): ProposedAttribution[] {
  const out: ProposedAttribution[] = [];
  const claimed = new Set<number>();
  for (const q of quotes) {
    if (q.depth > 0 || claimed.has(q.i) || !standsAlone(seg, q)) continue;
    const found = attributeAfter(seg, q) ?? attributeBefore(seg, q);
    if (found) {
      claimed.add(q.i);
      const proposed: ProposedAttribution = {
        type: 'statement', kind: 'direct', content: [...q.segments], quotes: [q.i], confidence: found.confidence, reasons: found.reasons,
      };
      if (found.source) proposed.source = found.source;
      if (found.cue) proposed.cue = found.cue;
      if (found.addressee) proposed.addressee = found.addressee;
      // "“First,” he said, “second.”": the next quote continues the same statement.
      const next = nextTopQuote(quotes, q.i);
      if (next && found.reasons.includes('direct/speaker-after') && continuesAfterAttribution(seg, found, next)) {
        claimed.add(next.i);
        proposed.quotes.push(next.i);
        for (const s of next.segments) proposed.content.push(s); // a quote can run over any number of paragraphs: no spread
        proposed.reasons.push('direct/split-quote');
      }
      out.push(proposed);
      continue;
    }
    const previous = out.length ? out[out.length - 1] : undefined;
    if (previous && isFollowOn(seg, quotes, previous, q)) {
      claimed.add(q.i);
      // In the same paragraph the next quote goes on with the same statement, as PolNeAR marks it.
      if (sameParagraph(seg, quotes[previous.quotes[0]], q)) {
        previous.quotes.push(q.i);
        for (const s of q.segments) previous.content.push(s);
        previous.reasons.push('direct/continues-in-paragraph');
        continue;
      }
      out.push({
        type: 'statement', kind: 'direct', content: [...q.segments], quotes: [q.i], continues: out.length - 1,
        confidence: 0.75, reasons: ['direct/follows-speaker-quote'],
      });
    }
  }
  return out;
}

/** The first top-level quote after quote `i` (quotes are listed by their index). */
function nextTopQuote(quotes: readonly Quote[], i: number): Quote | undefined {
  for (let k = i + 1; k < quotes.length; k++) if (quotes[k].depth === 0) return quotes[k];
  return undefined;
}

type Found = Pick<ProposedAttribution, 'source' | 'cue' | 'addressee' | 'confidence' | 'reasons'>;

/** A quote that is a sentence or clause of its own: it starts its sentence or follows a comma, colon or cue. */
function standsAlone(seg: Segmented, q: Quote): boolean {
  const before = tokenBefore(seg, q.start);
  const t = seg.tokens[before];
  const opening = tokenOf(seg, q.start);
  if (!t || t.paragraph !== opening?.paragraph) return true;
  if (t.sentence !== opening?.sentence) return true;
  if (isPunct(t, ',:;—–-(')) return true;
  return isSpeechLemma(t.lemma) && t.pos === 'VERB';
}

function tokenOf(seg: Segmented, offset: number): Token | undefined {
  return seg.tokens[tokenAtOrAfter(seg, offset)];
}

/** “…,” he said / “…,” said the mayor / “…,” Ruiz, the chief, said / “…,” according to Ruiz. */
function attributeAfter(seg: Segmented, q: Quote): Found | undefined {
  const k = tokenAtOrAfter(seg, q.end);
  const first = seg.tokens[k];
  const lastOfQuote = seg.tokens[k - 1];
  if (!first || !lastOfQuote || first.paragraph !== lastOfQuote.paragraph) return undefined;
  const ceiling = Math.min(seg.sentences[first.sentence].last, k + 16);
  let i = k;
  if (isPunct(seg.tokens[i], ',—–-')) i++;
  // according to X
  if (seg.tokens[i]?.lower === 'according' && seg.tokens[i + 1]?.lower === 'to') {
    const end = nounPhraseStartingAt(seg, i + 2, ceiling);
    if (end < 0) return undefined;
    return { source: spanOfTokens(seg, i + 2, end), cue: spanOfTokens(seg, i, i + 2), confidence: 0.9, reasons: ['direct/speaker-after', 'direct/according-to'] };
  }
  // said the mayor
  if (isCue(seg.tokens[i])) {
    let end = nounPhraseStartingAt(seg, i + 1, ceiling);
    if (end < 0) return undefined;
    // "said Ana Ruiz, a lawyer for the city, who has fought the plan for years." The description
    // belongs to the source up to the sentence's end, as PolNeAR marks it.
    const named = appositiveNameEnd(seg, end, ceiling);
    if (named > 0) end = named;
    if (isPunct(seg.tokens[end], ',')) {
      const sentenceEnd = lastWordOfSentence(seg, first.sentence);
      if (sentenceEnd > end + 1 && !/[“"]/.test(seg.text.slice(seg.tokens[end].end, seg.tokens[sentenceEnd - 1].end))) end = sentenceEnd;
    }
    return { source: spanOfTokens(seg, i + 1, end), cue: cueSpan(seg, i, i), confidence: 0.9, reasons: ['direct/speaker-after', 'direct/cue-then-speaker'] };
  }
  // he said / the mayor, a Democrat, said
  const end = nounPhraseStartingAt(seg, i, ceiling);
  if (end < 0) return undefined;
  let c = end;
  let sourceEnd = end;
  if (isPunct(seg.tokens[c], ',')) {
    // An appositive: "Ana Ruiz, the city's lawyer, said" — the source runs to the comma that closes it.
    let j = c + 1;
    while (j < ceiling && !isPunct(seg.tokens[j], ',')) j++;
    if (j < ceiling) {
      sourceEnd = j + 1;
      c = j + 1;
      // A second description before the cue: "Ruiz, the lawyer, one of three on the case, said".
      let k = c;
      while (k < ceiling && k < c + 10 && !isPunct(seg.tokens[k], ',') && !isCue(seg.tokens[k])) k++;
      if (isPunct(seg.tokens[k], ',') && isCue(seg.tokens[k + 1])) c = k + 1;
    }
  }
  while (c < ceiling && CUE_ADVERBS.has(seg.tokens[c].lower) && !isCue(seg.tokens[c])) c++;
  if (!isCue(seg.tokens[c])) return undefined;
  return speakerAtCue(seg, spanOfTokens(seg, i, sourceEnd), c, ceiling, 0.92, 'direct/speaker-after');
}

/** The mayor said, “…” / Ruiz told reporters: “…” / She said “…”. */
function attributeBefore(seg: Segmented, q: Quote): Found | undefined {
  let j = tokenBefore(seg, q.start);
  const opening = seg.tokens[tokenAtOrAfter(seg, q.start)];
  if (j < 0 || !opening || seg.tokens[j].sentence !== opening.sentence) return undefined;
  const floor = seg.sentences[seg.tokens[j].sentence].first;
  if (isPunct(seg.tokens[j], ',:')) j--;
  // Walk back over an addressee or a time word to the cue: "told reporters Tuesday,".
  let c = j;
  while (c >= floor && c > j - 5 && !isCue(seg.tokens[c])) c--;
  if (c < floor || !isCue(seg.tokens[c])) return undefined;
  let s = c;
  while (s - 1 >= floor && CUE_ADVERBS.has(seg.tokens[s - 1].lower)) s--;
  const first = nounPhraseEndingAt(seg, s, floor);
  if (first < 0) return undefined;
  return speakerAtCue(seg, spanOfTokens(seg, first, s), c, j + 1, 0.9, 'direct/speaker-before');
}

/** One past the sentence's last token that is not closing punctuation. */
/** Prepositions that open a phrase inside a role description: "the chair of trustees", "a lawyer for the city". */
const ROLE_PREPOSITIONS = new Set(['of', 'for', 'at', 'with', 'in', 'on']);

/**
 * "said the prize’s chair of trustees, Margaret Olsen." / "said her brother, Andrei Voss, who …": a role
 * noun phrase (with its prepositional phrases) from which a comma leads to a name of capitalized words
 * that ends the sentence or meets another comma. Returns one past the name, or -1.
 */
function appositiveNameEnd(seg: Segmented, end: number, ceiling: number): number {
  let k = end;
  while (k < ceiling && ROLE_PREPOSITIONS.has(seg.tokens[k].lower)) {
    const np = nounPhraseStartingAt(seg, k + 1, ceiling);
    if (np < 0) return -1;
    k = np;
  }
  if (!isPunct(seg.tokens[k], ',')) return -1;
  let n = k + 1;
  while (n < ceiling && n < k + 5 && /^[A-Z][\p{L}’'.-]*$/u.test(seg.tokens[n].text) && seg.tokens[n].pos !== 'DET') n++;
  if (n < k + 2 || seg.tokens[k + 1].pos !== 'PROPN') return -1;
  const after = seg.tokens[n];
  return after === undefined || after.sentence !== seg.tokens[k].sentence || isPunct(after, ',.!?;') ? n : -1;
}

function lastWordOfSentence(seg: Segmented, sentence: number): number {
  const s = seg.sentences[sentence];
  let end = s.last;
  while (end > s.first && isPunct(seg.tokens[end - 1], '.!?')) end--;
  return end;
}

function isCue(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NOUN') && isSpeechLemma(t.lemma) && typeOfCueLemma(t.lemma) === 'statement';
}

/** A speaker with the cue at token `c` and, for verbs of telling, the person told: "told reporters", "told CNN". */
function speakerAtCue(seg: Segmented, source: TextSpan, c: number, ceiling: number, confidence: number, reason: string): Found {
  const found: Found = { source, cue: cueSpan(seg, c, seg.sentences[seg.tokens[c].sentence].first), confidence, reasons: [reason] };
  const addressee = addresseeOfCue(seg, c, ceiling);
  if (addressee) found.addressee = addressee;
  return found;
}

/** Subject pronouns, which open a reported clause. */
const SUBJECT_PRONOUN = /^(?:he|she|they|we|i|it)$/;

/** The person told by the verb of telling at token `c`, within [c + 1, ceiling): "told reporters", "told CNN". */
export function addresseeOfCue(seg: Segmented, c: number, ceiling: number): TextSpan | undefined {
  if (!ADDRESSING.has(seg.tokens[c].lemma)) return undefined;
  let end = nounPhraseStartingAt(seg, c + 1, ceiling);
  if (end < 0) return undefined;
  // "told state television the protest had been …", "told the Herald she had …": a determiner or a
  // subject pronoun after a noun opens the reported clause's subject, no part of the addressee.
  const passive = /^(?:is|was|were|are|be|been|being)$/.test(seg.tokens[c - 1]?.lower ?? '');
  for (let k = c + 2; k < end && !passive; k++) {
    const t = seg.tokens[k];
    if ((t.pos === 'DET' || SUBJECT_PRONOUN.test(t.lower)) && (/^(NOUN|PROPN)$/.test(seg.tokens[k - 1].pos) || /^[A-Z]/.test(seg.tokens[k - 1].text))) {
      end = k;
      break;
    }
  }
  while (end > c + 1 && TIME_WORDS.test(seg.tokens[end - 1].lower)) end--;
  return end > c + 1 ? spanOfTokens(seg, c + 1, end) : undefined;
}

/** After “First,” he said, the next quote opens right after a comma in the same sentence. */
function continuesAfterAttribution(seg: Segmented, found: Found, next: Quote): boolean {
  const tail = Math.max(found.source?.end ?? 0, found.cue?.end ?? 0, found.addressee?.end ?? 0);
  const between = seg.text.slice(tail, next.start);
  return /^\s*[,;:]\s*$/.test(between) || /^[^.!?\n“”"]{0,40},\s*$/.test(between) && !/\b(and|but)\b/.test(between);
}

function sameParagraph(seg: Segmented, a: Quote, b: Quote): boolean {
  return tokenOf(seg, a.end - 1)?.paragraph === tokenOf(seg, b.start)?.paragraph;
}

/** A quote alone in its sentence, straight after the previous speaker's quote in the same or the next paragraph. */
function isFollowOn(seg: Segmented, quotes: readonly Quote[], previous: ProposedAttribution, q: Quote): boolean {
  const open = tokenOf(seg, q.start);
  if (!open) return false;
  const sentence = seg.sentences[open.sentence];
  const before = seg.text.slice(sentence.start, q.start).trim();
  if (before !== '') return false;
  const lastQuote = quotes[previous.quotes[previous.quotes.length - 1]];
  const prevToken = tokenOf(seg, lastQuote.start);
  if (!prevToken || open.paragraph - prevToken.paragraph > 1) return false;
  // Nothing but the attribution may stand between the two quotes.
  const gapStart = Math.max(lastQuote.end, previous.source?.end ?? 0, previous.cue?.end ?? 0);
  const gap = seg.text.slice(gapStart, q.start);
  return gap.length < 60 && !/[“"]/.test(gap);
}
