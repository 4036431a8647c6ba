/**
 * The fleet commands, as main.ts registers them. Each command's module is imported when the command
 * runs: no other command loads pg or pg-boss.
 */
import type { Io } from '../io.js';
import type { Services } from '../services.js';
import { JOBS_HELP, WORKER_HELP } from './help.js';

/** `jobs` and `worker`, each with its help text. */
export const FLEET_COMMANDS: Record<string, { run: (args: string[], io: Io, services: Services) => Promise<void>; help: string }> = {
  jobs: { run: async (args, io) => (await import('./jobs-command.js')).runJobs(args, io), help: JOBS_HELP },
  worker: { run: async (args, io) => (await import('./worker-command.js')).runWorkerCommand(args, io), help: WORKER_HELP },
};
