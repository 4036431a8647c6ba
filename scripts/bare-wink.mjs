// The bare wink-nlp pass as a whole process, for `npm run bench:cli` (scripts/bench-cli.ts): reads a
// JSON-lines file of articles {text} and runs wink-nlp over each (tokens with value and part of speech,
// sentences, entities: what `whosaid bench` times in-process), then prints how many tokens it read.
//   node scripts/bare-wink.mjs FILE.jsonl
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
const its = nlp.its;
let tokens = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const doc = nlp.readDoc(JSON.parse(line).text);
  const out = [doc.tokens().out(its.value), doc.tokens().out(its.pos), doc.sentences().out(its.span), doc.entities().out(its.detail)];
  tokens += out[0].length;
}
process.stdout.write(`${tokens} tokens\n`);
