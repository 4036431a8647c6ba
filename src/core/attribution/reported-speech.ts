/**
 * Reported (indirect) speech and thought from a cue verb and the clause it governs:
 *
 *   "The mayor said the bridge will open in May."             content: the bridge will open in May
 *   "Ruiz told reporters that costs had doubled."              content: that costs had doubled (addressee reporters)
 *   "…, adding that she had no regrets."                       the speaker is the sentence's earlier one
 *   "…, but noted that the plan “needs work.”"                 mixed: the clause holds a quote
 *
 * The clause ends at the sentence's end, before a coordinated verb (", but told …"), before a trailing
 * relay (", the Ledger reported Tuesday") or before a semicolon.
 */
import type { Segmented, Token } from '../segment/segment.js';
import { isPunct, spanOfTokens } from '../segment/lookup.js';
import type { Quote } from '../quotes/find-quotes.js';
import { typeOfCueLemma } from './cue-lexicon.js';
import { addresseeOfCue, type ProposedAttribution } from './direct-quotes.js';
import { insideTopQuote, topQuoteBefore, topQuotes } from './top-quotes.js';
import { isNounPhraseToken, nounPhraseEndingAt, nounPhraseStartingAt } from './noun-phrase.js';
import { cueSpan } from './cue-span.js';
import { SUBORDINATORS } from './speech-sense.js';

/** Auxiliaries and adverbs between a subject and its cue: "has said", "also told", "had long believed". */
const BETWEEN_SUBJECT_AND_CUE = new Set(["'s", "'re", 'is', 'are', 'was', 'were', 'been', 'be', 'being', 'can', 'could', 'may', 'might', 'must', 'should', 'now', 'not', "n't", 'has', 'have', 'had', 'also', 'later', 'then', 'previously', 'earlier', 'repeatedly', 'again', 'long', 'recently', 'once', 'still', 'often', 'never', 'always', 'would', 'will', 'did', 'does', 'do', 'reportedly', 'privately', 'publicly', 'flatly', 'firmly', 'strongly', 'clearly']);
/** Participles that continue the sentence's earlier speaker: ", adding that …". */
const CONTINUING = new Set(['add', 'note', 'say', 'explain', 'argue', 'insist', 'warn', 'claim', 'suggest', 'stress', 'write', 'tell']);
/** Verbs of intention that take an infinitive: "plans to", "vowed to", "refused to" (the team's list). */
const TAKES_INFINITIVE = new Set(['want', 'plan', 'intend', 'hope', 'wish', 'aim', 'seek', 'decide', 'refuse', 'threaten', 'vow', 'pledge', 'promise', 'prepare', 'agree', 'decline', 'expect', 'try', 'offer', 'propose', 'mean', 'prefer']);
const NAMING_VERBS = new Set(['call', 'dub', 'term', 'label', 'brand']);
const COORDINATORS = new Set(['but', 'and', 'while', 'though', 'although', 'yet']);
const PHRASE_BEFORE_THAT = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'NUM', 'ADJ', 'ADV', 'PRON']);
const SUBJECT_START = new Set(['PRON', 'DET', 'PROPN', 'NOUN', 'NUM', 'ADJ']);

/**
 * The reason on a proposal whose speaker was read from the sentence's structure past an aside, a
 * participle phrase or a comma (", saying …"): the merge prefers it to a model's source inside that stretch.
 */
export const SUBJECT_PAST_ASIDE = 'speaker/subject-past-aside';

