/**
 * Speaker spans that name the wrong words:
 *
 *   relative clause:  "Councillor Rita Alvarez, who proposed the delay, said she was relieved."
 *                     "One mother, who asked not to be named, said …"
 *     the speaker is the noun phrase the relative clause describes, never "who" (`speaker/relative-antecedent`),
 *     and the request for anonymity is no attribution of its own (`speaker/relative-clause-aside`);
 *   "whose":          "The clinics are run by the Health Team, whose director, Martin Oduya, said …"
 *     the speaker is what "whose" opens, not the organization before it (`speaker/whose-phrase`);
 *   according to:     "The arena would open in 2029, according to a spokeswoman for the city, Jen Park."
 *     the words after "according to" name the source, appositive name included, and are no content
 *     (`speaker/according-to-appositive`); "The driver fled the scene, according to police." gives the police
 *     the whole clause before the comma (`content/according-to-clause`).
 */
import type { Segmented } from '../segment/segment.js';
import { isPunct, spanOfTokens, tokenAtOrAfter, tokensWithin } from '../segment/lookup.js';
import { nounPhraseEndingAt } from './noun-phrase.js';
import type { Refiner } from './refine.js';
import { isLearnedAlone } from './speech-sense.js';

const RELATIVES = new Set(['who', 'which', 'whose', 'whom']);
/** A dateline: a place in capitals and a dash, "HALDEN — ", "PORT ELLIS, Norland — ". */
const DATELINE = /^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .'’-]*)?\s+[—–-]\s+/;
const TRAILING_RELATIVE = /,\s*(?:who|which)\s*$/;
/** ", whose" opening a role and then a name ("whose director, Martin Oduya"): what follows it is the speaker. */
const WHOSE = /,\s*whose\s+(?=[^,]+,\s*[A-Z])/;


/**
 * The subject of a speech verb that has none right before it, as tokens [first, last):
 *   "The Carriers’ Union, which represents the staff, called the closure “a betrayal.”": the noun phrase
 *     before a relative clause that ends at the verb;
 *   "The Comets’ captain scored twice and called the win “a message.”": the subject of the first verb
 *     when the verb is the second of two joined by "and" (no comma, quote or clause between them).
 */
function subjectAcrossAside(seg: Segmented, cueStart: number, cueEnd: number): [number, number] | undefined {
  const [cue] = tokensWithin(seg, cueStart, cueEnd);
  const verb = seg.tokens[cue];
  if (verb?.pos !== 'VERB') return undefined;
  const floor = seg.sentences[verb.sentence].first;
  const before = seg.tokens[cue - 1];
  if (cue - 1 <= floor || before.sentence !== verb.sentence) return undefined;
  if (before.text === ',') {
    for (let k = cue - 2; k > floor; k--) {
      const t = seg.tokens[k];
      if (QUOTE_MARKS.has(t.text)) return undefined;
      if (t.text !== ',') continue;
      if (!ASIDE_RELATIVES.has(seg.tokens[k + 1].lower)) return undefined;
      const np = nounPhraseEndingAt(seg, k, floor);
      return np >= 0 && opensClause(seg, floor, np) ? [np, k] : undefined;
    }
    return undefined;
  }
  if (before.lower !== 'and') return undefined;
  let v = floor;
  while (v < cue - 1 && seg.tokens[v].pos !== 'VERB' && seg.tokens[v].pos !== 'AUX') v++;
  if (v >= cue - 1) return undefined;
  for (let k = v; k < cue - 1; k++) {
    const t = seg.tokens[k];
    if (t.text === ',' || QUOTE_MARKS.has(t.text) || t.pos === 'SCONJ' || t.pos === 'CCONJ' || RELATIVES.has(t.lower)) return undefined;
  }
  const np = nounPhraseEndingAt(seg, v, floor);
  return np >= 0 && opensClause(seg, floor, np) ? [np, v] : undefined;
}

const ASIDE_RELATIVES = new Set(['who', 'which']);
const QUOTE_MARKS = new Set(['“', '”', '"', '‘', '’']);

/** The noun phrase at `np` opens its sentence, or follows only a dateline or an introductory phrase and its comma. */
function opensClause(seg: Segmented, floor: number, np: number): boolean {
  if (np === floor) return true;
  const t = seg.tokens[np - 1];
  return t.text === '—' || t.text === '–' || t.text === ',' && !seg.tokens.slice(floor, np).some((x) => x.pos === 'VERB' || x.pos === 'AUX');
}

