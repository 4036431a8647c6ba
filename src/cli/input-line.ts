/**
 * One line of `extract --jsonl` input: `{id?, text | html | url, publishedAt?}`. Validation is pure and
 * never throws: a line is either an article request or a message saying what is wrong with it, built in
 * one place from the schema's issues ("expected a string `text`, found number").
 */
import { z } from 'zod';
import { checkReferenceDate } from './dates.js';

export const InputLine = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().optional(),
  publishedAt: z.string().optional(),
});
export type InputLine = z.infer<typeof InputLine>;

/** What a line asks for: exactly one of text, html or url. */
export type LineRequest =
  | { ok: true; id?: string; source: 'text' | 'html' | 'url'; value: string; publishedAt?: string }
  | { ok: false; id: string | null; problem: string; column?: number };

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return typeof value;
}

function expectedFor(key: string): string {
  return key === 'id' ? 'a string or number' : 'a string';
}

/** Validates a line's text; a failure says what is wrong, for the caller to place ("line 12: …"). */
export function parseInputLine(raw: string): LineRequest {
  let value: unknown;
  try {
    // a UTF-8 byte order mark before the first line is not part of its JSON
    value = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch (error) {
    // V8 says where: "Expected ',' or '}' after property value in JSON at position 6"
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    return { ok: false, id: null, problem: `invalid JSON: ${message}`, ...(position && { column: Number(position[1]) + 1 }) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, id: null, problem: `expected a JSON object, found ${describeValue(value)}` };
  }
  const record = value as Record<string, unknown>;
  const rawId = record.id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
  const parsed = InputLine.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0] ?? '');
    return { ok: false, id, problem: `expected ${expectedFor(key)} \`${key}\`, found ${describeValue(record[key])}` };
  }
  const sources = (['text', 'html', 'url'] as const).filter((k) => parsed.data[k] !== undefined);
  if (sources.length !== 1) {
    const found = sources.length === 0 ? 'none' : sources.map((s) => `\`${s}\``).join(' and ');
    return { ok: false, id, problem: `expected exactly one of \`text\`, \`html\` or \`url\`, found ${found}` };
  }
  const { publishedAt } = parsed.data;
  if (publishedAt !== undefined) {
    const problem = checkReferenceDate(publishedAt);
    if (problem) return { ok: false, id, problem: `\`publishedAt\`: ${problem}` };
  }
  const source = sources[0];
  return {
    ok: true,
    ...(id !== null && { id }),
    source,
    value: parsed.data[source] as string,
    ...(publishedAt !== undefined && { publishedAt }),
  };
}