export function attributeReportedSpeech(seg: Segmented, quotes: readonly Quote[]): ProposedAttribution[] {
  const out: ProposedAttribution[] = [];
  const top = topQuotes(quotes);
  // The paragraph's latest speaker: wink-nlp may end a sentence inside a quote, so ", adding that …"
  // can open a sentence of its own whose speaker stands in the one before.
  let lastSubject: ProposedAttribution['source'] | undefined;
  for (const s of seg.sentences) {
    if (s.i > 0 && seg.sentences[s.i - 1].paragraph !== s.paragraph) lastSubject = undefined;
    for (let c = s.first; c < s.last; c++) {
      const cue = seg.tokens[c];
      if (cue.pos !== 'VERB') continue;
      const type = typeOfCueLemma(cue.lemma);
      if (!type) continue;
      // "according to figures the hospital released": the word after "according to" is the source, a noun.
      if (seg.tokens[c - 1]?.lower === 'to' && seg.tokens[c - 2]?.lower === 'according') continue;
      // "what was called a “long” meeting": a passive naming verb takes a name, not a clause (see naming-quotes).
      if (NAMING_VERBS.has(cue.lemma) && /^(was|were|is|are|been|being|be)$/.test(seg.tokens[c - 1]?.lower ?? '')) continue;
      // Every speaker of the sentence is remembered, also one whose words are a direct quote:
      // "Ruiz said, “…,” adding that …".
      const subject = subjectOf(seg, c, s.first, lastSubject);
      const source = subject.source;
      if (source) lastSubject = source;
      let next = c + 1;
      const addressee = addresseeOfCue(seg, c, s.last);
      if (addressee) next = tokenIndexAt(seg, next, addressee.end);
      let cueTokens = cueSpan(seg, c, s.first);
      let contentStart = clauseStart(seg, next, s.last);
      let reason = 'indirect/cue-clause';
      if (contentStart < 0 && TAKES_INFINITIVE.has(cue.lemma) && seg.tokens[next]?.lower === 'to' && seg.tokens[next + 1]?.pos === 'VERB') {
        // "plans to release his returns": the cue takes the "to", the content is what is intended.
        cueTokens = { ...cueTokens, end: seg.tokens[next].end, text: seg.text.slice(cueTokens.start, seg.tokens[next].end) };
        contentStart = next + 1;
        reason = 'indirect/cue-infinitive';
      }
      if (contentStart < 0) continue;
      const end = clauseEnd(seg, contentStart, s.last, top);
      if (end - contentStart < 2) continue;
      const proposal: ProposedAttribution = {
        type: reason === 'indirect/cue-infinitive' ? 'intention' : type,
        kind: 'indirect',
        content: [{ start: seg.tokens[contentStart].start, end: seg.tokens[end - 1].end }],
        cue: cueTokens,
        quotes: [],
        confidence: source ? 0.75 : 0.45,
        reasons: !source ? [reason, 'speaker/not-found'] : subject.structural ? [reason, SUBJECT_PAST_ASIDE] : [reason],
      };
      if (source) proposal.source = source;
      if (addressee) proposal.addressee = addressee;
      out.push(proposal);
      c = end - 1;
    }
  }
  return out;
}

function tokenIndexAt(seg: Segmented, from: number, offset: number): number {
  let i = from;
  while (i < seg.tokens.length && seg.tokens[i].start < offset) i++;
  return i;
}

/** Where the reported clause starts: at "that", or at a subject followed soon by a verb. */
function clauseStart(seg: Segmented, i: number, last: number): number {
  const t = seg.tokens[i];
  if (!t || i >= last) return -1;
  // "said on Tuesday that", "wrote in a statement that": a short phrase before "that".
  for (let k = i; k < Math.min(last - 1, i + 6); k++) {
    const x = seg.tokens[k];
    if (x.lower === 'that' && k > i) return k;
    if (!PHRASE_BEFORE_THAT.has(x.pos)) break;
  }
  if (t.lower === 'that' && i + 1 < last && seg.tokens[i + 1].pos !== 'PUNCT' || t.lower === 'that' && isOpeningQuote(seg.tokens[i + 1])) return i;
  if (!SUBJECT_START.has(t.pos) && !isOpeningQuote(t)) return -1;
  if (t.pos === 'PRON' && !/^(he|she|they|we|i|you|it|there)$/.test(t.lower)) return -1;
  // A finite verb within a few tokens, before any comma: "said the plan would work", not "said Tuesday".
  for (let k = i + 1; k < Math.min(last, i + 16); k++) {
    const x = seg.tokens[k];
    if (isPunct(x, ',;:.')) return -1;
    // "added two more goals as the Falcons beat Lakeshore": the verb after a subordinator is not the clause's.
    if (x.pos === 'SCONJ' || SUBORDINATORS.has(x.lower)) return -1;
    // "wrote the truth and they locked her up": a verb after "and" and a new subject is not the clause's.
    if (COORDINATORS.has(x.lower) && /^(he|she|they|we|i|you|it)$/.test(seg.tokens[k + 1]?.lower ?? '')) return -1;
    if (x.pos === 'AUX' || (x.pos === 'VERB' && !/ing$/.test(x.lower))) return i;
  }
  return -1;
}

