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

interface Loaded {
  readonly nlp: WinkNLP;
  /** The model's lexemes: the words it knows, then the words it learned while reading. */
  readonly lexemes: InternedFeature;
  /** The other interned features that grow as wink-nlp reads (shapes, prefixes, suffixes). */
  readonly others: readonly InternedFeature[];
  /** Lexemes at and after this index are learned words still in `lexemes.hash`. */
  forgottenUpTo: number;
}

/**
 * Learned lexemes kept (unreachable) before the instance is loaded afresh. wink-nlp stores a learned word
 * in an array the caller cannot shorten, so forgetting drops the word from the look-up table only; about
 * 100 bytes each, this bounds the instance's growth to a few tens of megabytes.
 */
const MAX_LEARNED_LEXEMES = 200_000;

let loaded: Loaded | undefined;

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
  let core: { features: Record<string, InternedFeature> } | undefined;
  // the model's core is loaded inside winkNLP(); keep a handle on it to reach the tables it learns into
  const nlp = winkNLP({ ...model, ...UNUSED_MODELS, metaCER, core: () => (core = (model as unknown as { core: () => typeof core }).core()) } as typeof model, ['sbd', 'pos']);
  if (!core) throw new Error('wink-nlp did not load its core model');
  const lexemes = core.features.lexeme;
  const others = Object.entries(core.features)
    .filter(([name, f]) => name !== 'lexeme' && f.intrinsicSize !== undefined && Array.isArray(f.list))
    .map(([, f]) => f);
  return { nlp, lexemes, others, forgottenUpTo: lexemes.list.length };
}

/** The shared instance (for its `its` and `as` helpers); read documents with `readDocument`. */
export function loadNlp(): WinkNLP {
  loaded ??= load();
  return loaded.nlp;
}

/** wink-nlp's reading of `text`, exactly as a freshly loaded instance would read it. */
export function readDocument(text: string): WinkDocument {
  if (loaded && loaded.lexemes.list.length - (loaded.lexemes.intrinsicSize ?? 0) > MAX_LEARNED_LEXEMES) dropNlp();
  loaded ??= load();
  forgetLearned(loaded);
  return loaded.nlp.readDoc(text);
}

/** Drops the shared instance: the next read loads wink-nlp afresh (as reading many unknown words does). */
export function dropNlp(): void {
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
