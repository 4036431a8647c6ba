import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchPeople, personKeys, type KnownPerson, type PersonInArticle, type PersonMatch } from './people.js';
import { parseName } from './names.js';

/** A person of an article: its name, then its other forms. */
function p(name: string, variants: string[] = [], roles: string[] = []): PersonInArticle {
  return { name, variants, roles };
}

function k(id: number, name: string, variants: string[] = [], roles: string[] = []): KnownPerson {
  return { id, name, variants, roles };
}

/** The answer in short: "#1 Jane Okafor" for an existing person, "new Okafor" for a new one. */
function short(m: PersonMatch): string {
  return m.kind === 'existing' ? `#${m.id} ${m.name}` : `new ${m.name}`;
}

const janeDan = [k(1, 'Jane Okafor', ['Okafor']), k(2, 'Dan Okafor', ['Dr. Okafor'])];

test('merging: the same person under another name form', () => {
  const cases: [string, KnownPerson[], PersonInArticle, string][] = [
    ['same full name', [k(1, 'Jane Okafor')], p('Jane Okafor'), '#1 Jane Okafor'],
    ['role kept apart from the name', [k(1, 'Jane Okafor')], p('Secretary of State Jane Okafor', [], ['Secretary of State']), '#1 Jane Okafor'],
    ['role in the name without the roles list', [k(1, 'Jane Okafor')], p('Secretary of State Jane Okafor'), '#1 Jane Okafor'],
    ['country and title before the name', [k(7, 'Tom Alder')], p('U.S. Sen. Tom Alder'), '#7 Tom Alder'],
    ['bare surname, one person known with it', [k(1, 'Jane Okafor')], p('Okafor'), '#1 Jane Okafor'],
    ['honorific Mr. stripped', [k(3, 'Dan Okafor')], p('Mr. Okafor'), '#3 Dan Okafor'],
    ['honorific Dr. stripped', [k(3, 'Dan Okafor')], p('Dr. Dan Okafor'), '#3 Dan Okafor'],
    ['possessive, straight apostrophe', [k(1, 'Jane Okafor')], p("Okafor's"), '#1 Jane Okafor'],
    ['possessive, curly apostrophe', [k(1, 'Jane Okafor')], p('Okafor’s'), '#1 Jane Okafor'],
    ['plural possessive', [k(4, 'Ruth Jones')], p("Jones'"), '#4 Ruth Jones'],
    ['upper case from a headline', [k(1, 'Jane Okafor')], p('JANE OKAFOR'), '#1 Jane Okafor'],
    ['diacritics folded', [k(5, 'Zoë Ndiaye')], p('Zoe Ndiaye'), '#5 Zoë Ndiaye'],
    ['diacritics on the surname', [k(5, 'Ana Muñoz')], p('Muñoz'), '#5 Ana Muñoz'],
    ['nickname of the known formal name', [k(6, 'Michael Brandt')], p('Mike Brandt'), '#6 Michael Brandt'],
    ['formal name of the known nickname', [k(6, 'Bill Harlow')], p('William Harlow'), '#6 Bill Harlow'],
    ['initial of the known given name', [k(1, 'Jane Okafor')], p('J. Okafor'), '#1 Jane Okafor'],
    ['initial without a period', [k(1, 'Jane Okafor')], p('J Okafor'), '#1 Jane Okafor'],
    ['full name for a known initial', [k(1, 'J. Okafor')], p('Jane Okafor'), '#1 Jane Okafor'],
    ['middle initial added', [k(8, 'Ruth Pellham')], p('Ruth A. Pellham'), '#8 Ruth A. Pellham'],
    ['multi-word surname in full', [k(9, 'Maria de la Cruz')], p('De la Cruz'), '#9 Maria de la Cruz'],
    ['last word of a multi-word surname', [k(9, 'Maria de la Cruz')], p('Cruz'), '#9 Maria de la Cruz'],
    ['particle capitalized mid-name', [k(10, 'Bill de Blasco')], p('Bill De Blasco'), '#10 Bill de Blasco'],
    ['hyphenated surname', [k(11, 'Ana Smith-Jones')], p('Ms. Smith-Jones'), '#11 Ana Smith-Jones'],
    ['hyphen written as an en dash', [k(11, 'Ana Smith-Jones')], p('Ana Smith–Jones'), '#11 Ana Smith-Jones'],
    ['two surnames said without the given name', [k(12, 'Gabriel Ortega Llano')], p('Ortega Llano'), '#12 Gabriel Ortega Llano'],
    ['suffix kept in the display', [k(13, 'Dan Okafor')], p('Dan Okafor Jr.'), '#13 Dan Okafor'],
    ['full name picks its own among same-surname people', janeDan, p('Dan Okafor'), '#2 Dan Okafor'],
    ['gender of a title tells two Okafors apart', [k(1, 'Jane Okafor', ['Mrs. Okafor']), k(2, 'Dan Okafor', ['Mr. Okafor'])], p('Mr. Okafor'), '#2 Dan Okafor'],
  ];
  for (const [what, known, person, expected] of cases) assert.equal(short(matchPeople([person], known)[0]), expected, what);
});

