/**
 * Finds the quoted stretches of a text from its quotation marks: nested quotes, quotes that run over
 * several paragraphs (each paragraph opens a mark, only the last closes), and marks that never close
 * (a diagnostic, never a crash). Single marks are told apart from apostrophes by their neighbours:
 * "‘Yes,’ she said" opens and closes, "can’t" and "the ’90s" do not.
 */
import type { Diagnostic, Span } from '../analysis.js';
import type { Paragraph } from '../segment/segment.js';
import { QUOTE_MARKS, type MarkFamily, type MarkInfo } from './marks.js';

export interface Quote {
  /** Index in the list, document order of the opening mark. */
  readonly i: number;
  /** From the opening mark to the closing mark, both included. */
  readonly start: number;
  readonly end: number;
  /** One segment per paragraph the quote runs over, marks included. */
  readonly segments: readonly Span[];
  readonly family: MarkFamily;
  /** 0 for a quote at top level, 1 inside another quote, … */
  readonly depth: number;
  /** The quote this one is inside of. */
  readonly parent?: number;
  /** False where the closing mark is missing and the quote was ended at its paragraph's end. */
  readonly closed: boolean;
}

export interface QuoteLayer {
  readonly quotes: readonly Quote[];
  readonly diagnostics: readonly Diagnostic[];
}

interface Open {
  family: MarkFamily;
  start: number;
  segmentStart: number;
  segments: Span[];
  slot: number;
  parent?: number;
}

/** Every character that can be (part of) a quotation mark; the scan jumps from one to the next. */
const MARK_CHARS = /[“”„«»"'‘’`]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const OPENING_CONTEXT = /[\s([{\u2014\u2013—–\-/“‘"'«„:]/u;

/** Finds every quote in the text, paragraph by paragraph. */
export function findQuotes(text: string, paragraphs: readonly Paragraph[]): QuoteLayer {
  const found: (Quote | undefined)[] = [];
  const diagnostics: Diagnostic[] = [];
  let carried: Open | undefined;

  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    const stack: Open[] = [];
    if (carried) {
      const opener = markAt(text, para.start).info;
      if (opener && opener.family === 'double' && opener.role !== 'close') {
        carried.segmentStart = para.start;
        stack.push(carried);
      } else {
        carried.segments.pop();
        endUnclosed(carried, paragraphs[p - 1].end);
      }
      carried = undefined;
    }
    const skipFirst = stack.length > 0;
    MARK_CHARS.lastIndex = skipFirst ? para.start + markAt(text, para.start).width : para.start;
    for (let found = MARK_CHARS.exec(text); found && found.index < para.end; found = MARK_CHARS.exec(text)) {
      const i = found.index;
      const { info, width } = markAt(text, i);
      if (!info) continue;
      MARK_CHARS.lastIndex = i + width;
      const before = i > para.start ? text[i - 1] : ' ';
      const after = i + width < para.end ? text[i + width] : ' ';
      const end = i + width;

      const openOfFamily = findOpen(stack, info.family);
      if (info.family === 'single') {
        // "can’t", "Kim’s", "rock ’n’ roll", "the ’90s": apostrophes, not marks.
        const wordInside = LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after);
        if (wordInside) continue;
        const canOpen = OPENING_CONTEXT.test(before) && LETTER_OR_DIGIT.test(after) && info.role !== 'close';
        const canClose = openOfFamily >= 0 && !/\s/.test(before) && !LETTER_OR_DIGIT.test(after);
        if (canClose && (info.role !== 'open')) {
          closeAt(stack, openOfFamily, end);
        } else if (canOpen || (info.role === 'open' && LETTER_OR_DIGIT.test(after))) {
          pushOpen(stack, 'single', end - width);
        }
        continue;
      }
      // Double marks.
      if (info.role === 'open') {
        pushOpen(stack, 'double', end - width);
      } else if (info.role === 'close') {
        if (openOfFamily >= 0) closeAt(stack, openOfFamily, end);
        else diagnostics.push(strayClose(i));
      } else {
        // A straight mark closes an open double unless it plainly opens a nested one (space before,
        // a word after); with nothing open, 12" after a digit is a measurement.
        const plainlyOpens = /\s/.test(before) && LETTER_OR_DIGIT.test(after);
        if (openOfFamily >= 0 && !plainlyOpens) closeAt(stack, openOfFamily, end);
        else if (openOfFamily < 0 && /\d/.test(before) && !LETTER_OR_DIGIT.test(after)) continue;
        else pushOpen(stack, 'double', end - width);
      }
    }
    // Unclosed singles at a paragraph's end were apostrophes after all.
    while (stack.length && stack[stack.length - 1].family === 'single') discard(stack.pop()!);
    if (stack.length) {
      const outer = stack[0];
      for (const inner of stack.slice(1).reverse()) endUnclosed(inner, para.end);
      outer.segments.push({ start: outer.segmentStart, end: para.end });
      carried = outer;
    }
  }
  if (carried) {
    const last = paragraphs[paragraphs.length - 1];
    carried.segments.pop();
    endUnclosed(carried, last.end);
  }

  const quotes = renumber(found);
  return { quotes, diagnostics };

  function pushOpen(stack: Open[], family: MarkFamily, at: number) {
    const parentOpen = stack[stack.length - 1];
    const slot = found.length;
    found.push(undefined);
    stack.push({ family, start: at, segmentStart: at, segments: [], slot, parent: parentOpen?.slot });
  }

  function closeAt(stack: Open[], index: number, end: number) {
    // Marks opened after the one being closed and never closed themselves were apostrophes or typos.
    while (stack.length - 1 > index) {
      const dropped = stack.pop()!;
      if (dropped.family === 'double') diagnostics.push(unbalanced(dropped.start, end));
      discard(dropped);
    }
    const open = stack.pop()!;
    open.segments.push({ start: open.segmentStart, end });
    record(open, end, true);
  }

  function endUnclosed(open: Open, end: number) {
    open.segments.push({ start: open.segmentStart, end });
    diagnostics.push(unbalanced(open.start, end));
    record(open, end, false);
  }

  function record(open: Open, end: number, closed: boolean) {
    found[open.slot] = {
      i: open.slot,
      start: open.start,
      end,
      segments: open.segments,
      family: open.family,
      depth: 0,
      ...(open.parent !== undefined && { parent: open.parent }),
      closed,
    };
  }

  function discard(open: Open) {
    found[open.slot] = undefined;
  }
}

