/**
 * A JSON-lines batch given as an article: `whosaid extract batch.jsonl` without `--jsonl` would analyse
 * the JSON as prose and find nothing, silently. The first non-blank line tells: a JSON object with a
 * `text`, `html` or `url` field is a line of a batch, and no article starts that way. Such an input is
 * refused with a message that says to add `--jsonl` (an error, not a warning: its analysis would be
 * worthless, and a warning scrolls by in a pipe).
 */

/** The field the first line's object has that marks it as an article request, or undefined. */
export function jsonLinesField(content: string): 'text' | 'html' | 'url' | undefined {
  const start = content.search(/\S/);
  if (start < 0 || content[start] !== '{') return undefined;
  const end = content.indexOf('\n', start);
  const first = content.slice(start, end < 0 ? content.length : end).trim();
  let value: unknown;
  try {
    value = JSON.parse(first);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return (['text', 'html', 'url'] as const).find((field) => Object.hasOwn(value as object, field));
}

/** The stable code of the refusal. */
export const LOOKS_LIKE_JSONL = 'input/looks-like-jsonl';

/** "its first line is a JSON object with "text": …", or undefined when the content reads as an article. */
export function jsonLinesProblem(content: string): string | undefined {
  const field = jsonLinesField(content);
  if (field === undefined) return undefined;
  return `looks like JSON lines (its first line is a JSON object with "${field}"), not an article; add --jsonl to analyse one article per line`;
}
