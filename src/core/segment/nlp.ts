/**
 * The one wink-nlp instance the core shares. Loading the English model takes a few tens of
 * milliseconds, so it happens once, on first use.
 *
 * The core needs tokens, sentences, parts of speech and lemmas, so the instance runs only wink-nlp's
 * sentence-boundary and part-of-speech stages: its entity, negation and sentiment stages add a third to
 * the time and nothing whosaid reads (its own entity stage works from names and titles). On PolNeAR's
 * texts the tokens, sentences, tags and lemmas are the same as with the full pipeline. wink-nlp loads the
 * models of every stage whatever the pipe, so the instance is given empty entity and sentiment models
 * (`UNUSED_MODELS`): 0.6 MB of JSON parsed at each load for stages that never run.
 *
 * wink-nlp learns every word it reads that its model does not know, and what it has learned changes how
 * it reads later text: after "Trump's," taught it the word "Trump's", a later "Trump's tax plan" is one
 * token instead of "Trump" + "'s", with other tags around it. `readDocument` therefore makes wink-nlp forget
 * before each text whatever the texts before it taught, so a text is read as by a freshly loaded instance:
 * the analysis of an article never depends on what the process read before it.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNLP = ReturnType<typeof winkNLP>;
type WinkDocument = ReturnType<WinkNLP['readDoc']>;

/** One of the model's interned features (its lexemes, word shapes, suffixes…) as wink-nlp keeps it. */
interface InternedFeature {
  hash: Record<string, number>;
  list: string[];
  index: number;
  intrinsicSize?: number;
}

/** wink-nlp's core model as loaded: its interned features, among its tables. */
interface CoreModel {
  features: Record<string, InternedFeature>;
}

interface Loaded {
  readonly nlp: WinkNLP;
  /** The core model the instance reads with; what it learns goes into its features' tables. */
  readonly core: CoreModel;
  /** The model's lexemes: the words it knows, then the words it learned while reading. */
  readonly lexemes: InternedFeature;
  /** The other interned features that grow as wink-nlp reads (shapes, prefixes, suffixes). */
  readonly others: readonly InternedFeature[];
  /** Lexemes at and after this index are learned words still in `lexemes.hash`. */
  forgottenUpTo: number;
}

/**
 * Learned lexemes kept (unreachable) before the instance is made anew. wink-nlp stores a learned word's
 * features in an array of its own that the caller cannot shorten, so forgetting drops the word from the
 * look-up tables only, and the array grows by about 100 bytes a word. Past this many, the instance is
 * made anew over the same core model, its learned words cut off (`renewNlp`): a few milliseconds, where a
 * fresh load of the model takes tens and, while the old one waits for the collector, twice its memory.
 * This bounds the growth to about 2 MB: peak memory stays flat however many articles a process reads.
 */
const MAX_LEARNED_LEXEMES = 20_000;

let loaded: Loaded | undefined;
/** A core model emptied of what it learned, for the next instance (`renewNlp`). */
let emptied: CoreModel | undefined;

/** An automaton that recognizes nothing, as wink-nlp's own `emptyModelJSON()` writes it. */
const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

/** The entity and sentiment models, for stages the pipe leaves out: wink-nlp loads them, never runs them. */
const UNUSED_MODELS = {
  ner: () => ({ machines: [], transformers: [] }),
  sa: () => ({ machines: [EMPTY_MACHINE], setter: () => undefined }),
};

/**
 * The model's custom-entity meta model, read once. The model's loader replaces its own copy with
 * `JSON.stringify` of it on every call, so each load would encode the previous load's string again:
 * after about twenty loads of one process the string passes V8's limit and every later load throws
 * "Invalid string length" (a fuzz run met it after some 38,000 articles full of unknown words).
 */
let metaCer: unknown;
const metaCER = (): unknown => (metaCer ??= (model as unknown as { metaCER: () => unknown }).metaCER());

function load(): Loaded {
  const reused = emptied;
  emptied = undefined;
  let core: CoreModel | undefined;
  // the model's core is loaded inside winkNLP(); keep a handle on it to reach the tables it learns into
  const loadCore = () => (core = reused ?? (model as unknown as { core: () => CoreModel }).core());
  const nlp = winkNLP({ ...model, ...UNUSED_MODELS, metaCER, core: loadCore } as typeof model, ['sbd', 'pos']);
  if (!core) throw new Error('wink-nlp did not load its core model');
  const lexemes = core.features.lexeme;
  const others = Object.entries(core.features)
    .filter(([name, f]) => name !== 'lexeme' && f.intrinsicSize !== undefined && Array.isArray(f.list))
    .map(([, f]) => f);
  return { nlp, core, lexemes, others, forgottenUpTo: lexemes.list.length };
}

/** The shared instance (for its `its` and `as` helpers); read documents with `readDocument`. */
export function loadNlp(): WinkNLP {
  loaded ??= load();
  return loaded.nlp;
}

/** wink-nlp's reading of `text`, exactly as a freshly loaded instance would read it. */
export function readDocument(text: string): WinkDocument {
  if (loaded && loaded.lexemes.list.length - (loaded.lexemes.intrinsicSize ?? 0) > MAX_LEARNED_LEXEMES) renewNlp();
  loaded ??= load();
  forgetLearned(loaded);
  return loaded.nlp.readDoc(text);
}

/** Drops the shared instance: the next read loads wink-nlp and its model afresh. */
export function dropNlp(): void {
  loaded = undefined;
  emptied = undefined;
}

/**
 * Makes the next read use a new wink-nlp instance over the same core model, emptied of every word it
 * learned: its tables are then as a fresh load makes them (wink-nlp writes to a core model only by adding
 * words to the end of its features' lists and look-up tables), and the new instance's own array of learned
 * words' features starts empty.
 */
export function renewNlp(): void {
  if (!loaded) return;
  forgetLearned(loaded);
  const { lexemes } = loaded;
  lexemes.list.length = lexemes.index = lexemes.intrinsicSize!;
  emptied = loaded.core;
  loaded = undefined;
}

/** Drops from wink-nlp's look-up tables every entry added since it was loaded. */
function forgetLearned(l: Loaded): void {
  const { hash, list } = l.lexemes;
  for (let i = l.forgottenUpTo; i < list.length; i++) if (hash[list[i]] === i) delete hash[list[i]];
  l.forgottenUpTo = list.length;
  for (const f of l.others) {
    const size = f.intrinsicSize!;
    if (f.list.length === size) continue;
    for (let i = size; i < f.list.length; i++) if (f.hash[f.list[i]] === i) delete f.hash[f.list[i]];
    f.list.length = size;
    f.index = size;
  }
}
