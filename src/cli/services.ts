/**
 * The modules the CLI drives: the analyser, the readers of HTML, URLs and WARC archives (src/input/),
 * and the eval and bench runners. Loaded lazily, so that `whosaid --help` does not load the language
 * model, and injectable, so that tests can pass small fakes.
 */
import type { Analysis } from '../core/analysis.js';
import type { ArticleInput } from '../core/analyze.js';
import type { ExtractedArticle } from '../input/types.js';
import type { EvalOptions, EvalReport } from '../eval/run-eval.js';
import type { BenchOptions, BenchReport } from '../bench/run-bench.js';
import { NotAvailableError } from './errors.js';

export interface EvalModule {
  runEval(options: EvalOptions): Promise<EvalReport>;
  formatEvalReport(report: EvalReport, verbose?: boolean): string;
}
export interface BenchModule {
  runBench(options: BenchOptions): Promise<BenchReport>;
  formatBenchReport(report: BenchReport): string;
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}
export interface FetchedPage {
  url: string;
  status: number;
  contentType: string;
  html: string;
}
export type WarcItem =
  | { ok: true; index: number; recordId: string; uri: string; date?: string; html: string }
  | { ok: false; index: number; recordId?: string; uri?: string; code: string; message: string };
export interface WarcOptions {
  from?: number;
  limit?: number;
  maxBytes?: number;
}

/** Everything the commands call that is not the CLI's own; each loads on first use. */
export interface Services {
  analyzeArticle(input: ArticleInput, options?: { explainDropped?: boolean }): Analysis | Promise<Analysis>;
  extractHtml(html: string, options?: { url?: string }): ExtractedArticle | Promise<ExtractedArticle>;
  analyzeExtracted(article: ExtractedArticle, options: { id?: string; publishedAt?: string; explainDropped?: boolean }): Analysis | Promise<Analysis>;
  fetchPage(url: string, options?: FetchOptions): Promise<FetchedPage>;
  readWarc(source: AsyncIterable<Uint8Array>, options?: WarcOptions): AsyncIterable<WarcItem>;
  /** The eval runner and its formatter (src/eval/run-eval.ts). */
  loadEval(): Promise<EvalModule>;
  /** The bench runner and its formatter (src/bench/run-bench.ts). */
  loadBench(): Promise<BenchModule>;
}

/** The InputError shape of src/input/errors.ts: a failure reading an input, with a stable code. */
export interface InputErrorLike extends Error {
  code: string;
  input: string;
}

export function isInputError(error: unknown): error is InputErrorLike {
  return error instanceof Error && error.name === 'InputError' && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * Imports a module of this package that a feature needs, turning its absence (a build without it) into a
 * NotAvailableError naming the feature; any other failure propagates. Each call site names its module in
 * a literal `import()`, so that the CLI bundle (scripts/bundle-cli.ts) carries it as a lazily loaded chunk
 * and it shares the bundle's modules (one analyser, one of each error class).
 */
async function importOptional<T>(load: () => Promise<unknown>, specifier: string, feature: string): Promise<T> {
  try {
    return (await load()) as T;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(specifier.replace(/^\.\.\//, '').replace(/\.js$/, ''))) {
      throw new NotAvailableError(feature);
    }
    throw error;
  }
}

/** The real services, each module imported the first time it is needed. */
export function defaultServices(): Services {
  return {
    async analyzeArticle(input, options) {
      const m = await import('../node/analyzer.js');
      return m.analyzeArticle(input, options);
    },
    async extractHtml(html, options) {
      const m = await importOptional<Pick<Services, 'extractHtml'>>(() => import('../input/html.js'), '../input/html.js', 'HTML input (src/input/html.ts)');
      return m.extractHtml(html, options);
    },
    async analyzeExtracted(article, options) {
      const m = await importOptional<Pick<Services, 'analyzeExtracted'>>(() => import('../input/analyze-page.js'), '../input/analyze-page.js', 'HTML analysis (src/input/analyze-page.ts)');
      return m.analyzeExtracted(article, options);
    },
    async fetchPage(url, options) {
      const m = await importOptional<Pick<Services, 'fetchPage'>>(() => import('../input/fetch.js'), '../input/fetch.js', 'URL input (src/input/fetch.ts)');
      return m.fetchPage(url, options);
    },
    async *readWarc(source, options) {
      const m = await importOptional<Pick<Services, 'readWarc'>>(() => import('../input/warc.js'), '../input/warc.js', 'WARC input (src/input/warc.ts)');
      yield* m.readWarc(source, options);
    },
    loadEval: () => importOptional<EvalModule>(() => import('../eval/run-eval.js'), '../eval/run-eval.js', 'whosaid eval (src/eval/run-eval.ts)'),
    loadBench: () => importOptional<BenchModule>(() => import('../bench/run-bench.js'), '../bench/run-bench.js', 'whosaid bench (src/bench/run-bench.ts)'),
  };
}
