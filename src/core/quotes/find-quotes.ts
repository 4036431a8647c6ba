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
  /** Per slot of `found`, the slot of the quote open around it when it opened. */
  const parentSlots: (number | undefined)[] = [];
  let carried: Open | undefined;
  const marks = markOffsets(text);
  let nextMark = 0;
  /** The diagnostic of the paragraph's marks past `MAX_OPEN_QUOTES`, once the cap is reached. */
  let tooDeep: { diagnostic: Diagnostic; ignored: number } | undefined;

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
    let from = skipFirst ? para.start + markAt(text, para.start).width : para.start;
    tooDeep = undefined;
    // the text's marks are indexed once: a paragraph without marks costs nothing, and no search runs past its end
    while (nextMark < marks.length && marks[nextMark] < from) nextMark++;
    for (; nextMark < marks.length && marks[nextMark] < para.end; nextMark++) {
      const i = marks[nextMark];
      if (i < from) continue; // the second half of a two-character mark ('')
      const { info, width } = markAt(text, i);
      if (!info) continue;
      from = i + width;
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

  const quotes = renumber(found, parentSlots);
  return { quotes, diagnostics };

  function pushOpen(stack: Open[], family: MarkFamily, at: number) {
    if (stack.length >= MAX_OPEN_QUOTES) {
      ignoreTooDeep(at);
      return;
    }
    const parentOpen = stack[stack.length - 1];
    const slot = found.length;
    found.push(undefined);
    parentSlots.push(parentOpen?.slot);
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

  /** An opening mark past the cap: not read as a quote, and counted in the paragraph's one diagnostic. */
  function ignoreTooDeep(at: number) {
    if (!tooDeep) {
      tooDeep = { diagnostic: tooDeepAt(at), ignored: 0 };
      diagnostics.push(tooDeep.diagnostic);
    }
    tooDeep.ignored++;
    (tooDeep.diagnostic as { actual?: string }).actual = `${MAX_OPEN_QUOTES} quotes open and ${tooDeep.ignored} more opening mark${tooDeep.ignored === 1 ? '' : 's'} in the paragraph`;
  }
}

/**
 * Quotes open at once, at most: news nests a quote in a quote, rarely three deep. Past this a text is
 * no prose (100 KB of “), so the marks past it are not read as quotes (diagnostic `quotes/too-deep`),
 * which keeps the scan linear.
 */
export const MAX_OPEN_QUOTES = 32;

function tooDeepAt(at: number): Diagnostic {
  return {
    code: 'quotes/too-deep',
    severity: 'warning',
    message: `More than ${MAX_OPEN_QUOTES} quotes open at once; opening marks past that were not read as quotes.`,
    span: { start: at, end: at + 1 },
    actual: '',
    expected: `at most ${MAX_OPEN_QUOTES} quotes open at once`,
  };
}

/** The offsets of the text's mark characters, in order. */
function markOffsets(text: string): number[] {
  const out: number[] = [];
  MARK_CHARS.lastIndex = 0;
  for (let m = MARK_CHARS.exec(text); m; m = MARK_CHARS.exec(text)) out.push(m.index);
  return out;
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

/**
 * Drops discarded slots and fixes up indices, parents and depths. A quote whose parent was discarded
 * gets the nearest kept quote that was open around it (`parentSlots` up the chain), which is the nearest
 * kept quote containing it. Each slot's answers are worked out once, so this is linear in the slots.
 */
function renumber(found: readonly (Quote | undefined)[], parentSlots: readonly (number | undefined)[]): Quote[] {
  const index = new Int32Array(found.length).fill(-1);
  const kept: Quote[] = [];
  for (let k = 0; k < found.length; k++) {
    if (!found[k]) continue;
    index[k] = kept.length;
    kept.push(found[k]!);
  }
  /** Per slot, the kept slot nearest up its chain (-1: none; -2: not yet worked out). */
  const keptAbove = new Int32Array(found.length).fill(-2);
  const nearestKeptAbove = (slot: number): number => {
    const path: number[] = [];
    let s = parentSlots[slot];
    let answer = -1;
    while (s !== undefined) {
      if (index[s] >= 0) { answer = s; break; }
      if (keptAbove[s] !== -2) { answer = keptAbove[s]; break; }
      path.push(s);
      s = parentSlots[s];
    }
    for (const p of path) keptAbove[p] = answer;
    return answer;
  };
  /**
   * Per slot, how many kept quotes its chain of own parents holds before the first discarded one: the
   * depth below a kept parent (slots open in document order, so a parent's count comes first).
   */
  const chain = new Int32Array(found.length);
  for (let k = 0; k < found.length; k++) {
    const p = parentSlots[k];
    chain[k] = p !== undefined && index[p] >= 0 ? chain[p] + 1 : 0;
  }
  return kept.map((q, i) => {
    let parent = q.parent !== undefined && index[q.parent] >= 0 ? index[q.parent] : undefined;
    let parentSlot = parent !== undefined ? q.parent : undefined;
    if (parent === undefined && q.parent !== undefined) {
      const above = nearestKeptAbove(q.i);
      if (above >= 0) { parent = index[above]; parentSlot = above; }
    }
    const depth = parentSlot !== undefined ? chain[parentSlot] + 1 : 0;
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
