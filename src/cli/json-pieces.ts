/**
 * `JSON.stringify(value)` or `JSON.stringify(value, null, 2)` in pieces, so that a large analysis (a
 * 4 MB article holds tens of thousands of attributions) is written without first building one string of
 * tens of megabytes and its copies. The pieces joined are byte for byte what JSON.stringify returns: the
 * top level and its arrays are walked here, each array element is stringified on its own.
 */

/** The pieces of `JSON.stringify(value, null, 2)` (`pretty`) or `JSON.stringify(value)`, each about `size` characters. */
export function* jsonPieces(value: unknown, pretty: boolean, size = 64 * 1024): Generator<string> {
  let buffer = '';
  for (const piece of pretty ? prettyPieces(value) : compactPieces(value)) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

function* compactPieces(value: unknown): Generator<string> {
  if (!isPlainObject(value)) {
    yield JSON.stringify(value);
    return;
  }
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    if (!isWritten(v)) continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (Array.isArray(v) && v.length > 0) {
      for (let i = 0; i < v.length; i++) yield `${i === 0 ? '[' : ','}${JSON.stringify(v[i]) ?? 'null'}`;
      yield ']';
    } else {
      yield JSON.stringify(v);
    }
  }
  yield first ? '{}' : '}';
}

function* prettyPieces(value: unknown): Generator<string> {
  if (!isPlainObject(value)) {
    yield JSON.stringify(value, null, 2);
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => isWritten(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  let first = true;
  for (const [key, v] of entries) {
    yield `${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `;
    first = false;
    if (Array.isArray(v) && v.length > 0) {
      for (let i = 0; i < v.length; i++) yield `${i === 0 ? '[\n' : ',\n'}    ${indent(JSON.stringify(v[i], null, 2) ?? 'null', '    ')}`;
      yield '\n  ]';
    } else {
      yield indent(JSON.stringify(v, null, 2), '  ');
    }
  }
  yield '\n}';
}

/** A value JSON.stringify writes as an object member (it skips undefined, functions and symbols). */
function isWritten(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}

/** An object JSON.stringify writes member by member: plain data, with no toJSON of its own. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** JSON text nested one level deeper: a newline in JSON text is always between tokens, never in a string. */
function indent(json: string, by: string): string {
  return json.replaceAll('\n', `\n${by}`);
}
