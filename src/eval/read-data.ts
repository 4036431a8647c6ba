/**
 * Reading the shared data files as score.py reads them: UTF-8 text with Python's universal newlines
 * (`\r\n` and `\r` read as `\n`), JSON lines one value a line.
 */
import { readFileSync } from 'node:fs';
import { parsePredictions, splitLines, type JsonObject } from './predictions.js';

/** A text file as Python's `open(path, encoding='utf-8').read()` returns it. */
export function readPythonText(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
}

/** Each line of a JSON-lines file, parsed (an empty line is an error, as in score.py). */
export function readJsonLines<T>(path: string): T[] {
  return splitLines(readFileSync(path, 'utf8')).map((line) => JSON.parse(line) as T);
}

/** A JSON file. */
export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** A predictions file keyed by id, as `load_pred` reads it. */
export function readPredictions(path: string): Map<string, JsonObject> {
  return parsePredictions(readFileSync(path, 'utf8'));
}
