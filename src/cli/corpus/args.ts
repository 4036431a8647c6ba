/**
 * What the corpus commands share on the command line: argument parsing with the same messages as the
 * other commands, `--db` (a SQLite file or a postgres:// URL: flag, then $WHOSAID_DB, then whosaid.db in the
 * current folder), the filter
 * flags of search, export and speakers, and `--format`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AttributionType, QuoteKind } from '../../core/analysis.js';
import type { Filters } from '../../store/store.js';
import { checkReferenceDate } from '../dates.js';
import { UsageError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export const DEFAULT_DB = 'whosaid.db';
export const DB_ENV = 'WHOSAID_DB';

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O & { help: { type: 'boolean'; short: 'h' } }; allowPositionals: true; strict: true }>>;

export function parseCommand<O extends Options>(command: string, args: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } as const }, allowPositionals: true as const, strict: true as const }) as Parsed<O>;
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${command}: ${message} (see whosaid ${command} --help)`);
  }
}

/** The corpus, a file or a postgres:// URL: --db, else $WHOSAID_DB, else whosaid.db. */
export function dbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined) {
    if (flag === '') throw new UsageError('--db: expected a file name or a postgres:// URL, found ""');
    return flag;
  }
  const fromEnv = env[DB_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULT_DB;
}

export const DB_OPTION = { db: { type: 'string' } } as const;
export const FILTER_OPTIONS = {
  speaker: { type: 'string' },
  outlet: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  type: { type: 'string' },
  kind: { type: 'string' },
  limit: { type: 'string' },
} as const;

export function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${flag}: expected an integer >= 1, found "${value}"`);
  return Number(value);
}

function day(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = checkReferenceDate(value, false);
  if (problem) throw new UsageError(`${flag}: ${problem}`);
  return value;
}

/** The filters given on the command line, checked. */
export function filtersOf(values: { speaker?: string; outlet?: string; from?: string; to?: string; type?: string; kind?: string; limit?: string }): Filters {
  const types = [...AttributionType.options, 'all'];
  if (values.type !== undefined && !types.includes(values.type)) throw new UsageError(`--type: expected ${types.join(', ')}, found "${values.type}"`);
  if (values.kind !== undefined && !QuoteKind.options.includes(values.kind as QuoteKind)) throw new UsageError(`--kind: expected ${QuoteKind.options.join(', ')}, found "${values.kind}"`);
  const from = day('--from', values.from);
  const to = day('--to', values.to);
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const limit = positiveInteger('--limit', values.limit);
  return {
    ...(values.speaker !== undefined && { speaker: values.speaker }),
    ...(values.outlet !== undefined && { outlet: values.outlet }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    ...(values.type !== undefined && { type: values.type as Filters['type'] }),
    ...(values.kind !== undefined && { kind: values.kind as QuoteKind }),
    ...(limit !== undefined && { limit }),
  };
}

/** The output format, checked against the ones a command offers; the first is the default. */
export function formatOf<F extends string>(value: string | undefined, allowed: readonly F[]): F {
  if (value === undefined) return allowed[0];
  if (!allowed.includes(value as F)) throw new UsageError(`--format: expected ${allowed.join(', ')}, found "${value}"`);
  return value as F;
}

export function noPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`${command}: unexpected argument "${positionals[0]}" (see whosaid ${command} --help)`);
}
