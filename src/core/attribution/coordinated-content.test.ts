import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { loadBundledModel } from '../../node/load-model.js';

const model = loadBundledModel();

// [sentence, the statement's content] — the team's own sentences.
const CASES: [string, string][] = [
  // the content runs through a coordinated clause with a pronoun or no new subject
  ['The mayor said the budget would be balanced this year, but the library would close on Sundays.', 'the budget would be balanced this year, but the library would close on Sundays'],
  ['The warden said the inmates were moved overnight, and they would return next week.', 'the inmates were moved overnight, and they would return next week'],
  // a content cut before its own verb runs on through the verb
  ['The festival director said this spring’s lineup had sold more tickets than any before it.', 'this spring’s lineup had sold more tickets than any before it'],
  ['She pointed out that three bridges had been closed since March.', 'three bridges had been closed since March'],
  ['Coach Ana Ruiz said talks with the striker’s agent began last week.', 'talks with the striker’s agent began last week'],
  // negatives: a new speaker, a trailing source or relay, a clause of the writer's with a subject of its own
  ['The coach said the players were exhausted, and the trainer agreed.', 'the players were exhausted'],
  ['Ruiz said the bridge will open in May, officials said.', 'the bridge will open in May'],
  ['The minister said exports rose 4 per cent, according to the statement.', 'exports rose 4 per cent'],
];

test('reported content runs through its coordinated clauses, and stops where another attribution or the writer begins', () => {
  for (const [text, content] of CASES) {
    const statements = analyze({ text }, { model }).attributions.filter((a) => a.type === 'statement');
    assert.equal(statements[0]?.text, content, text);
  }
});