/** The refiner over proposals: a corrected proposal where its speaker or its "according to" content is wrong. */
export const correctSpeakers: Refiner = (seg, proposals) => (k) => {
  let p = proposals[k];
  // "HALDEN — The former treasurer of …": a dateline opening the sentence is no part of the speaker
  if (p.source) {
    const dateline = DATELINE.exec(p.source.text);
    if (dateline && dateline[0].length < p.source.text.length) {
      const start = p.source.start + dateline[0].length;
      p = { ...p, source: { start, end: p.source.end, text: seg.text.slice(start, p.source.end) }, reasons: [...p.reasons, 'speaker/dateline'] };
    }
  }
  // "Graduate student Priya Raman, who wrote the software …, thanked the crew": the speaker is the noun
  // phrase before ", who", and what the relative clause says is an aside, no attribution of its own.
  if (p.source && TRAILING_RELATIVE.test(p.source.text)) {
    const m = TRAILING_RELATIVE.exec(p.source.text)!;
    const end = p.source.start + m.index;
    const asideCue = p.cue !== undefined && p.cue.start - p.source.end < 3 && isLearnedAlone(p);
    if (asideCue) return 'speaker/relative-clause-aside';
    p = { ...p, source: { start: p.source.start, end, text: seg.text.slice(p.source.start, end) }, reasons: [...p.reasons, 'speaker/relative-antecedent'] };
  }
  // "the Health Team, whose executive director, Martin Oduya, said": the speaker is what "whose" opens.
  if (p.source) {
    const whose = WHOSE.exec(p.source.text);
    if (whose && whose.index + whose[0].length < p.source.text.length) {
      const start = p.source.start + whose.index + whose[0].length;
      p = { ...p, source: { start, end: p.source.end, text: seg.text.slice(start, p.source.end) }, reasons: [...p.reasons, 'speaker/whose-phrase'] };
    }
  }
  if (!p.source && p.cue) {
    const subject = subjectAcrossAside(seg, p.cue.start, p.cue.end);
    if (subject) p = { ...p, source: spanOfTokens(seg, subject[0], subject[1]), reasons: [...p.reasons, 'speaker/subject-across-aside'] };
  }
  const source = p.source;
  if (source) {
    const [first] = tokensWithin(seg, source.start, source.end);
    const t = seg.tokens[first];
    const comma = first - 1;
    if (t && RELATIVES.has(t.lower) && isPunct(seg.tokens[comma], ',') && seg.tokens[comma].sentence === t.sentence) {
      const floor = seg.sentences[t.sentence].first;
      const np = nounPhraseEndingAt(seg, comma, floor);
      // "One mother, who asked not to be named, said …": the request for anonymity inside the relative
      // clause is an aside about the speaker, not an attribution of its own.
      const words = seg.text.slice(p.content[0].start, p.content[0].end).trim();
      if (p.cue && p.cue.start < source.end + 40 && /^(?:not to be|to not be)\b/i.test(words) && /,\s*$/.test(seg.text.slice(p.content[0].end, p.content[0].end + 2))) return 'speaker/relative-clause-aside';
      if (np >= 0) p = { ...p, source: spanOfTokens(seg, np, comma), reasons: [...p.reasons, 'speaker/relative-antecedent'] };
    }
  }
  // "The driver fled the scene, according to police.": the content is the whole clause before the comma.
  if (p.cue && /^according to$/i.test(p.cue.text.trim()) && p.content.length === 1 && p.content[0].end <= p.cue.start) {
    const [cueFirst] = tokensWithin(seg, p.cue.start, p.cue.end);
    const sentence = seg.sentences[seg.tokens[cueFirst].sentence];
    const comma = cueFirst - 1;
    const start = seg.tokens[sentence.first].start;
    if (isPunct(seg.tokens[comma], ',') && comma > sentence.first && p.content[0].start > start && !/[“”"]/.test(seg.text.slice(start, p.content[0].start))) {
      p = { ...p, content: [{ start, end: seg.tokens[comma - 1].end }], reasons: [...p.reasons, 'content/according-to-clause'] };
    }
  }
  if (p.cue && /^according to$/i.test(p.cue.text.trim()) && p.content.length > 1 && p.content[0].end <= p.cue.start) {
    const content = p.content.filter((s) => s.end <= p.cue!.start);
    let next = { ...p, content, reasons: [...p.reasons, 'speaker/according-to-appositive'] };
    // ", according to a spokeswoman for the district, Jen Park": the name after the comma is the source's too
    if (next.source && next.source.start >= p.cue.end) {
      const after = tokenAtOrAfter(seg, next.source.end);
      const sentence = seg.sentences[seg.tokens[after]?.sentence ?? -1];
      if (sentence && isPunct(seg.tokens[after], ',')) {
        let end = after + 1;
        while (end < sentence.last && (seg.tokens[end].pos === 'PROPN' || seg.tokens[end].pos === 'NOUN' && /^[A-Z]/.test(seg.tokens[end].text))) end++;
        if (end > after + 1 && (end === sentence.last || isPunct(seg.tokens[end], '.!?'))) next = { ...next, source: spanOfTokens(seg, tokenAtOrAfter(seg, next.source.start), end) };
      }
    }
    p = next;
  }
  return p === proposals[k] ? undefined : p;
};
