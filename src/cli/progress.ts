/**
 * A one-line progress bar for streaming commands, drawn on stderr only when stderr is a terminal (never
 * in a pipe or a log file) and redrawn at most ten times a second.
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

/** "[#######.............] 35%  1,204 lines  312 lines/s", or without the bar when the size is unknown. */
export function formatProgress(state: ProgressState): string {
  const seconds = state.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(state.items / seconds) : 0;
  const counts = `${state.items.toLocaleString('en-US')} ${state.unit}  ${rate.toLocaleString('en-US')} ${state.unit}/s`;
  if (!state.total) return counts;
  const fraction = Math.min(1, state.bytes / state.total);
  const filled = Math.round(fraction * BAR);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${counts}`;
}

export interface Progress {
  /** Records progress; redraws when the last draw is old enough. */
  update(items: number, bytes: number): void;
  /** Clears the bar so a message can be written on stderr; the next update draws it again. */
  clear(): void;
  /** Clears the bar for good. */
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
  return {
    update(items, bytes) {
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
    },
  };
}
