/**
 * Loads what analysing needs, the bundled attribution model and wink-nlp with its model, without
 * analysing anything: the CLI does it before the first article so that it can tighten V8's heap growth
 * once they are in memory (src/cli/main.ts).
 */
// first: it must run before the core loads wink-eng-lite-web-model (see wink-core-model.ts)
import './wink-core-model.js';
import { loadNlp } from '../core/segment/nlp.js';
import { setCompilerSettings } from './compiler-settings.js';
import { loadBundledModel } from './load-model.js';

/**
 * Loads the bundled attribution model and wink-nlp, each once per process, and sets how V8 compiles
 * the engine (compiler-settings.ts), before any article.
 */
export function loadModels(): void {
  setCompilerSettings();
  loadBundledModel();
  loadNlp();
}
