import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { loadBundledModel } from '../../node/load-model.js';

const model = loadBundledModel();
const speakers = (text: string) =>
  analyze({ text }, { model }).attributions.filter((a) => a.type === 'statement').map((a) => [a.speaker.mention?.text ?? '', a.speaker.name ?? '', a.text]);

// [text, [speaker mention, speaker name, content] per statement] — the team's own sentences.
const CASES: [string, string[][]][] = [
  // the lede describes the speaker; the next paragraph names them, with an age
  ['BRAMLEY — A bus driver told a hearing Tuesday that the brakes had failed twice that week.\n\nOlga Petrenko, 47, said she had reported both failures to her supervisor.',
    [['A bus driver', 'Olga Petrenko', 'the brakes had failed twice that week'], ['Olga Petrenko, 47,', 'Olga Petrenko', 'she had reported both failures to her supervisor']]],
  // a headline's description takes the speaker of the body statement that repeats its words
  ['Library hours to grow in spring, councillor says\n\nBy Ana Ruiz, Staff\n\nBRAMLEY — The city will fund longer library hours this year.\n\nCouncillor Wes Amadi said library hours would grow in spring.',
    [['councillor', 'Wes Amadi', 'Library hours to grow in spring'], ['Councillor Wes Amadi', 'Wes Amadi', 'library hours would grow in spring']]],
  // a headline's person, when nothing else names them, is the first person the body quotes
  ['Longer recess helps pupils focus, researcher says\n\nBy Ana Ruiz, Staff\n\nHALDEN — A study of 300 pupils found that a longer recess improved focus in class.\n\n“The effect surprised us,” Dr. Noor Haddad of Halden University said.',
    [['researcher', 'Noor Haddad', 'Longer recess helps pupils focus'], ['Dr. Noor Haddad of Halden University', 'Noor Haddad', 'The effect surprised us,']]],
  // a description with a possessor, named in the next sentence of its paragraph with an age
  ['BRAMLEY — The Ridgeway Comets won 4-2 on Friday.\n\nThe visitors’ captain scored twice and called the win “a message to the league.” Dana Morrow, 27, has nine goals this month.',
    [['The visitors’ captain', 'Dana Morrow', 'the win “a message to the league.”']]],
];

// look-alikes: nothing is linked
const NEGATIVES: [string, string[][]][] = [
  // the person in the next sentence is named without an age: someone else
  ['BRAMLEY — The Ridgeway Comets won 4-2 on Friday.\n\nThe visitors’ captain scored twice and called the win “a message to the league.” Dana Morrow has nine goals this month.',
    [['The visitors’ captain', '', 'the win “a message to the league.”']]],
  // the person in the next paragraph is named without an age: another person, not the lede's description
  ['BRAMLEY — A bus driver told a hearing Tuesday that the brakes had failed twice that week.\n\nOlga Petrenko, the transit manager, said the buses were inspected monthly.',
    [['A bus driver', '', 'the brakes had failed twice that week'], ['Olga Petrenko, the transit manager,', 'Olga Petrenko', 'the buses were inspected monthly']]],
  // a person named before the lede's description is not the one it describes
  ['BRAMLEY — Olga Petrenko runs the depot. A bus driver told a hearing Tuesday that the brakes had failed twice that week.\n\nOlga Petrenko, 47, said the buses were inspected monthly.',
    [['A bus driver', '', 'the brakes had failed twice that week'], ['Olga Petrenko, 47,', 'Olga Petrenko', 'the buses were inspected monthly']]],
  // an organization's noun in a headline is never the first person quoted
  ['Longer recess helps pupils focus, union says\n\nBy Ana Ruiz, Staff\n\nHALDEN — A study of 300 pupils found that a longer recess improved focus in class.\n\n“The effect surprised us,” Dr. Noor Haddad of Halden University said.',
    [['union', '', 'Longer recess helps pupils focus'], ['Dr. Noor Haddad of Halden University', 'Noor Haddad', 'The effect surprised us,']]],
  // a group is never one person named later
  ['BRAMLEY — Several residents told council Tuesday that the road was unsafe for children.\n\nOlga Petrenko, 47, said she walks her son to school.',
    [['Several residents', '', 'the road was unsafe for children'], ['Olga Petrenko, 47,', 'Olga Petrenko', 'she walks her son to school']]],
];

test('a description the article names later is that person', () => {
  for (const [text, expected] of CASES) assert.deepEqual(speakers(text), expected, text);
});

test('look-alikes of a description named later are left unnamed', () => {
  for (const [text, expected] of NEGATIVES) assert.deepEqual(speakers(text), expected, text);
});