test('not merging: different people, or not enough to tell', () => {
  const cases: [string, KnownPerson[], PersonInArticle, string][] = [
    ['same surname, different given name', [k(1, 'Jane Okafor')], p('Dan Okafor'), 'new Dan Okafor'],
    ['bare surname, two people known with it', janeDan, p('Okafor'), 'new Okafor'],
    ['honorific does not pick between two', janeDan, p('Dr. Okafor'), 'new Okafor'],
    ['initial fits two', [k(1, 'Jane Okafor'), k(2, 'Jill Okafor')], p('J. Okafor'), 'new J. Okafor'],
    ['initial fits none', [k(1, 'Jane Okafor')], p('D. Okafor'), 'new D. Okafor'],
    ['different middle names', [k(1, 'John F. Marsh')], p('John A. Marsh'), 'new John A. Marsh'],
    ['two formal names sharing a diminutive', [k(1, 'Christopher Vale')], p('Christine Vale'), 'new Christine Vale'],
    ['similar given names are not diminutives', [k(1, 'Jane Okafor')], p('Jan Okafor'), 'new Jan Okafor'],
    ['a known given name is not a surname', [k(1, 'Jane Okafor')], p('Jane'), 'new Jane'],
    ['different surnames, same given name', [k(1, 'Jane Okafor')], p('Jane Adeyemi'), 'new Jane Adeyemi'],
    ['hyphenated surname is not its last part', [k(11, 'Ana Smith-Jones')], p('Jones'), 'new Jones'],
    ['title of the other gender', [k(1, 'Jane Okafor', ['Mrs. Okafor'])], p('Mr. Okafor'), 'new Okafor'],
    ['role-only mention', [k(1, 'Jane Okafor', [], ['mayor'])], p('the mayor'), 'new the mayor'],
    ['a title alone', [k(1, 'Jane Okafor', [], ['Mayor'])], p('Mayor'), 'new Mayor'],
    ['nobody known', [], p('Jane Okafor'), 'new Jane Okafor'],
    ['surname-only person kept when another Okafor has a full name', [k(1, 'Okafor'), k(2, 'Dan Okafor')], p('Jane Okafor'), 'new Jane Okafor'],
  ];
  for (const [what, known, person, expected] of cases) assert.equal(short(matchPeople([person], known)[0]), expected, what);
});

test('a surname-only person is upgraded by the first full name when unambiguous', () => {
  // Article 1: "Okafor said the talks were over." Article 2: "Secretary of State Jane Okafor said …"
  const [m] = matchPeople([p('Jane Okafor', ['Okafor'], ['Secretary of State'])], [k(1, 'Okafor')]);
  assert.deepEqual(m, { kind: 'existing', id: 1, name: 'Jane Okafor', reason: 'people/upgraded' });
});

test('an ambiguous bare surname says which people it could be', () => {
  const [m] = matchPeople([p('Okafor')], janeDan);
  assert.deepEqual(m, { kind: 'new', name: 'Okafor', reason: 'people/ambiguous', ambiguous: [1, 2] });
});

test('the display name after merging is the fullest, and a known name is stable on ties', () => {
  const cases: [string, KnownPerson, PersonInArticle, string][] = [
    ['fuller new name', k(1, 'Okafor'), p('Jane Okafor'), 'Jane Okafor'],
    ['initial spelled out', k(1, 'J. Okafor'), p('Jane Okafor'), 'Jane Okafor'],
    ['known spelled-out name kept over an initial', k(1, 'Jane Okafor'), p('J. Okafor'), 'Jane Okafor'],
    ['nickname does not replace the known name', k(1, 'Michael Brandt'), p('Mike Brandt'), 'Michael Brandt'],
    ['role never enters the name', k(1, 'Jane Okafor'), p('Secretary of State Jane Okafor', [], ['Secretary of State']), 'Jane Okafor'],
    ['mixed case over a headline’s capitals', k(1, 'JANE OKAFOR'), p('Jane Okafor'), 'Jane Okafor'],
  ];
  for (const [what, known, person, expected] of cases) {
    const [m] = matchPeople([person], [known]);
    assert.equal(m.kind, 'existing', what);
    assert.equal(m.name, expected, what);
  }
});

test('people of one article never collapse into one known person on weak evidence', () => {
  const cases: [string, KnownPerson[], PersonInArticle[], string[]][] = [
    ['two full names, one surname-only person known', [k(1, 'Okafor')], [p('Jane Okafor'), p('Dan Okafor')], ['new Jane Okafor', 'new Dan Okafor']],
    ['bare surname beside its full name, entity layer kept them apart', [k(1, 'Jane Okafor')], [p('Jane Okafor'), p('Okafor')], ['#1 Jane Okafor', 'new Okafor']],
    ['both full names known', janeDan, [p('Dan Okafor'), p('Jane Okafor')], ['#2 Dan Okafor', '#1 Jane Okafor']],
    ['an entity split in two, both full names', [k(1, 'Jane Okafor')], [p('Jane Okafor'), p('Jane Okafor')], ['#1 Jane Okafor', '#1 Jane Okafor']],
    ['two initials on one person', [k(1, 'Jane Okafor')], [p('J. Okafor'), p('J. Okafor', ['Okafor'])], ['new J. Okafor', 'new J. Okafor']],
    ['different surnames in one article', [k(1, 'Jane Okafor'), k(2, 'Tom Alder')], [p('Alder'), p('Okafor')], ['#2 Tom Alder', '#1 Jane Okafor']],
  ];
  for (const [what, known, people, expected] of cases) assert.deepEqual(matchPeople(people, known).map(short), expected, what);
});

