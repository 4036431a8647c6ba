import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/segment.js';
import { findEntities } from './find-entities.js';
import { findGroupSpeakers } from './groups.js';

/** Each entity as "type:name", its mention texts, and its role texts. */
function entities(text: string): [string, string[], string[]][] {
  return findEntities(segment(text)).entities.map((e) => [`${e.type}:${e.name}`, e.mentions.map((m) => m.text), (e.roles ?? []).map((r) => r.text)]);
}

test('names, their types and their roles', () => {
  const cases: [string, [string, string[], string[]][]][] = [
    ['Labor Secretary Jane Roe met Governor Tom Alder in Ohio.', [
      ['person:Jane Roe', ['Jane Roe'], ['Labor Secretary']],
      ['person:Tom Alder', ['Tom Alder'], ['Governor']],
      ['place:Ohio', ['Ohio'], []],
    ]],
    ['U.S. Secretary of State Ann Fell spoke in Geneva on Friday.', [
      ['place:U.S.', ['U.S.'], []],
      ['person:Ann Fell', ['Ann Fell'], ['U.S. Secretary of State']],
      ['place:Geneva', ['Geneva'], []],
    ]],
    ['South Korean leader Park Min Ho greeted the crowd.', [['person:Park Min Ho', ['Park Min Ho'], ['South Korean leader']]]],
    // lower-case particles inside a name; a later mention with a title and the particles is the same person
    ['Director Ines de la Vega spoke first. Ms. de la Vega thanked the crew.', [
      ['person:Ines de la Vega', ['Ines de la Vega', 'de la Vega'], ['Director', 'Ms.']],
    ]],
    // a name right after a lower-case organization noun is that organization
    ['Environmental group TideWatch said the rules were weak.', [['organization:TideWatch', ['TideWatch'], []]]],
    // a name before a lower-case corporate title is the organization, not a person
    ['Rivet Bikes chief executive Olu Bakare said sales rose.', [
      ['organization:Rivet Bikes', ['Rivet Bikes'], []],
      ['person:Olu Bakare', ['Olu Bakare'], ['chief executive']],
    ]],
    ['The Daily Post and the Evening News printed the letter, Reuters said.', [
      ['organization:Daily Post', ['Daily Post'], []],
      ['organization:Evening News', ['Evening News'], []],
      ['organization:Reuters', ['Reuters'], []],
    ]],
    ['The Justice Department and the Supreme Court were silent.', [
      ['organization:Justice Department', ['Justice Department'], []],
      ['organization:Supreme Court', ['Supreme Court'], []],
    ]],
    ['Sen. Lee Dunn, Rep. Mo Hart and Dr. J. P. Quill Jr. signed the letter.', [
      ['person:Lee Dunn', ['Lee Dunn'], ['Sen.']],
      ['person:Mo Hart', ['Mo Hart'], ['Rep.']],
      ['person:J. P. Quill Jr.', ['J. P. Quill Jr.'], ['Dr.']],
    ]],
    ['Protesters marched to the Bank of England and the Ministry of Finance.', [
      ['organization:Bank of England', ['Bank of England'], []],
      ['organization:Ministry of Finance', ['Ministry of Finance'], []],
    ]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(entities(text), expected, text);
});

test('hyphenated names, particles glued by a hyphen, and surnames tagged as auxiliaries', () => {
  const cases: [string, string[]][] = [
    // a hyphen inside the first word of a name that goes on: one name
    ['Spokesperson Mei-Ling Cho said the plant would stay open.', ['person:Mei-Ling Cho']],
    ['Hart-Lowell Logistics will close a warehouse in June.', ['organization:Hart-Lowell Logistics']],
    // a particle glued by a hyphen to the surname
    ['The deputy minister, Ahmed al-Rashidi, met the envoy.', ['person:Ahmed al-Rashidi']],
    // short surnames that wink-nlp tags as auxiliaries, after a given name or before "said"
    ['Envoy Anil Das, who led the delegation, arrived late. Das said the talks went well.', ['person:Anil Das']],
    ['Goaltender Jonas Will, who made 34 saves, was tired.', ['person:Jonas Will']],
    ['Minh Do, an engineer, said the gauges work. “We moved the cattle,” Do said.', ['person:Minh Do']],
    // the surname Said after a given name, or before a verb in the past
    ['Her counterpart, Karim Said, said the crossing would open. “It took too long,” Said told reporters.', ['person:Karim Said']],
    // two words after a person's role are a person, whatever place word begins them
    ['Board chair Glen Moreau said he had worried about the cost.', ['person:Glen Moreau']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(entities(text).map(([e]) => e), expected, text);
  // a hyphenated name alone, where the article wrote it inside a longer name, is that name
  assert.deepEqual(entities('Coach Elena Vasquez-Moore spoke first. Vasquez-Moore said the team was tired.'),
    [['person:Elena Vasquez-Moore', ['Elena Vasquez-Moore', 'Vasquez-Moore'], ['Coach']]]);
  // look-alikes: two names joined by a hyphen before a common noun are no one name; auxiliaries stay auxiliaries
  const negatives: [string, string][] = [
    ['The Trump-Kim summit ended early.', 'Trump-Kim'],
    ['Senators Will Vote on the Bill', 'Will'],
    ['Will the council vote on Monday? Do you think so?', 'Will'],
    ['Will the council vote on Monday? Do you think so?', 'Do'],
    ['Trump Said He Would Sign the Order', 'Said'],
  ];
  for (const [text, name] of negatives) assert.ok(!entities(text).some(([e]) => e.split(':')[1].split(' ').includes(name)), `${text}: ${name}`);
});

test('mentions of one entity are clustered', () => {
  const cases: [string, [string, string[], string[]][]][] = [
    ['President Hale said the plan works. Hale later posted that #Hale was right.', [
      ['person:Hale', ['Hale', 'Hale', '#Hale'], ['President']],
    ]],
    ['Mayor Ruth Okafor spoke first. Okafor said Ruth [Okafor] had no regrets.', [
      ['person:Ruth Okafor', ['Ruth Okafor', 'Okafor', 'Ruth [Okafor]'], ['Mayor']],
    ]],
    ['Premier Lee Jae Sung arrived. Chairman Lee thanked the hosts, and Lee left.', [
      ['person:Lee Jae Sung', ['Lee Jae Sung', 'Lee', 'Lee'], ['Premier', 'Chairman']],
    ]],
    ['Tova Marr arrived. Marr said Tova was tired.', [['person:Tova Marr', ['Tova Marr', 'Marr', 'Tova'], []]]],
    ['The talks in #SouthKorea went well. South Korea said so.', [['place:South Korea', ['#SouthKorea', 'South Korea'], []]]],
    ['Kell said the vote was fair. Later, Judge Ada Kell ruled.', [['person:Ada Kell', ['Kell', 'Ada Kell'], ['Judge']]]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(entities(text), expected, text);
});

test('negative cases: capitalized words that name no one', () => {
  const cases: string[] = [
    'Protesters gathered outside the hall.',
    'Officials declined to comment.',
    'However, the deal collapsed in May.',
    'The vote is on Tuesday, Nov. 6.',
    'North Korean diplomats left early.',
    'The Secretary of State declined to comment.',
    'Thousands joined the #nuclear protest.',
  ];
  for (const text of cases) assert.deepEqual(entities(text).filter(([t]) => !t.startsWith('group:')), [], text);
});

test('May: a month, or a name', () => {
  assert.deepEqual(entities('Prime Minister Theresa May spoke in May. After the vote, May said she would stay.'), [
    ['person:Theresa May', ['Theresa May', 'May'], ['Prime Minister']],
  ]);
});

test('group speakers are subjects of speech verbs only', () => {
  const groups = (text: string) => findGroupSpeakers(segment(text)).map((g) => g.key);
  const cases: [string, string[]][] = [
    ['U.S. officials said the talks stalled.', ['u.s. officials']],
    ['Reporters asked when the vote would be held.', ['reporters']],
    ['Analysts have long warned of a slowdown.', ['analysts']],
    ['The mayor told reporters the bridge was safe.', []],
    ['Officials met in the capital.', []],
  ];
  for (const [text, expected] of cases) assert.deepEqual(groups(text), expected, text);
});

test('entityAt prefers the longest overlapping mention', () => {
  const text = 'U.S. Secretary of State Ann Fell spoke.';
  const layer = findEntities(segment(text));
  const fell = layer.entities.find((e) => e.name === 'Ann Fell')?.id;
  assert.equal(layer.entityAt(0, text.indexOf(' spoke')), fell);
  assert.equal(layer.entityAt(0, 4), layer.entities.find((e) => e.name === 'U.S.')?.id);
  assert.equal(layer.entityAt(text.indexOf('spoke'), text.length), undefined);
  assert.deepEqual(JSON.parse(JSON.stringify(layer.entities)), layer.entities);
});

test('an appositive naming an organization makes no organization of a person', () => {
  // [text, "type:name" of the first entity] — the team's own sentences.
  const cases: [string, string][] = [
    // a possessor is not the appositive's head: "the clinic’s director" is a person's role
    ['Dr. Omari Blake, the clinic’s chief of surgery, said the wing would reopen.', 'person:Omari Blake'],
    ['Councillor Ray Dunn, the city’s deputy mayor, said the vote would wait.', 'person:Ray Dunn'],
    // unchanged: a one-word name with an organization noun in its appositive
    ['Tallyfin, an Ashby-based maker of payroll software, said it would hire 40 people.', 'organization:Tallyfin'],
  ];
  for (const [text, expected] of cases) assert.equal(entities(text)[0][0], expected, text);
});

test('a plural possessive inside a name keeps the name whole', () => {
  // the team's own sentences
  assert.equal(entities('The Ontario Teachers’ Federation filed a grievance.')[0][0], 'organization:Ontario Teachers’ Federation');
  assert.equal(entities("The Riverside Veterans' Association met on Monday.")[0][0], "organization:Riverside Veterans' Association");
  // an apostrophe before a lower-case word joins nothing
  assert.ok(entities('Coach Mina Ford praised the Hawks’ defence.').every(([name]) => !name.includes('defence')));
});
