/**
 * The few Python behaviours the reference scorer (`shared/tools/score.py`) relies on, reproduced so the
 * TypeScript port prints the same figures byte for byte: `round(x, n)`, float `repr`, `json.dumps`,
 * `%r`, `str()`, truthiness, and code-point indexing (Python indexes strings by code point, JavaScript
 * by UTF-16 code unit).
 */

/** A value as `json.loads` returns it (JSON.parse here; see `formatPythonJson` for the one difference). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A float for `formatPythonJson`: printed as Python prints a float (`0.0`, `1.0`, `0.5`). */
export interface PythonFloat {
  readonly float: number;
}

/** What `formatPythonJson` prints: JSON values, with floats marked where Python would hold a float. */
export type PythonJsonValue =
  | null | boolean | number | string | PythonFloat
  | readonly PythonJsonValue[] | { readonly [key: string]: PythonJsonValue };

/** Marks a number as a Python float. */
export function pyFloat(x: number): PythonFloat {
  return { float: x };
}

/**
 * Python's `round(x, digits)`: the float nearest to x rounded to `digits` decimals, where x is taken at
 * its exact binary value and an exact tie goes to the even digit. `round(1/32, 4)` is 0.0312 in Python,
 * where `Math.round` and `toFixed` give 0.0313.
 */
export function pyRound(x: number, digits: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x;
  const exact = x.toFixed(100);
  const dot = exact.indexOf('.');
  const kept = exact.slice(0, dot + 1 + digits);
  const rest = exact.slice(dot + 1 + digits);
  if (/^50*$/.test(rest)) {
    const last = Number(kept.at(-1));
    if (last % 2 === 0) return Number(kept);
  }
  return Number(x.toFixed(digits));
}

/** Python's `repr(float)`: the shortest round-tripping digits, always with a `.` or an exponent. */
export function formatPythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e16 || abs < 1e-4) {
    const [mantissa, exponent] = x.toExponential().split('e');
    const power = Number(exponent);
    const sign = power < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  const plain = String(x);
  return plain.includes('.') ? plain : `${plain}.0`;
}

/** A JSON string literal as `json.dumps` writes it; with `ensureAscii` every non-ASCII unit is `\uXXXX`. */
export function formatPythonJsonString(s: string, ensureAscii: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || (ensureAscii && c > 0x7e)) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function isPythonFloat(v: PythonJsonValue): v is PythonFloat {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1
    && typeof (v as PythonFloat).float === 'number';
}

/**
 * Python's `json.dumps(value)` with its default separators (`", "` and `": "`). Plain numbers print as
 * JavaScript prints them (integers as Python prints ints); numbers wrapped by `pyFloat` print as Python
 * floats. A number parsed from input loses whether it was written `5` or `5.0`; the scorer only
 * searches such dumps for names and dates, which never meet a number.
 */
export function formatPythonJson(value: PythonJsonValue, ensureAscii = true): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : formatPythonFloat(value);
  if (typeof value === 'string') return formatPythonJsonString(value, ensureAscii);
  if (isPythonFloat(value)) return formatPythonFloat(value.float);
  if (Array.isArray(value)) return '[' + value.map((v) => formatPythonJson(v, ensureAscii)).join(', ') + ']';
  const entries = Object.entries(value as { [key: string]: PythonJsonValue });
  return '{' + entries.map(([k, v]) => `${formatPythonJsonString(k, ensureAscii)}: ${formatPythonJson(v, ensureAscii)}`).join(', ') + '}';
}

/** Python truthiness of a JSON value: null, false, 0, "", [] and {} are false. */
export function pyTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
      else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
      else out += '\\U' + cp.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

/** Python's `repr()` of a JSON value, as `'%r' % value` prints it. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : formatPythonFloat(v);
  if (typeof v === 'string') return reprString(v);
  if (Array.isArray(v)) return '[' + v.map(pyRepr).join(', ') + ']';
  return '{' + Object.entries(v as object).map(([k, x]) => `${reprString(k)}: ${pyRepr(x)}`).join(', ') + '}';
}

/** Python's `str()` of a JSON value. */
export function pyStr(v: unknown): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

/** A string's code points, so that `[i]` and `.length` index it as Python does. */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Python's `s[:n]`: the first n code points. */
export function pyPrefix(s: string, n: number): string {
  return codePoints(s).slice(0, n).join('');
}

/** Python's `list[i]`, negative indices counting from the end; out of range is an error, as in Python. */
export function pyIndex<T>(list: readonly T[], i: number): T {
  const j = i < 0 ? list.length + i : i;
  if (!Number.isInteger(j) || j < 0 || j >= list.length) throw new RangeError(`index ${i} out of range for a list of ${list.length}`);
  return list[j];
}
