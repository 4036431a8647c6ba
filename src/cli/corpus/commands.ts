/** The corpus commands, as main.ts registers them. */
import type { Io } from '../io.js';
import type { Services } from '../services.js';
import { runExport } from './export.js';
import { EXPORT_HELP, INGEST_HELP, SEARCH_HELP, SPEAKER_HELP, SPEAKERS_HELP, TRACE_HELP } from './help.js';
import { runIngest } from './ingest-command.js';
import { runSearch } from './search.js';
import { runSpeaker } from './speaker.js';
import { runSpeakers } from './speakers.js';
import { runTrace } from './trace.js';

export const CORPUS_COMMANDS: Record<string, { run: (args: string[], io: Io, services: Services) => Promise<void>; help: string }> = {
  ingest: { run: runIngest, help: INGEST_HELP },
  search: { run: (args, io) => runSearch(args, io), help: SEARCH_HELP },
  speakers: { run: (args, io) => runSpeakers(args, io), help: SPEAKERS_HELP },
  speaker: { run: (args, io) => runSpeaker(args, io), help: SPEAKER_HELP },
  trace: { run: (args, io) => runTrace(args, io), help: TRACE_HELP },
  export: { run: (args, io) => runExport(args, io), help: EXPORT_HELP },
};
