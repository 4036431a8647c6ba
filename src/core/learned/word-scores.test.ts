import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/segment.js';
import { computeAtoms, extractFeatures } from './features.js';
import { scoreTokens } from './decode.js';
import { LABEL_COUNT } from './labels.js';
import { TABLE_STRIDE, type DecodedTagger } from './model.js';
import { seededRandom } from './train.js';
import { scoreWords } from './word-scores.js';

/** A tagger with a random weight in every slot: any template summed wrongly shows in the scores. */
function randomTagger(bits: number, seed: number): DecodedTagger {
  const random = seededRandom(seed);
  const table = new Int16Array(2 ** bits * TABLE_STRIDE);
  for (let k = 0; k < table.length; k++) if (k % TABLE_STRIDE < LABEL_COUNT) table[k] = Math.floor(random() * 65536) - 32768;
  return { mask: 2 ** bits - 1, scale: 0.37, table, transitions: new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT) };
}

const TEXTS = [
  '“We will win,” she said. He said nothing.\nThe senator said on Tuesday that the bill would pass, and “soon.”',
  "Officials said the road would reopen. ‘It’s fine,’ the mayor's aide added: \"No delays.\"\n\nA third paragraph.",
];

function expected(text: string, tagger: DecodedTagger, lexicon: Map<string, number>, previous?: Uint8Array): Float32Array {
  const seg = segment(text);
  const features = extractFeatures(seg, computeAtoms(seg, lexicon), previous);
  const out = new Float32Array(seg.tokens.length * LABEL_COUNT);
  scoreTokens(features, tagger, 0, seg.tokens.length, out);
  return out;
}

test('scoreWords equals the scores of the feature arrays, without and with an earlier pass', () => {
  const lexicon = new Map([['say', 4], ['add', 3], ['tell', 2], ['road', 1]]);
  const tagger = randomTagger(10, 3);
  for (const text of TEXTS) {
    const seg = segment(text);
    const n = seg.tokens.length;
    // twice: the second run reads the cached vectors the first one filled
    for (let run = 0; run < 2; run++) {
      const out = new Float32Array(n * LABEL_COUNT);
      scoreWords(seg, tagger, lexicon, out);
      assert.deepEqual(out, expected(text, tagger, lexicon));
    }
    const previous = Uint8Array.from({ length: n }, (_, i) => (i * 5) % LABEL_COUNT);
    const out = new Float32Array(n * LABEL_COUNT);
    scoreWords(seg, tagger, lexicon, out, previous);
    assert.deepEqual(out, expected(text, tagger, lexicon, previous));
  }
});
