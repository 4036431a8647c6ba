/**
 * The one wink-nlp instance the core shares. Loading the English model takes a few tens of
 * milliseconds, so it happens once, on first use.
 *
 * The core needs tokens, sentences, parts of speech and lemmas, so the instance runs only wink-nlp's
 * sentence-boundary and part-of-speech stages: its entity, negation and sentiment stages add a third to
 * the time and nothing whosaid reads (its own entity stage works from names and titles). On PolNeAR's
 * texts the tokens, sentences, tags and lemmas are the same as with the full pipeline.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNLP = ReturnType<typeof winkNLP>;

let instance: WinkNLP | undefined;

export function loadNlp(): WinkNLP {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}
