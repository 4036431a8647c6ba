/**
 * A one-line progress bar for streaming commands, drawn on stderr only when stderr is a terminal (never
 * in a pipe or a log file) and redrawn at most ten times a second. Where the input's size is known it
 * says how long is left at the rate so far; when it ends it leaves a one-line summary.
 */
import type { Writable } from 'node:stream';

export interface ProgressState {
  /** Items (lines, records) done. */
  items: number;
  /** Bytes of input read, where known. */
  bytes: number;
  /** The input's size in bytes, where known (a file, not a pipe). */
  total?: number;
  elapsedMs: number;
  /** What an item is: "lines", "records". */
  unit: string;
}

const REDRAW_MS = 100;
const BAR = 20;
const CLEAR_LINE = '\r\x1b[K';

/** "4 s", "1 min 05 s", "2 h 03 min": a duration as people read it. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * "[#######.............] 35%  1,204 lines  312 lines/s  about 7 s left", or without the bar (and the
 * time left) when the size is unknown. The time left is the bytes still to read at the byte rate so far.
 */
export function formatProgress(state: ProgressState): string {
  const seconds = state.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(state.items / seconds) : 0;
  const counts = `${state.items.toLocaleString('en-US')} ${state.unit}  ${rate.toLocaleString('en-US')} ${state.unit}/s`;
  if (!state.total) return counts;
  const fraction = Math.min(1, state.bytes / state.total);
  const filled = Math.round(fraction * BAR);
  const left = state.bytes > 0 && state.elapsedMs > 0 && fraction < 1 ? `  about ${formatDuration(((state.total - state.bytes) * state.elapsedMs) / state.bytes)} left` : '';
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${counts}${left}`;
}

/** The line left when the bar ends: "1,204 lines in 1 min 05 s (18 lines/s)". */
export function formatSummary(items: number, elapsedMs: number, unit: string): string {
  const rate = elapsedMs > 0 ? Math.round(items / (elapsedMs / 1000)) : 0;
  return `${items.toLocaleString('en-US')} ${unit} in ${elapsedMs < 1000 ? `${Math.round(elapsedMs)} ms` : formatDuration(elapsedMs)} (${rate.toLocaleString('en-US')} ${unit}/s)`;
}

export interface Progress {
  /** Records progress; redraws when the last draw is old enough. */
  update(items: number, bytes: number): void;
  /** Clears the bar so a message can be written on stderr; the next update draws it again. */
  clear(): void;
  /** Replaces the bar with a one-line summary (where anything was counted). */
  end(): void;
}

export interface ProgressSettings {
  stream: Writable;
  /** Whether the stream is a terminal; without one nothing is ever drawn. */
  isTTY: boolean;
  now: () => number;
  unit: string;
  total?: number;
}

const silent: Progress = { update() {}, clear() {}, end() {} };

export function createProgress(settings: ProgressSettings): Progress {
  if (!settings.isTTY) return silent;
  const started = settings.now();
  let last = -Infinity;
  let drawn = false;
  let counted: number | undefined;
  return {
    update(items, bytes) {
      counted = items;
      const now = settings.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      drawn = true;
      const line = formatProgress({ items, bytes, elapsedMs: now - started, unit: settings.unit, ...(settings.total !== undefined && { total: settings.total }) });
      settings.stream.write(`${CLEAR_LINE}${line}`);
    },
    clear() {
      if (drawn) settings.stream.write(CLEAR_LINE);
      drawn = false;
    },
    end() {
      if (drawn) settings.stream.write(CLEAR_LINE);
      drawn = false;
      if (counted !== undefined) settings.stream.write(formatSummary(counted, settings.now() - started, settings.unit) + '\n');
      counted = undefined;
    },
  };
}
