/**
 * chrono-node's casual English parser, with its two costliest patterns run only where they can match.
 *
 * "Three days ago" and "two weeks later" are read by patterns built from every number word and time
 * unit chrono knows; each is a few hundred characters, case-insensitive, and V8 spends ~7 ms turning
 * each into bytecode on its first run and ~150 ms into machine code once it runs often (measured on this
 * machine, Node 20). Neither can match a text without the word that closes it ("ago", "before",
 * "earlier"; "later", "after", "from now", "henceforth", "forward", "out"), so each runs behind a test
 * for that word: the results are chrono's own, for every text, and a one-paragraph article whose dates
 * are "on Monday" never builds either pattern.
 */
import { casual, type Chrono } from 'chrono-node/en';

type Parser = Chrono['parsers'][number];

/** How a gated pattern ends, as chrono writes it, and the test that must pass for it to run. */
const GATES: readonly { ending: string; needs: RegExp }[] = [
  { ending: '\\s{0,5}(?:ago|before|earlier)(?=\\W|$)', needs: /(?:ago|before|earlier)(?=\W|$)/i },
  {
    ending: '\\s{0,5}(?:later|after|from now|henceforth|forward|out)(?=(?:\\W|$))',
    needs: /(?:later|after|from now|henceforth|forward|out)(?=\W|$)/i,
  },
];

/** A pattern that matches nothing: what a gated parser offers a text without its word. */
const NOTHING = /(?!)/;

/** The parser, run only on texts where `needs` finds its closing word. */
function gated(parser: Parser, needs: RegExp): Parser {
  return {
    pattern: (context) => (needs.test(context.text) ? parser.pattern(context) : NOTHING),
    extract: (context, match) => parser.extract(context, match),
  };
}

/** The gate a parser's pattern ends with, if any: its own pattern is read once, here, never run. */
function gateOf(parser: Parser): RegExp | undefined {
  const inner = (parser as { innerPattern?: (context: unknown) => RegExp }).innerPattern;
  if (typeof inner !== 'function') return undefined;
  let source: string;
  try {
    source = inner.call(parser, { option: {} }).source;
  } catch {
    return undefined; // a parser whose pattern needs more of a context than this is not one of the two
  }
  return GATES.find((gate) => source.endsWith(gate.ending))?.needs;
}

function gatedCasual(): { parser: Chrono; gatedCount: number } {
  const parser = casual.clone();
  let gatedCount = 0;
  parser.parsers = parser.parsers.map((p) => {
    const needs = gateOf(p);
    if (needs === undefined) return p;
    gatedCount++;
    return gated(p, needs);
  });
  return { parser, gatedCount };
}

const built = gatedCasual();

/** chrono's casual English parser with the gates above. */
export const dateParser: Chrono = built.parser;

/** How many of chrono's parsers run behind a gate (2 with the chrono-node this package pins). */
export const GATED_PARSERS: number = built.gatedCount;
