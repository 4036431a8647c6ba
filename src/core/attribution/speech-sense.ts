/**
 * The speech sense of a cue. A verb that can report speech introduces a statement only where it is used
 * in that sense, with something said as its content:
 *
 *   speech:     "She added that the clinic would reopen."      "He noted: the roads are closed."
 *               "“We’ll be back,” she added."                  "The coach said the team was tired."
 *   no speech:  "He added two more goals in the third period."  "The index added 0.6 per cent."
 *               "She later thanked the crew."                   "Officials called off the game."
 *
 * What was said is a clause (it holds a verb), a quote, or words after a colon. A noun phrase alone is
 * the object of some other sense of the verb. The learned tagger, trained on election politics, tags
 * such objects as content; this refiner drops the statements it found alone whose content is no clause.
 */
import type { Span } from '../analysis.js';
import type { Segmented } from '../segment/segment.js';
import { tokensWithin } from '../segment/lookup.js';
import type { ProposedAttribution } from './direct-quotes.js';
import { typeOfCueLemma } from './cue-lexicon.js';

const QUOTE_MARKS = /[“”"«»‘]|''/;
/** Words that open a question or a that-complement: "asked whether …", "explained how …". */
const COMPLEMENTIZERS = new Set(['that', 'whether', 'if', 'how', 'why', 'what', 'when', 'where', 'who', 'which']);

/** Words that open a subordinate clause, whatever part of speech the tagger gives them: "as", "because", "after". */
export const SUBORDINATORS = new Set(['as', 'because', 'after', 'before', 'until', 'since', 'while', 'when', 'although', 'though', 'unless', 'once', 'whereas']);

/** Whether a proposal was found by the learned tagger alone, with no rule agreeing. */
export function isLearnedAlone(p: ProposedAttribution): boolean {
  return p.reasons[0] === 'learned/tagger' && !p.reasons.includes('rules/agree') && p.quotes.length === 0;
}

/** Whether a content span set holds something said: a clause, a quote, a complementizer, or words after a colon. */
export function holdsSomethingSaid(seg: Segmented, content: readonly Span[], cue?: Span): boolean {
  for (const s of content) {
    const words = seg.text.slice(s.start, s.end);
    if (QUOTE_MARKS.test(words)) return true;
    if (cue && cue.end <= s.start && /:\s*$/.test(seg.text.slice(cue.end, s.start))) return true;
    const [first, last] = tokensWithin(seg, s.start, s.end);
    // "disputed that account": "that" before a noun and no verb is a determiner, not a complementizer
    if (first < last && COMPLEMENTIZERS.has(seg.tokens[first].lower) && !isDemonstrativePhrase(seg, first, last)) return true;
    if (hasOwnVerb(seg, first, last)) return true;
  }
  return false;
}

/** "disputed that account", "denied those reports": a demonstrative and a common noun or two, nothing more. */
function isDemonstrativePhrase(seg: Segmented, first: number, last: number): boolean {
  if (!/^(?:that|this|those|these)$/.test(seg.tokens[first].lower) || last - first > 3 || last - first < 2) return false;
  for (let i = first + 1; i < last; i++) if (seg.tokens[i].pos !== 'NOUN' && seg.tokens[i].pos !== 'ADJ') return false;
  return true;
}

/** Relative pronouns that open a clause on the noun before them: "the volunteers who counted ballots". */
const RELATIVES = new Set(['who', 'whom', 'which', 'whose', 'that']);

/**
 * Whether tokens [first, last) hold a verb of their own: not a verb past a subordinator ("added two goals
 * as the Falcons beat Lakeshore"), not the verb of a relative clause on a noun ("thanked the volunteers who
 * counted ballots"), not a participle used as an adjective ("a catalogue of 500 known binary asteroids",
 * "sue developer over cracked foundations").
 */
function hasOwnVerb(seg: Segmented, first: number, last: number): boolean {
  let inRelative = false;
  for (let i = first; i < last; i++) {
    const t = seg.tokens[i];
    if (i > first && RELATIVES.has(t.lower) && seg.tokens[i - 1].pos === 'NOUN') {
      inRelative = true;
      continue;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      // the relative clause's own verb (and its auxiliaries) belongs to the noun phrase
      if (inRelative) {
        if (t.pos === 'VERB') inRelative = false;
        continue;
      }
      if (t.pos === 'VERB' && (isAttributiveParticiple(seg, i) || isCompoundPart(seg, i))) continue;
      return true;
    }
    if (t.pos === 'SCONJ' && t.lower !== 'that' || SUBORDINATORS.has(t.lower)) return false;
  }
  return false;
}

/** "a pipe-replacement schedule": a word joined by a hyphen to the next is part of a compound, not a verb. */
function isCompoundPart(seg: Segmented, i: number): boolean {
  const next = seg.tokens[i + 1];
  return next !== undefined && next.text === '-' && next.start === seg.tokens[i].end && seg.tokens[i + 2]?.start === next.end;
}

/** A participle between a determiner, number, adjective or preposition and a noun: "500 known binary asteroids". */
function isAttributiveParticiple(seg: Segmented, i: number): boolean {
  const t = seg.tokens[i];
  if (!/(?:ed|en|wn|nt)$/.test(t.lower)) return false;
  const before = seg.tokens[i - 1]?.pos;
  if (before !== 'DET' && before !== 'NUM' && before !== 'ADJ' && before !== 'ADP') return false;
  const next = seg.tokens[i + 1];
  return next?.pos === 'NOUN' || next?.pos === 'ADJ' && seg.tokens[i + 2]?.pos === 'NOUN';
}

/**
 * Verbs of saying whose other senses take a noun object: "added two goals", "added 0.6 per cent",
 * "told reporters" (no words), "reported a loss", "posted a win", "called off the game", "charged with
 * fraud", "claimed the title", "maintained its lead", "noted for its …". With a noun phrase as their
 * only content they report nothing said. The team's list, from the error patterns in sports,
 * markets, courts and health news.
 */
const OTHER_SENSE_ON_NOUN = new Set([
  'say', 'tell', 'add', 'write', 'report', 'post', 'note', 'call', 'continue', 'begin', 'point', 'charge',
  'claim', 'maintain', 'repeat', 'observe', 'snap', 'thunder', 'state', 'answer', 'counter', 'chime',
  'speak', 'reveal', 'signal', 'indicate', 'sigh', 'laugh',
]);
/** "called off the game", "called up a reserve": "call" with these particles is no naming or demand. */
const OTHER_SENSE_PARTICLES = /\bcall(?:s|ed|ing)?\s+(?:off|up|back|in)$/i;

/**
 * What the speech-sense refiner does with a statement the learned tagger found alone:
 * - `drop` with `speech-sense/other-sense` where a verb of saying takes a noun object in another sense
 *   ("He added two more goals");
 * - `retype` where a speech act or another verb takes a noun object that is no words said ("urged a
 *   review", "has denied wrongdoing", "criticized the ruling"): an `attitude` toward that object, not a
 *   statement;
 * - undefined where the content holds something said.
 */
export function speechSenseOf(seg: Segmented, p: ProposedAttribution): { drop: string } | { retype: 'attitude' | 'intention'; reason: string } | undefined {
  if (p.type !== 'statement' || !p.cue) return undefined;
  if (isLearnedAlone(p) && isTitleBeforeName(seg, p)) return { drop: 'speech-sense/title' };
  if (p.quotes.length === 0 && (isDirective(seg, p) || isPassiveDirective(seg, p))) return { retype: 'attitude', reason: 'speech-sense/directive' };
  // "Council voted 6-3 to approve a fee", "The agreement commits the countries to report": an infinitive
  // is what someone means to do or must do, not words said
  if (isLearnedAlone(p) && isInfinitive(seg, p)) return { retype: 'intention', reason: 'speech-sense/infinitive' };
  const head = cueHeadLemma(seg, p.cue);
  // "added 112 points, or 0.5 per cent", "added nine assists": a quantity is what was added, not words
  if (p.quotes.length === 0 && head !== undefined && OTHER_SENSE_ON_NOUN.has(head) && isQuantityObject(seg, p)) return { drop: 'speech-sense/other-sense' };
  // A rule that agreed on the words but not on a cue of its lexicon ("thanked") vouches for no speech.
  if (!isLearnedAlone(p) && (p.quotes.length > 0 || head === undefined || typeOfCueLemma(head) !== undefined)) return undefined;
  if (holdsSomethingSaid(seg, p.content, p.cue)) return undefined;
  if (head !== undefined && OTHER_SENSE_ON_NOUN.has(head) || OTHER_SENSE_PARTICLES.test(p.cue.text.trim())) return { drop: 'speech-sense/other-sense' };
  return { retype: 'attitude', reason: 'speech-sense/noun-object' };
}

/** Words that measure or count after a number: "112 points", "0.5 per cent", "nine assists". */
const QUANTITY_WORDS = new Set(['per', 'cent', 'percent', '%', 'points', 'point', 'cents', 'goals', 'goal', 'assists', 'assist', 'runs', 'wins', 'saves', 'shots', 'rebounds', 'yards', 'million', 'billion', 'basis', 'more', 'other']);

/**
 * A content after its cue that opens with a quantity ("112 points", "$2 million", "nine assists") and goes
 * on with no verb of its own right after it: the object of "added" or "posted", not a clause said.
 */
function isQuantityObject(seg: Segmented, p: ProposedAttribution): boolean {
  const s = p.content[0];
  if (s.start < p.cue!.end) return false;
  const [first, last] = tokensWithin(seg, s.start, s.end);
  let i = first;
  if (i < last && /^[$€£]$/.test(seg.tokens[i].text)) i++;
  if (i >= last || seg.tokens[i].pos !== 'NUM') return false;
  while (i < last && (seg.tokens[i].pos === 'NUM' || QUANTITY_WORDS.has(seg.tokens[i].lower))) i++;
  const next = seg.tokens[i];
  return i >= last || next.pos !== 'VERB' && next.pos !== 'AUX' && (next.pos === 'PUNCT' || next.pos === 'ADP' || next.lower === 'to');
}

/**
 * "Opposition health critic Rahul Sen was less impressed": a cue of nouns only, straight before a
 * proper name that opens the content, is a title before that name, no speech.
 */
function isTitleBeforeName(seg: Segmented, p: ProposedAttribution): boolean {
  const [first, last] = tokensWithin(seg, p.cue!.start, p.cue!.end);
  if (last <= first) return false;
  // "painting Trump as …": a gerund the tagger reads as a noun is still a verb
  for (let i = first; i < last; i++) if (seg.tokens[i].pos !== 'NOUN' || /ing$/.test(seg.tokens[i].lower)) return false;
  const next = seg.tokens[last];
  return next !== undefined && next.pos === 'PROPN' && /^[A-Z]/.test(next.text) && next.start >= p.content[0].start && next.start <= p.content[0].start + 1;
}

/** A content after its cue that is "to" and a verb, or a noun phrase, "to" and a verb, with no clause or quote before. */
function isInfinitive(seg: Segmented, p: ProposedAttribution): boolean {
  const s = p.content[0];
  if (s.start < p.cue!.end || QUOTE_MARKS.test(seg.text.slice(s.start, s.end))) return false;
  const [first, last] = tokensWithin(seg, s.start, s.end);
  for (let i = first; i < last; i++) {
    const t = seg.tokens[i];
    if (t.lower === 'to' && seg.tokens[i + 1]?.pos === 'VERB') return true;
    if (i === first && COMPLEMENTIZERS.has(t.lower) || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT') return false;
  }
  return false;
}

/** The lemma of the cue's last verb, or of its first word where it has no verb ("according to"). */
function cueHeadLemma(seg: Segmented, cue: Span): string | undefined {
  const [first, last] = tokensWithin(seg, cue.start, cue.end);
  let head: string | undefined;
  for (let i = first; i < last; i++) if (seg.tokens[i].pos === 'VERB') head = seg.tokens[i].lemma;
  return head ?? seg.tokens[first]?.lemma;
}

/** Verbs of urging and requesting: "urged the province to help", "asked staff to study", "called for a review". */
const DIRECTIVES = new Set(['urge', 'ask', 'press', 'encourage', 'invite', 'implore', 'appeal', 'call', 'demand', 'request', 'beg']);

/**
 * A directive with no words said: "urged the province to help retrain workers", "asked staff to report
 * back", "called for a faster schedule". Its content is a noun phrase, alone or followed by "to" and a
 * verb, with no clause, quote or "that" of its own. An attitude toward what is urged, not a statement;
 * "urged that the plant stay open" and "asked whether …" report words and stay statements.
 */
function isDirective(seg: Segmented, p: ProposedAttribution): boolean {
  const head = cueHeadLemma(seg, p.cue!);
  if (head === undefined || !DIRECTIVES.has(head)) return false;
  if (head === 'call' && !/\b(?:for|on|upon)$/i.test(p.cue!.text.trim()) && !/^\s*(?:for|on)\b/i.test(seg.text.slice(p.cue!.end, p.content[0].start + 4))) return false;
  if (p.content[0].start < p.cue!.end) return false;
  const s = p.content[0];
  if (QUOTE_MARKS.test(seg.text.slice(s.start, s.end))) return false;
  const [first, last] = tokensWithin(seg, s.start, s.end);
  for (let i = first; i < last; i++) {
    const t = seg.tokens[i];
    if (i === first && COMPLEMENTIZERS.has(t.lower)) return false;
    if (t.lower === 'to' && seg.tokens[i + 1]?.pos === 'VERB') return true;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !isCompoundPart(seg, i)) return false;
  }
  return true;
}

/**
 * "Staff were asked to report back", "Players were told to stay home": a directive in the passive, its
 * content the instruction ("to" and a verb). No words said: an attitude, whoever found it.
 */
function isPassiveDirective(seg: Segmented, p: ProposedAttribution): boolean {
  const head = cueHeadLemma(seg, p.cue!);
  if (head === undefined || !DIRECTIVES.has(head) && head !== 'tell') return false;
  const [first, last] = tokensWithin(seg, p.cue!.start, p.cue!.end);
  if (last - first < 2 || seg.tokens[first].pos !== 'AUX' || seg.tokens[first].lemma !== 'be') return false;
  return seg.tokens[last]?.lower === 'to' && seg.tokens[last + 1]?.pos === 'VERB';
}
