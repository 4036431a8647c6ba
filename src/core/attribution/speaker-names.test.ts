import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { loadBundledModel } from '../../node/load-model.js';

const model = loadBundledModel();
const speakers = (text: string) =>
  analyze({ text }, { model }).attributions.filter((a) => a.type === 'statement').map((a) => [a.speaker.mention?.text ?? '', a.speaker.name ?? '', a.text]);

// [text, [speaker mention, speaker name, content] per statement] — the team's own sentences.
const CASES: [string, string[][]][] = [
  // an appositive speaker is the person, not the organization in the description
  ['Rita Alvarez, a policy researcher with Lakeside General Hospital, said the wait times had doubled.',
    [['Rita Alvarez, a policy researcher with Lakeside General Hospital,', 'Rita Alvarez', 'the wait times had doubled']]],
  // relative clauses: the speaker is the noun phrase described, never "who"; the aside is no attribution
  ['Ortega, who proposed the change, said he was disappointed.', [['Ortega', 'Ortega', 'he was disappointed']]],
  ['One mother, who asked not to be named, said the school had not called her.', [['One mother', '', 'the school had not called her']]],
  // "according to" in both positions, and a name after the description
  ['According to police, the driver fled.', [['police', '', 'the driver fled']]],
  ['The driver fled the scene, according to police.', [['police', '', 'The driver fled the scene']]],
  ['The arena would open in 2029, according to a spokeswoman for the city, Jen Park.',
    [['a spokeswoman for the city, Jen Park', 'Jen Park', 'The arena would open in 2029']]],
  // a role noun links to the entity the article gave that role; an unnamed source keeps its mention and gets no name
  ['Mayor Dan Okafor opened the meeting. The mayor said the vote would wait.', [['The mayor', 'Dan Okafor', 'the vote would wait']]],
  ['A spokesperson said the company would appeal.', [['A spokesperson', '', 'the company would appeal']]],
  // the subject across a relative clause or a first verb joined by "and" to the speech verb
  ['The Dockworkers’ Guild, which represents the crane crews, called the offer “an insult.”',
    [['The Dockworkers’ Guild', 'Dockworkers’ Guild', 'the offer “an insult.”']]],
  ['The visiting captain scored twice and called the win “a statement.”',
    [['The visiting captain', '', 'the win “a statement.”']]],
  // a new subject after "and" keeps its own verb
  ['The mayor met residents, and reporters called the plan “a mess.”', [['reporters', '', 'the plan “a mess.”']]],
  // a headline "X, Y says": the belief or intention verb inside X is part of what Y says; a link line is no statement
  ['Residents want more time, councillor says\n\nBy Ana Ruiz, Staff\n\nBRAMLEY — Councillor Wes Amadi said residents wanted more time to comment on the plan.\n\nREAD MORE: Pupils want later start, principal says',
    [['councillor', 'Wes Amadi', 'Residents want more time'], ['Councillor Wes Amadi', 'Wes Amadi', 'residents wanted more time to comment on the plan']]],
  // a role noun links to the person an appositive later gives that role
  ['Last month the board chair wrote that any merger would be “a step backward.” On Monday the chair, Vera Lindholm, said the board would accept the plan.',
    [['the board chair', 'Vera Lindholm', 'any merger would be “a step backward.”'], ['Vera Lindholm,', 'Vera Lindholm', 'the board would accept the plan']]],
  // a trailing source followed by a participle's clause: the words are the clause before the source
  ['Marlow Foods will close two plants and cut 90 jobs, the company said Monday, citing higher costs.',
    [['the company', 'Marlow Foods', 'Marlow Foods will close two plants and cut 90 jobs']]],
  // a source between commas inside the words keeps both parts
  ['The plan, the mayor said Monday, would cost less than the bridge.', [['the mayor', '', 'The plan would cost less than the bridge']]],
  // an indefinite "a … spokesperson" is someone new, not the spokesperson named before
  ['Company spokesperson Mei Tan said the plant would close. A Harlow spokesperson said the company had no plans to close any plants.',
    [['Company spokesperson Mei Tan', 'Mei Tan', 'the plant would close'], ['A Harlow spokesperson', '', 'the company had no plans to close any plants']]],
  // the head of each part of the mention: the last name, not a possessor; a description or a title is no part of the name
  ['Crestline president Roger Dunn said the company stood behind its work.', [['Crestline president Roger Dunn', 'Roger Dunn', 'the company stood behind its work']]],
  ['Voight’s lawyer, Peter Graves, said his client would plead not guilty.', [['Voight’s lawyer, Peter Graves,', 'Peter Graves', 'his client would plead not guilty']]],
  ['Nurse Jolene Ferrante said the ward was short of staff.', [['Nurse Jolene Ferrante', 'Jolene Ferrante', 'the ward was short of staff']]],
  ['Ashby Mayor Beth Lyons said the plant would close.', [['Ashby Mayor Beth Lyons', 'Beth Lyons', 'the plant would close']]],
  // a dateline is no part of the speaker; "the company" is the organization named before it
  ['HALDEN — The former treasurer of the charity said she warned the board.', [['The former treasurer of the charity', '', 'she warned the board']]],
  ['Greyline Foods Inc. will close its plant. The company said the plant was no longer competitive.', [['The company', 'Greyline Foods Inc.', 'the plant was no longer competitive']]],
  // what a relative clause on the subject says is an aside; the sentence's own verb, in another sense, is no statement
  ['Graduate student Priya Raman, who wrote the software that flagged the object, said the orbit was stable.', [['Graduate student Priya Raman', 'Priya Raman', 'the orbit was stable']]],
  ['Graduate student Priya Raman, who wrote the software that flagged the object, thanked the telescope’s night crew.', []],
  // a headline's role noun links to the entity the article gives that role, even when it is given later
  ['Owner says the team needs a new voice\n\nTeam owner Patricia Vance said the players needed a new voice.',
    [['Owner', 'Patricia Vance', 'the team needs a new voice'], ['Team owner Patricia Vance', 'Patricia Vance', 'the players needed a new voice']]],
  // in a noun compound the last noun is the head: "Artistic director" is a director, not someone named Artistic
  ['Artistic director says rents forced the decision\n\nArtistic director Mona Fields said rents had tripled.',
    [['Artistic director', 'Mona Fields', 'rents forced the decision'], ['Artistic director Mona Fields', 'Mona Fields', 'rents had tripled']]],
  // an age before the name and a double-barrelled surname: the name is the person's own words only
  ['Sixteen-year-old Dalia Ferro won the final. Ferro said she had been too nervous to eat.', [['Ferro', 'Dalia Ferro', 'she had been too nervous to eat']]],
  ['The donor, Ines Marsh-Pereira, said she had kept the letters in a trunk.', [['Ines Marsh-Pereira,', 'Ines Marsh-Pereira', 'she had kept the letters in a trunk']]],
  // "of three" is the preposition's whole object: the name after it is the speaker's
  ['Father of three Tomas Reyes said the school had been closed for a week.', [['Father of three Tomas Reyes', 'Tomas Reyes', 'the school had been closed for a week']]],
  // an organization's short name is the organization; an appositive with an organization noun makes one
  ['Brindle Foods Inc. will close its plant in June. Brindle said the plant was too old.', [['Brindle', 'Brindle Foods Inc.', 'the plant was too old']]],
  ['Quillo, a Halloway-based maker of accounting software, has raised $5 million, the company said.',
    [['the company', 'Quillo', 'Quillo, a Halloway-based maker of accounting software, has raised $5 million']]],
  // "the board" before any organization is named is none named after it
  ['The board said the fees would rise in May.\n\nThe Brindle Gazette first reported the plan.', [['The board', '', 'the fees would rise in May']]],
  // "the judge" is the one named "Justice …"; "the chief" (tagged an adjective) the one given that title
  ['Justice Carla Mendes denied the motion. The judge said the trial would start in May.', [['The judge', 'Carla Mendes', 'the trial would start in May']]],
  ['Fire Chief Dale Ward toured the site. “The crews held the line,” the chief said.', [['the chief', 'Dale Ward', 'The crews held the line,']]],
  // a lone given name set off by commas after a noun is the speaker's name
  ['Her son, Ravi, said the family would stay in Ashby.', [['Her son, Ravi,', 'Ravi', 'the family would stay in Ashby']]],
  // the company named before a corporate title is what "the company" refers to
  ['Rivet Bikes chief executive Olu Bakare said sales rose. The company said it would hire 20 workers.',
    [['Rivet Bikes chief executive Olu Bakare', 'Olu Bakare', 'sales rose'], ['The company', 'Rivet Bikes', 'it would hire 20 workers']]],
  // a surname that is also a title abbreviation, written without its period, is the surname
  ['Opposition critic Rahul Sen was not convinced. “One good month is not a trend,” Sen said.', [['Sen', 'Rahul Sen', 'One good month is not a trend,']]],
  // a plural name after "the" is a team, which "the team" refers to
  ['The Lakeshore Otters traded their captain. The team said the move saved $2 million.', [['The team', 'Lakeshore Otters', 'the move saved $2 million']]],
  // "the company" goes back to the company the article is about, not to an analyst's firm
  ['Pinecrest Mills will close its plant. Analyst Dev Rao of Halvern Securities said the move was expected. The company said 80 jobs would go.',
    [['Analyst Dev Rao of Halvern Securities', 'Dev Rao', 'the move was expected'], ['The company', 'Pinecrest Mills', '80 jobs would go']]],
  // "the city" is no organization named before it
  ['The Ashby Business Association backed the plan. The city said the work would start in May.',
    [['The city', '', 'the work would start in May']]],
  // a possessor does not name an unnamed source
  ['Kaldora’s interior ministry said the closure was temporary.', [['Kaldora’s interior ministry', '', 'the closure was temporary']]],
];

test('speakers are named by the person the mention names', () => {
  for (const [text, expected] of CASES) assert.deepEqual(speakers(text), expected, text);
});

test('a dateline in capitals is a place, never the organization "the company" refers to', () => {
  const text = 'HALLOWAY — Quillo, a maker of accounting software, has raised $5 million, the company said Monday.';
  const a = analyze({ text }, { model });
  assert.equal(a.entities.find((e) => e.name === 'HALLOWAY')?.type, 'place');
  assert.equal(a.attributions.find((x) => x.speaker.mention?.text === 'the company')?.speaker.name, 'Quillo');
});

test('a pronoun agrees in gender: "she" never resolves to a man\'s name', () => {
  const text = 'Mayor Dan Okafor said the arena would open in 2029. Councillor Rita Alvarez disagreed. She said the costs were too high.';
  const she = analyze({ text }, { model }).attributions.find((a) => a.speaker.mention?.text === 'She');
  assert.equal(she?.speaker.name, 'Rita Alvarez');
  const he = analyze({ text: 'Rita Alvarez met Dan Okafor on Monday. He said the arena would open in 2029.' }, { model }).attributions.find((a) => a.speaker.mention?.text === 'He');
  assert.equal(he?.speaker.name, 'Dan Okafor');
});
