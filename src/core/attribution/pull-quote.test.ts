import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { segment } from '../segment/segment.js';
import { loadBundledModel } from '../../node/load-model.js';
import { signatureAfter } from './pull-quote.js';

const model = loadBundledModel();
const said = (text: string) => analyze({ text }, { model }).attributions.filter((a) => a.kind === 'direct').map((a) => [a.speaker.name ?? a.speaker.mention?.text ?? '', a.text]);

test('quote paragraphs without a tag continue their speaker; a split quote is one speaker; a pull quote is signed on the next line', () => {
  const text = [
    'Coach Maria Lopez was blunt after the loss.',
    '“We didn’t show up,” Lopez said. “That’s on me.”',
    '“We have three days to fix it before Saturday.”',
    'The Falcons play Lakeshore on Saturday.',
    '“It’s a long season,” she says, “and we’re not done.”',
    '“Every family deserves a doctor close to home.”',
    'Dan Okafor, Millbrook mayor',
  ].join('\n');
  assert.deepEqual(said(text), [
    ['Maria Lopez', 'We didn’t show up, That’s on me.'],
    ['Maria Lopez', 'We have three days to fix it before Saturday.'],
    ['Maria Lopez', 'It’s a long season, and we’re not done.'],
    ['Dan Okafor', 'Every family deserves a doctor close to home.'],
  ]);
});

test('signatureAfter: a short line that starts with a name and holds no verb; not a sentence', () => {
  const rows: [string, string | undefined][] = [
    ['“We will rebuild.”\nDan Okafor, Millbrook mayor', 'Dan Okafor'],
    ['“We will rebuild.”\n— Rita Alvarez', 'Rita Alvarez'],
    ['“We will rebuild.”\nThe council meets on Monday.', undefined],
    ['“We will rebuild.”\nOkafor said the work starts in May', undefined],
  ];
  for (const [text, name] of rows) {
    const seg = segment(text);
    const found = signatureAfter(seg, 0);
    assert.equal(found && text.slice(seg.tokens[found[0]].start, seg.tokens[found[1] - 1].end), name, text);
  }
});
