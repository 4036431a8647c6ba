import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { loadBundledModel } from '../../node/load-model.js';

const model = loadBundledModel();
const speakers = (text: string) =>
  analyze({ text }, { model }).attributions.filter((a) => a.type === 'statement').map((a) => [a.speaker.mention?.text ?? '', a.speaker.name ?? '', a.text]);

// [text, [speaker mention, speaker name, content] per statement] — the team's own sentences.
const CASES: [string, string[][]][] = [
  // an aside between the subject and its cue: a relative clause (with a surname the tagger reads as a verb)
  // or a participle phrase; the speaker stands before it
  ['The county’s auditor general, Rick Hope, who led the review, said the books were in order.',
    [['The county’s auditor general, Rick Hope,', 'Rick Hope', 'the books were in order']]],
  ['Finance director Omar Reyes, speaking to reporters after the meeting, said the deficit had narrowed.',
    [['Finance director Omar Reyes', 'Omar Reyes', 'the deficit had narrowed']]],
  // a participle or prepositional phrase on the subject: the subject is the first noun phrase with it
  ['A nurse injured in the collision testified that the ambulance had no siren on.',
    [['A nurse injured in the collision', '', 'the ambulance had no siren on']]],
  // ", saying …" speaks for the subject of the sentence's main verb
  ['Singer Nadia Kost cancelled her tour on Friday, saying she needed time to recover.',
    [['Singer Nadia Kost', 'Nadia Kost', 'she needed time to recover']]],
  // after "said", a role and then the name: the name is the speaker, for every run of the quote
  ['“The lights went out at nine,” said her neighbour, Tom Becker. “Nobody came until midnight.”',
    [['her neighbour, Tom Becker', 'Tom Becker', 'The lights went out at nine, Nobody came until midnight.']]],
  ['“It is a fair deal,” said the league’s director of operations, Carla Mendes.',
    [['the league’s director of operations, Carla Mendes', 'Carla Mendes', 'It is a fair deal,']]],
  // "told" + an addressee + a clause without "that": the clause's subject is no part of the addressee
  ['Mayor Ana Ruiz told state radio the bridge would reopen in May.', [['Mayor Ana Ruiz', 'Ana Ruiz', 'the bridge would reopen in May']]],
  ['Coach Ivan Petrov told the Valley Gazette the players were exhausted.', [['Coach Ivan Petrov', 'Ivan Petrov', 'the players were exhausted']]],
  ['Coach Ivan Petrov told the Valley Gazette they were exhausted.', [['Coach Ivan Petrov', 'Ivan Petrov', 'they were exhausted']]],
  // a plural possessive ("teachers’ union") is part of the trailing source's noun phrase; a closing single quote is not
  ['Fees will rise, the teachers’ union said.', [['the teachers’ union', '', 'Fees will rise']]],
  ['Bus fares to rise in June, drivers’ union says', [['drivers’ union', '', 'Bus fares to rise in June']]],
  // a verb inside a quote with a noun object and a new clause after "and" starts no statement of its own
  ['“Marta wrote the letter and they ignored her,” said Paul Stone.', [['Paul Stone', 'Paul Stone', 'Marta wrote the letter and they ignored her,']]],
];

test('the speaker is the cue’s subject past asides, participle phrases and role descriptions', () => {
  for (const [text, expected] of CASES) assert.deepEqual(speakers(text), expected, text);
});
