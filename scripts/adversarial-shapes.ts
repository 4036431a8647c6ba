/**
 * The adversarial inputs of `bench:adversarial` (issue 8), each made to a size in UTF-8 bytes, beside
 * ordinary news prose of the same size. All text comes from sentences the team wrote
 * (src/fuzz/sentences.ts) and the names below.
 */
import { SENTENCES } from '../src/fuzz/sentences.js';

export const SHAPES = ['prose', 'unclosed-quotes', 'no-quote-lines', 'no-punctuation', 'long-quote', 'many-attributions', 'html-page'] as const;
export type Shape = (typeof SHAPES)[number];

export const DESCRIPTIONS: Record<Shape, string> = {
  'prose': 'ordinary news prose, paragraphs of one to three sentences',
  'unclosed-quotes': 'one paragraph of opening quotation marks “ that never close',
  'no-quote-lines': 'paragraphs with no quotation marks, one sentence a line',
  'no-punctuation': 'one long sentence with no punctuation',
  'long-quote': 'one quote running over many paragraphs (each opens with “, none closes until the end)',
  'many-attributions': 'many short attributions, one a paragraph',
  'html-page': 'a long HTML page with many paragraphs of prose',
};

const NAMES = ['Ana Ruiz', 'Tom Hale', 'Kofi Mensah', 'Rachel Stein', 'Li Wei', 'Jean-Paul Moreau', 'Maria Lindqvist', 'Tomás Ferreira'];
const VERBS = ['said', 'told reporters', 'added', 'warned', 'wrote', 'argued'];
const WORDS = 'the council and residents of the town met again on a cold evening to hear what the mayor and her staff planned for the bridge and the ferry and the schools and who would pay for it all'.split(' ');

/** Repeats `unit(i)` for i = 0, 1, … until the text has `bytes` UTF-8 bytes (the last unit cut to fit). */
function fill(bytes: number, unit: (i: number) => string, prefix = '', suffix = ''): string {
  const parts: string[] = [prefix];
  let size = Buffer.byteLength(prefix) + Buffer.byteLength(suffix);
  for (let i = 0; size < bytes; i++) {
    const piece = unit(i);
    parts.push(piece);
    size += Buffer.byteLength(piece);
  }
  let text = parts.join('') + suffix;
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, text.length - Math.max(1, Math.floor((Buffer.byteLength(text) - bytes) / 3)));
  return text;
}

const sentence = (i: number): string => SENTENCES[(i * 7) % SENTENCES.length];
const unquoted = (i: number): string => sentence(i).replace(/["“”‘’']/g, '');

/** The input of a shape, `bytes` long; `html` says whether it is a page. */
export function makeShape(shape: Shape, bytes: number): { text: string; html: boolean } {
  switch (shape) {
    case 'prose':
      return { text: fill(bytes, (i) => `${[0, 1, 2].slice(0, 1 + (i % 3)).map((k) => sentence(i * 3 + k)).join(' ')}\n`), html: false };
    case 'unclosed-quotes':
      return { text: fill(bytes, () => '“'), html: false };
    case 'no-quote-lines':
      return { text: fill(bytes, (i) => `${unquoted(i)}\n`), html: false };
    case 'no-punctuation':
      return { text: fill(bytes, (i) => `${WORDS[i % WORDS.length]} `), html: false };
    case 'long-quote':
      return { text: fill(bytes, (i) => `“${unquoted(i)} ${unquoted(i + 1)}\n`, 'The mayor read her letter aloud:\n', '”'), html: false };
    case 'many-attributions':
      return {
        text: fill(bytes, (i) => (i % 2 === 0
          ? `“${unquoted(i)}” ${NAMES[i % NAMES.length]} ${VERBS[i % VERBS.length]}.\n`
          : `${NAMES[(i + 3) % NAMES.length]} ${VERBS[(i + 1) % VERBS.length]} that ${unquoted(i).replace(/\.$/, '').toLowerCase()}.\n`)),
        html: false,
      };
    case 'html-page':
      return {
        text: fill(bytes, (i) => `<p>${sentence(i).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>\n`,
          '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The long night at city hall</title></head><body><article><h1>The long night at city hall</h1>\n',
          '</article></body></html>'),
        html: true,
      };
  }
}