test('incremental merging over a sequence of articles', () => {
  // A small store in memory: each article's people are matched against everyone sharing a key.
  const known: KnownPerson[] = [];
  const ingest = (people: PersonInArticle[]): string[] => {
    const keys = new Set(people.flatMap((x) => personKeys(x)));
    const candidates = known.filter((x) => personKeys(x).some((key) => keys.has(key)));
    return matchPeople(people, candidates).map((m, i) => {
      if (m.kind === 'existing') {
        const x = known.find((y) => y.id === m.id)!;
        known[known.indexOf(x)] = { ...x, name: m.name, variants: [...new Set([...x.variants, people[i].name, ...people[i].variants])] };
        return `#${m.id} ${m.name}`;
      }
      if (m.reason === 'people/no-name' || m.reason === 'people/ambiguous') return `unresolved ${m.name}`;
      const id = known.length + 1;
      known.push({ id, name: m.name, variants: [people[i].name, ...people[i].variants], roles: people[i].roles });
      return `#${id} ${m.name}`;
    });
  };
  const articles: [PersonInArticle[], string[]][] = [
    // "Okafor said the talks were over." (no one else named Okafor)
    [[p('Okafor')], ['#1 Okafor']],
    // "Secretary of State Jane Okafor said … Tom Alder, the mayor, said …"
    [[p('Jane Okafor', ['Okafor'], ['Secretary of State']), p('Tom Alder', ['Alder'], ['mayor'])], ['#1 Jane Okafor', '#2 Tom Alder']],
    // "Dr. Dan Okafor, a surgeon, told reporters …"
    [[p('Dan Okafor', ['Dr. Okafor'], ['surgeon'])], ['#3 Dan Okafor']],
    // "Okafor declined to comment." — two Okafors known now
    [[p('Okafor')], ['unresolved Okafor']],
    // "Mr. Alder said …"
    [[p('Alder', ['Mr. Alder'])], ['#2 Tom Alder']],
    // "J. Okafor wrote …" — both are J/D: only Jane starts with J
    [[p('J. Okafor')], ['#1 Jane Okafor']],
    // "the mayor said …"
    [[p('the mayor')], ['unresolved the mayor']],
  ];
  for (const [people, expected] of articles) assert.deepEqual(ingest(people), expected, people.map((x) => x.name).join(', '));
});

test('personKeys: the folded last word of each surname; none for role-only mentions', () => {
  const cases: [PersonInArticle, string[]][] = [
    [p('Jane Okafor', ['Okafor', 'Ms. Okafor’s']), ['okafor']],
    [p('Secretary of State Jane Okafor'), ['okafor']],
    [p('Maria de la Cruz', ['De la Cruz']), ['cruz']],
    [p('Ana Smith-Jones'), ['smith-jones']],
    [p('Ana Muñoz', ['MUÑOZ']), ['munoz']],
    [p('Dan Okafor Jr.'), ['okafor']],
    [p('the mayor'), []],
    [p(''), []],
  ];
  for (const [person, expected] of cases) assert.deepEqual(personKeys(person), expected, person.name);
});

test('parseName: the parts of a name form', () => {
  const cases: [string, { display: string; given: string[]; surname: string } | undefined][] = [
    ['Secretary of State Jane Okafor', { display: 'Jane Okafor', given: ['jane'], surname: 'okafor' }],
    ['Mr. Okafor’s', { display: 'Okafor', given: [], surname: 'okafor' }],
    ['J.R. Okafor', { display: 'J.R. Okafor', given: ['j', 'r'], surname: 'okafor' }],
    ['Maria de la Cruz', { display: 'Maria de la Cruz', given: ['maria'], surname: 'de la cruz' }],
    ['Van Holt', { display: 'Van Holt', given: [], surname: 'van holt' }],
    ['Al Brennan', { display: 'Al Brennan', given: ['al'], surname: 'brennan' }],
    ['Mohammed bin Rashed', { display: 'Mohammed bin Rashed', given: ['mohammed'], surname: 'bin rashed' }],
    ['the mayor', undefined],
    ['a spokeswoman', undefined],
    ['Mr.', undefined],
    ['', undefined],
  ];
  for (const [form, expected] of cases) {
    const parts = parseName(form);
    assert.deepEqual(parts && { display: parts.display, given: [...parts.given], surname: parts.surname }, expected, form);
  }
});
