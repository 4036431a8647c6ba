/**
 * The checkable parts of a Markdown file, so that a test can run every command and example the README
 * shows and compare what they print (see "Checked examples" in the README's Development section):
 *
 * - a fenced block whose info string is `console` is a transcript: each line starting `$ ` is a command,
 *   the lines after it (up to the next command or the block's end) are what it prints on stdout;
 * - a fenced block whose info string is `ts example` (or `js example`) is a program to run; a fenced
 *   block right after it with the info string `text output` is what it prints;
 * - in expected output a line that is just `…` stands for any number of lines (none included), so a
 *   long output can be shown in part; every other line must match exactly (trailing spaces ignored).
 *
 * A `console session` block is a stateful walk-through (each command reads what the one before wrote), run
 * in order by a test of its own (the corpus's: src/cli/corpus/readme.test.ts), not here.
 * Other fenced blocks (`sh` synopses, `jsonc`, tables) are prose and are not run.
 */

/** A command of a transcript, with the line of the Markdown file it is on (1-based). */
export interface Command {
  kind: 'command';
  line: number;
  command: string;
  expected: string[];
}

/** An example program, with its expected output where the README shows one. */
export interface Example {
  kind: 'example';
  line: number;
  language: 'ts' | 'js';
  code: string;
  expected?: string[];
}

export type Checkable = Command | Example;

interface Fence {
  info: string;
  /** The line of the opening fence (1-based). */
  line: number;
  body: string[];
}

/** The fenced blocks of a Markdown text, in order. */
export function fences(markdown: string): Fence[] {
  const out: Fence[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].startsWith(open[1])) body.push(lines[j++]);
    out.push({ info: open[2].trim(), line: i + 1, body });
    i = j;
  }
  return out;
}

/** The commands and examples a Markdown text marks as checkable. */
export function checkables(markdown: string): Checkable[] {
  const blocks = fences(markdown);
  const out: Checkable[] = [];
  blocks.forEach((block, b) => {
    if (block.info === 'console') {
      let current: Command | undefined;
      block.body.forEach((text, k) => {
        if (text.startsWith('$ ')) {
          current = { kind: 'command', line: block.line + 1 + k, command: text.slice(2).trim(), expected: [] };
          out.push(current);
        } else if (current) {
          current.expected.push(text);
        } else if (text.trim() !== '') {
          throw new Error(`line ${block.line + 1 + k}: output before any "$ " command in a console block`);
        }
      });
    } else if (/^(ts|js) example$/.test(block.info)) {
      const next = blocks[b + 1];
      out.push({
        kind: 'example', line: block.line, language: block.info.startsWith('ts') ? 'ts' : 'js', code: block.body.join('\n') + '\n',
        ...(next?.info === 'text output' && { expected: next.body }),
      });
    }
  });
  return out;
}

/** The marker of elided lines in expected output. */
export const ELLIPSIS = '…';

/**
 * Whether `actual` (lines) is what `expected` shows: equal line for line, where an `…` line matches any
 * run of lines. Trailing whitespace and a trailing empty line are ignored.
 */
export function matchesOutput(expected: readonly string[], actual: readonly string[]): boolean {
  const clean = (lines: readonly string[]) => {
    const out = lines.map((l) => l.trimEnd());
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  };
  const want = clean(expected);
  const got = clean(actual);
  // memoized walk: want[i..] against got[j..]
  const memo = new Map<number, boolean>();
  const walk = (i: number, j: number): boolean => {
    const key = i * (got.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === want.length) result = j === got.length;
    else if (want[i] === ELLIPSIS) result = walk(i + 1, j) || (j < got.length && walk(i, j + 1));
    else result = j < got.length && want[i] === got[j] && walk(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return walk(0, 0);
}