function isOpeningQuote(t: Token | undefined): boolean {
  return t !== undefined && (t.text === '“' || t.text === '"' || t.text === '‘');
}

/** The token index one past the clause's last token. `top`: the top-level quotes. */
function clauseEnd(seg: Segmented, from: number, last: number, top: readonly Quote[]): number {
  let end = last;
  // Reported speech inside a quote ends with the quote: “…Kim said he’s ready,” Ruiz said.
  const around = topQuoteBefore(top, seg.tokens[from].start);
  if (around && seg.tokens[from].start < around.end) {
    while (end > from && seg.tokens[end - 1].start >= around.end) end--;
    while (end > from && (isPunct(seg.tokens[end - 1], ',.”"’') )) end--;
  }
  while (end > from && isPunct(seg.tokens[end - 1], '.!?')) end--;
  for (let k = from + 1; k < end; k++) {
    const t = seg.tokens[k];
    if (t.text !== ',' && t.text !== ';' || insideTopQuote(top, t.start, t.end)) continue;
    if (t.text === ';') return k;
    const n = seg.tokens[k + 1];
    const n2 = seg.tokens[k + 2];
    if (!n) return k;
    // ", but told reporters", ", adding that"
    if (COORDINATORS.has(n.lower) && n2 && (n2.pos === 'VERB' || n2.pos === 'AUX') ) return k;
    if (n.pos === 'VERB' && /ing$/.test(n.lower) && CONTINUING.has(n.lemma)) return k;
    // ", according to …" or ", the Ledger reported Tuesday." at the end
    if (n.lower === 'according' && n2?.lower === 'to') return k;
    const np = nounPhraseStartingAt(seg, k + 1, end);
    if (np > 0 && seg.tokens[np] && seg.tokens[np].pos === 'VERB' && typeOfCueLemma(seg.tokens[np].lemma) === 'statement' && end - np <= 3) return k;
  }
  return end;
}

/** A cue's subject, and whether it was read past an aside or from the main clause (", saying …"). */
interface Subject {
  readonly source: ProposedAttribution['source'] | undefined;
  readonly structural: boolean;
}

/** The cue's subject: the noun phrase before it, or for ", adding that" and ", but noted that" the sentence's earlier speaker. */
function subjectOf(seg: Segmented, c: number, floor: number, earlier: ProposedAttribution['source']): Subject {
  let s = c;
  while (s - 1 >= floor && BETWEEN_SUBJECT_AND_CUE.has(seg.tokens[s - 1].lower)) s--;
  const prev = seg.tokens[s - 1];
  if (prev && s - 1 >= floor && isPunct(prev, ',')) {
    // "Dube, speaking on a call with analysts, said" / "Grant, who filed the complaint, said": the subject
    // stands before the aside.
    const aside = asideOpening(seg, s - 1, floor);
    const before = aside >= 0 ? appositiveSubject(seg, aside, floor) ?? nounBefore(seg, aside, floor) : undefined;
    if (before) return { source: before, structural: true };
    const subject = appositiveSubject(seg, s - 1, floor) ?? earlier;
    if (subject || s !== c || !/ing$/.test(seg.tokens[c].lower)) return { source: subject, structural: false };
    return { source: mainSubject(seg, floor, c), structural: true };
  }
  if (prev && s - 1 >= floor && COORDINATORS.has(prev.lower)) return { source: earlier, structural: false };
  if (s === c && /ing$/.test(seg.tokens[c].lower)) return { source: earlier, structural: false };
  const first = nounPhraseEndingAt(seg, s, floor);
  if (first < 0) return { source: undefined, structural: false };
  // "When reporters asked": a subordinate clause's subject is still the subject of its verb.
  const start = reducedRelativeStart(seg, first, floor);
  return { source: spanOfTokens(seg, start, s), structural: start !== first };
}

