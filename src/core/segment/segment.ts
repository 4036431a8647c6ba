/**
 * Segmentation: the analysed text cut into paragraphs, sentences and tokens, each with its
 * [start, end) offsets. Every later stage reads this layer; none edits it.
 *
 * wink-nlp does the tokenizing, sentence splitting and part-of-speech tagging. A line break always
 * ends a sentence here (news paragraphs are lines), which wink-nlp does not guarantee.
 */
import { loadNlp, readDocument } from './nlp.js';
import { startDocument, vocabIdOf } from './vocab-memo.js';

export interface Token {
  /** Index in `Segmented.tokens`. */
  readonly i: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /**
   * The id of `text` in the process's vocabulary (`vocab-memo.ts`): tokens with the same id have the same
   * text. Ids depend on what the process read before, so they key memos and never reach a result.
   */
  readonly vocab: number;
  /** Lower-cased text with curly apostrophes folded to straight ones. */
  readonly lower: string;
  readonly lemma: string;
  /** Universal part-of-speech tag (wink-nlp). */
  readonly pos: string;
  readonly sentence: number;
  readonly paragraph: number;
  /** Whitespace between the previous token and this one. */
  readonly spaceBefore: boolean;
}

export interface Sentence {
  readonly i: number;
  readonly start: number;
  readonly end: number;
  /** First token index. */
  readonly first: number;
  /** One past the last token index. */
  readonly last: number;
  readonly paragraph: number;
}

export interface Paragraph {
  readonly i: number;
  readonly start: number;
  readonly end: number;
}

export interface Segmented {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly paragraphs: readonly Paragraph[];
}

const APOSTROPHES = /[‘’ʼ]/g;

/** Splits `text` into paragraphs (non-blank lines), sentences and tokens. */
export function segment(text: string): Segmented {
  const paragraphs = findParagraphs(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  if (paragraphs.length === 0) return { text, tokens, sentences, paragraphs };

  const its = loadNlp().its;
  const doc = readDocument(text);
  startDocument();
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as typeof its.value) as string[];
  const sentenceOfToken = new Int32Array(values.length);
  doc.sentences().each((s: { out: (f: unknown) => unknown }, k: number) => {
    const [a, b] = s.out(its.span) as [number, number];
    sentenceOfToken.fill(k, a, b + 1);
  });

  let cursor = 0;
  let paragraph = 0;
  let winkSentence = -1;
  let sentenceStartToken = 0;
  const closeSentence = () => {
    if (tokens.length > sentenceStartToken) {
      const first = tokens[sentenceStartToken];
      const last = tokens[tokens.length - 1];
      sentences.push({ i: sentences.length, start: first.start, end: last.end, first: sentenceStartToken, last: tokens.length, paragraph: first.paragraph });
    }
    sentenceStartToken = tokens.length;
  };
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    // "ts..o": wink-nlp reads an empty word between the two periods; it has no text, so no token
    if (value.length === 0) continue;
    const at = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    if (at < 0) continue; // wink-nlp normalised the token; it carries no place in the text
    const end = at + value.length;
    if (value.charCodeAt(0) <= 32) {
      // line breaks and tabs (wink-nlp's `tabCRLF` tokens) begin with a control character
      cursor = end;
      continue;
    }
    while (paragraph < paragraphs.length - 1 && at >= paragraphs[paragraph].end) paragraph++;
    const lineBreak = tokens.length > 0 && tokens[tokens.length - 1].paragraph !== paragraph;
    if (lineBreak || sentenceOfToken[k] !== winkSentence) {
      closeSentence();
      winkSentence = sentenceOfToken[k];
    }
    const folded = value.toLowerCase();
    const lower = folded.includes('’') || folded.includes('‘') || folded.includes('ʼ') ? folded.replace(APOSTROPHES, "'") : folded;
    tokens.push({
      i: tokens.length,
      start: at,
      end,
      text: value,
      vocab: vocabIdOf(value),
      lower,
      lemma: lemmas[k] ?? lower,
      pos: tags[k] ?? 'X',
      sentence: sentences.length,
      paragraph,
      spaceBefore: at > cursor,
    });
    cursor = end;
  }
  closeSentence();
  retagAuxiliarySurnames(tokens);
  return { text, tokens, sentences, paragraphs };
}

/** Auxiliaries that are also forms of "be" or "have": never read as a surname. Source: English auxiliaries. */
const BE_OR_HAVE: ReadonlySet<string> = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'having', 'had']);

/**
 * wink-nlp tags some short surnames as auxiliaries or verbs ("Das", "Do", "Will", "Said"); where the word
 * stands as a name it becomes a proper noun: after a name and before no verb or capitalized word ("Envoy
 * Anil Das, who led…", "Goaltender Jonas Will,", "Karim Said, said"), or before a verb in the past ("“…,”
 * Do said.", "Said told reporters"), which follows no auxiliary (an auxiliary is followed by its subject
 * or its bare verb). "Trump Will Sign Order" and "Will the council vote?" keep their tags.
 */
function retagAuxiliarySurnames(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== 'AUX' && t.pos !== 'VERB' || !/^[A-Z][a-z]+$/.test(t.text) || BE_OR_HAVE.has(t.lower)) continue;
    const next = tokens[i + 1]?.sentence === t.sentence ? tokens[i + 1] : undefined;
    const previous = tokens[i - 1]?.sentence === t.sentence ? tokens[i - 1] : undefined;
    const beforePastVerb = next !== undefined && next.pos === 'VERB' && next.lemma !== next.lower && !next.lower.endsWith('ing');
    const afterName = previous !== undefined && previous.pos === 'PROPN' && /^[A-Z]/.test(previous.text)
      && (next === undefined || next.pos !== 'VERB' && next.pos !== 'AUX' && next.pos !== 'PROPN' && !/^[A-Z]/.test(next.text));
    if (beforePastVerb || afterName) tokens[i] = { ...t, pos: 'PROPN', lemma: t.lower };
  }
}

/** Paragraphs are the non-blank lines of the text, trimmed of surrounding whitespace. */
export function findParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const line = /[^\r\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({ i: out.length, start, end });
  }
  return out;
}
