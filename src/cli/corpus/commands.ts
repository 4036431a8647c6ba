/**
 * The corpus commands, as main.ts registers them. Each command's module is imported when the command
 * runs, not at start-up: `whosaid --help` and `whosaid extract` load neither the store (better-sqlite3),
 * zod, csv-stringify nor diff.
 */
import type { Io } from '../io.js';
import type { Services } from '../services.js';
import { EXPORT_HELP, INGEST_HELP, SEARCH_HELP, SPEAKER_HELP, SPEAKERS_HELP, TRACE_HELP } from './help.js';

export const CORPUS_COMMANDS: Record<string, { run: (args: string[], io: Io, services: Services) => Promise<void>; help: string }> = {
  ingest: { run: async (args, io, services) => (await import('./ingest-command.js')).runIngest(args, io, services), help: INGEST_HELP },
  search: { run: async (args, io) => (await import('./search.js')).runSearch(args, io), help: SEARCH_HELP },
  speakers: { run: async (args, io) => (await import('./speakers.js')).runSpeakers(args, io), help: SPEAKERS_HELP },
  speaker: { run: async (args, io) => (await import('./speaker.js')).runSpeaker(args, io), help: SPEAKER_HELP },
  trace: { run: async (args, io) => (await import('./trace.js')).runTrace(args, io), help: TRACE_HELP },
  export: { run: async (args, io) => (await import('./export.js')).runExport(args, io), help: EXPORT_HELP },
};
