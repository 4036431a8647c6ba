/**
 * One analysis as a worker-thread task: a text, a page, or a page already fetched for a URL, analysed
 * with the real services exactly as `whosaid extract` does it (src/cli/sources.ts). A failure comes back
 * as plain data, since an error's own fields do not survive the trip between threads.
 */
import type { Analysis } from '../core/analysis.js';

/** What the server sends a thread. */
export interface AnalysisJob {
  kind: 'text' | 'html' | 'url';
  /** The text, the HTML, or (for `url`) the page's final address. */
  value: string;
  /** For `url`: the page the server fetched. */
  html?: string;
  id?: string;
  publishedAt?: string;
}

export type AnalysisOutcome = { ok: true; analysis: Analysis } | { ok: false; code: string; message: string };

type Modules = { services: import('../cli/services.js').Services; sources: typeof import('../cli/sources.js') };
let modules: Promise<Modules> | undefined;

function load(): Promise<Modules> {
  modules ??= (async () => {
    // run from source, a thread inherits `--import tsx` but on Node 20 not its hooks for what it imports
    if (import.meta.url.endsWith('.ts')) (await import('tsx/esm/api')).register();
    const [services, sources] = await Promise.all([import('../cli/services.js'), import('../cli/sources.js')]);
    return { services: services.defaultServices(), sources };
  })();
  return modules;
}

export default async function analyzeJob(job: AnalysisJob): Promise<AnalysisOutcome> {
  const { services, sources } = await load();
  const fetched = job.html ?? '';
  const withPage = job.kind === 'url' ? { ...services, fetchPage: async () => ({ url: job.value, status: 200, contentType: 'text/html', html: fetched }) } : services;
  try {
    const analysis = await sources.analyzeSource(
      { name: job.id ?? job.kind, kind: job.kind, value: job.value, ...(job.id !== undefined && { id: job.id }), ...(job.publishedAt !== undefined && { publishedAt: job.publishedAt }) },
      withPage,
    );
    return { ok: true, analysis };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, code: typeof code === 'string' ? code : 'input/failed', message: error instanceof Error ? error.message : String(error) };
  }
}
