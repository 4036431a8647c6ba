/**
 * The one wink-nlp instance the core shares. Loading the English model takes a few tens of
 * milliseconds, so it happens once, on first use.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNLP = ReturnType<typeof winkNLP>;

let instance: WinkNLP | undefined;

export function loadNlp(): WinkNLP {
  instance ??= winkNLP(model);
  return instance;
}