/** The noun phrase ending just before token `end`, as a span, or undefined. */
function nounBefore(seg: Segmented, end: number, floor: number): ProposedAttribution['source'] | undefined {
  const first = nounPhraseEndingAt(seg, end, floor);
  return first < 0 ? undefined : spanOfTokens(seg, first, end);
}

/** A participle: "speaking", "charged", "known". */
function isParticiple(t: Token | undefined): boolean {
  return t !== undefined && t.pos === 'VERB' && /(?:ing|ed|en|wn)$/.test(t.lower);
}

/**
 * The comma that opens an aside closed by the comma at `close`: a relative clause (", who filed the
 * complaint,") or a participle phrase (", speaking on a call with analysts,"). Returns -1 when there is none.
 */
function asideOpening(seg: Segmented, close: number, floor: number): number {
  for (let k = close - 1; k > floor && k > close - 16; k--) {
    const t = seg.tokens[k];
    if (t.pos === 'PUNCT' && t.text !== ',') return -1;
    if (t.text !== ',') continue;
    const next = seg.tokens[k + 1];
    return /^(who|which)$/.test(next.lower) || isParticiple(next) ? k : -1;
  }
  return -1;
}

/**
 * "A delivery driver charged with dangerous driving testified": where the noun phrase before a cue is
 * the object of a preposition in a participle phrase or a prepositional phrase on the sentence's first
 * noun phrase, the subject is that first noun phrase with its modifiers. Returns the subject's first token.
 */
function reducedRelativeStart(seg: Segmented, first: number, floor: number): number {
  let k = first - 1;
  let crossed = false;
  while (k >= floor) {
    const t = seg.tokens[k];
    if (t.pos === 'ADP' || isParticiple(t)) crossed = true;
    else if (!isNounPhraseToken(t)) break;
    k--;
  }
  if (!crossed) return first;
  let start = k + 1;
  // A dateline's dash or a leading phrase ends the walk; the subject opens with a noun phrase.
  const np = nounPhraseStartingAt(seg, start, first);
  if (np < 0) return first;
  const after = seg.tokens[np];
  return after && (after.pos === 'ADP' || isParticiple(after)) && (k < floor || isPunct(seg.tokens[k], '—–-:')) ? start : first;
}

/**
 * ", saying he could not …": a participle of saying after a comma speaks for the subject of the
 * sentence's main verb, the noun phrase that opens the sentence (after a dateline) and is followed by a verb.
 */
function mainSubject(seg: Segmented, floor: number, c: number): ProposedAttribution['source'] | undefined {
  let start = floor;
  for (let k = floor; k < Math.min(c, floor + 6); k++) if (isPunct(seg.tokens[k], '—–')) start = k + 1;
  const np = nounPhraseStartingAt(seg, start, c);
  const verb = seg.tokens[np];
  return np > 0 && verb && (verb.pos === 'VERB' || verb.pos === 'AUX') ? spanOfTokens(seg, start, np) : undefined;
}

/** "The city's engineer, Ana Ruiz, said": a noun phrase, a comma, a second one, and the comma at `comma`. */
function appositiveSubject(seg: Segmented, comma: number, floor: number): ProposedAttribution['source'] | undefined {
  const inner = nounPhraseEndingAt(seg, comma, floor);
  if (inner < 0 || !isPunct(seg.tokens[inner - 1], ',')) return undefined;
  const outer = nounPhraseEndingAt(seg, inner - 1, floor);
  if (outer < 0) return undefined;
  return spanOfTokens(seg, outer, comma + 1);
}
