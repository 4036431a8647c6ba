/**
 * `whosaid trace TEXT|ATTRIBUTION-ID`: every copy of a statement across the corpus, earliest first; a
 * copy whose words differ from the earliest is a variant, shown word by word ([-removed-] {+added+},
 * in colour on a terminal).
 */
import type { Copy, Trace } from '../../store/store.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { write, type Io } from '../io.js';
import { DB_OPTION, dbPath, formatOf, parseCommand } from './args.js';
import { TRACE_HELP } from './help.js';
import { formatGrid, green, red } from './output.js';
import { withStore } from './run.js';

/** A variant's words against the earliest copy's: "we are [-much-] closer {+now+}". */
export function formatDiff(diff: NonNullable<Copy['diff']>, terminal: boolean): string {
  return diff
    .map((d) => {
      if (d.op === 'same') return d.text;
      const text = d.text.trim();
      if (terminal) return d.op === 'added' ? green(`{+${text}+}`) : red(`[-${text}-]`);
      return d.op === 'added' ? `{+${text}+}` : `[-${text}-]`;
    })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function formatTrace(trace: Trace, columns: number, terminal: boolean): string[] {
  const n = trace.copies.length;
  const head = `${n} cop${n === 1 ? 'y' : 'ies'} of the statement, earliest first; ${trace.copies.filter((c) => c.variant).length} with other words`;
  const rows = trace.copies.map((c) => [String(c.attributionId), c.publishedAt?.slice(0, 10) ?? '', c.outlet ?? '', c.speaker ?? 'unknown', c.variant ? 'variant' : '', c.text]);
  const grid = formatGrid(['id', 'published', 'outlet', 'speaker', 'words', 'text'], rows, { columns, flex: 5 });
  const lines = [head, '', grid[0]];
  trace.copies.forEach((c, i) => {
    lines.push(grid[i + 1]);
    if (c.diff) lines.push(`    ${formatDiff(c.diff, terminal)}`);
  });
  return lines;
}

export async function runTrace(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('trace', args, { ...DB_OPTION, format: { type: 'string' } });
  if (values.help) return write(io.stdout, TRACE_HELP);
  const given = positionals.join(' ').trim();
  if (given === '') throw new UsageError('trace: expected the words of a statement or an attribution id (see whosaid trace --help)');
  const format = formatOf(values.format, ['table', 'json'] as const);
  const target = /^\d+$/.test(given) ? Number(given) : given;
  const trace = await withStore(dbPath(values.db), 'read', (store) => store.trace(target));
  if (!trace) {
    const what = typeof target === 'number' ? `attribution ${target} is not in the corpus or has no words to trace` : `no statement in the corpus matches "${given}"`;
    throw new CliError(what, EXIT.failed, undefined, 'store/no-statement');
  }
  if (format === 'json') return write(io.stdout, JSON.stringify(trace, null, 2) + '\n');
  await write(io.stdout, formatTrace(trace, io.columns ?? 80, io.stdoutIsTTY).join('\n') + '\n');
}