/**
 * The mark at `i` and its width: two apostrophes ('') or two backticks (``) stand for a double mark in
 * feeds that have only ASCII, as in ''We won,'' she said.
 */
function markAt(text: string, i: number): { info: MarkInfo | undefined; width: number } {
  const ch = text[i];
  if ((ch === "'" || ch === '`') && text[i + 1] === ch) return { info: ch === '`' ? BACKTICKS : QUOTE_MARKS['"'], width: 2 };
  return { info: QUOTE_MARKS[ch], width: 1 };
}

const BACKTICKS: MarkInfo = { family: 'double', role: 'open' };

function findOpen(stack: readonly Open[], family: MarkFamily): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].family === family) return k;
  return -1;
}

/** Drops discarded slots and fixes up indices, parents and depths. */
function renumber(found: readonly (Quote | undefined)[]): Quote[] {
  const index = new Map<number, number>();
  const kept: Quote[] = [];
  for (let k = 0; k < found.length; k++) {
    const q = found[k];
    if (!q) continue;
    index.set(k, kept.length);
    kept.push(q);
  }
  return kept.map((q, i) => {
    let parent = q.parent !== undefined ? index.get(q.parent) : undefined;
    // A parent that was discarded: climb to the nearest kept quote that contains this one.
    if (parent === undefined && q.parent !== undefined) {
      for (let k = i - 1; k >= 0; k--) if (kept[k].start < q.start && kept[k].end >= q.end) { parent = k; break; }
    }
    let depth = 0;
    for (let p = parent; p !== undefined; p = kept[p].parent !== undefined ? index.get(kept[p].parent!) : undefined) depth++;
    const { parent: _old, ...rest } = q;
    void _old;
    return { ...rest, i, depth, ...(parent !== undefined && { parent }) };
  });
}

function unbalanced(start: number, end: number): Diagnostic {
  return {
    code: 'quotes/unbalanced-mark',
    severity: 'warning',
    message: 'A quotation mark opens here and never closes; the quote was ended at its paragraph’s end.',
    span: { start, end: start + 1 },
    expected: 'a closing quotation mark',
    actual: `end of paragraph at offset ${end}`,
  };
}

function strayClose(at: number): Diagnostic {
  return {
    code: 'quotes/unbalanced-mark',
    severity: 'warning',
    message: 'A closing quotation mark with no opening mark before it.',
    span: { start: at, end: at + 1 },
    expected: 'an opening quotation mark earlier in the paragraph',
    actual: 'a closing mark',
  };
}
