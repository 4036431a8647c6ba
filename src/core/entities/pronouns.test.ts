import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/segment.js';
import { findEntities } from './find-entities.js';
import { longSentenceDiagnostics, resolvePronoun } from './pronouns.js';

/** The name the `nth` (0-based) occurrence of the pronoun resolves to. */
function resolve(text: string, pronoun: string, nth = 0): string | undefined {
  const seg = segment(text);
  const layer = findEntities(seg);
  const token = seg.tokens.filter((t) => t.text === pronoun)[nth];
  assert.ok(token, `${pronoun} in ${text}`);
  const id = resolvePronoun(seg, layer, token.i);
  return layer.entities.find((e) => e.id === id)?.name;
}

test('subject pronouns to the entity they refer to', () => {
  const cases: [string, string, number, string | undefined][] = [
    ['Governor Tom Alder said he will sign the bill after meeting Jane Roe.', 'he', 0, 'Tom Alder'],
    // two people alike: the one whose given name shows the pronoun's gender, not the one nothing shows
    ['Her lawyer, Sandra Lau, spoke first. Prosecutor Dev Patel spoke next. Lau and Patel both spoke in October. She told the court the evidence was thin.', 'She', 0, 'Sandra Lau'],
    ['The envoy met Ahmed Bakr and Norma Vitt after the session. He warned that the deal was not final.', 'He', 0, 'Ahmed Bakr'],
    ['Director Amara Okafor spoke first. Board chair Glen Moreau said he had worried about the cost.', 'he', 0, 'Glen Moreau'],
    // a gender shown does not outweigh a sentence's distance: the nearer person nothing shows is "she"
    ['Sandra Lau left early. Dev Okoro said the appeal would fail. Later, she told reporters the ruling was wrong.', 'she', 0, 'Dev Okoro'],
    ['Tom Alder praised Jane Roe in Ohio. He said the deal was fair.', 'He', 0, 'Tom Alder'],
    ['The Daily Post ran the story. It said the mayor had resigned.', 'It', 0, 'Daily Post'],
    ['U.S. officials said the talks stalled. They declined to give details.', 'They', 0, 'U.S. officials'],
    ['“We trust Chairman Lee. He keeps his word,” Tom Alder said.', 'He', 0, 'Lee'],
    ['Tom Alder met Lee Jae Sung. “It went well,” he said, adding that he was pleased.', 'he', 1, 'Tom Alder'],
    // a subject with a relative clause between it and its verb is still the subject; "the Harbour Hawks" is a team, no "she"
    ['Rosa Dunne, who played six seasons for the Harbour Hawks, said it was an honour. She smiled.', 'She', 0, 'Rosa Dunne'],
    // a subject with an appositive before its verb is still the subject, over a possessor inside the appositive
    ['Councillor Mara Ellis, Tom Ellis’s sister-in-law, voted against the plan. She said she had doubts.', 'She', 0, 'Mara Ellis'],
    ['Colin Pike, Avery Stone’s coach, left the rink early. He said nothing.', 'He', 0, 'Colin Pike'],
    // an unnamed speaker described after the name is whom the pronoun refers to: no name
    ['Mayor Rita Alvarez opened the meeting. A parent who lives near the school said the road was unsafe. She said her son walks there.', 'She', 0, undefined],
    // a byline's writer is no antecedent
    ['By Nora Quinn, Staff\n\nThe clinic will close. She said it was sad.', 'She', 0, undefined],
  ];
  for (const [text, pronoun, nth, expected] of cases) assert.equal(resolve(text, pronoun, nth), expected, text);
});

test('negative cases: no agreeing antecedent, or only inside someone else’s quote', () => {
  const cases: [string, string][] = [
    ['“Tom Alder will win,” the crowd chanted. He smiled.', 'He'],
    ['The storm passed. It was over by noon.', 'It'],
    ['Jane Roe spoke first. The hall was quiet for an hour. Nobody moved. The lights dimmed. He left.', 'He'],
    ['“We are ready,” the team said.', 'We'],
  ];
  for (const [text, pronoun] of cases) assert.equal(resolve(text, pronoun), undefined, text);
});

test('a long run of pronouns resolves through the earlier ones without recursing down the run', () => {
  // "Ana Silva arrived and she she she … left": each "she" looks back through the one before it.
  const text = `Mayor Ana Silva arrived, and she ${'she '.repeat(30_000)}left.`;
  assert.equal(resolve(text, 'she', 30_000), 'Ana Silva');
});

const longSentences: [string, string, number][] = [
  ['ordinary sentences', 'Ana Silva arrived. She said the ferry runs.', 0],
  ['one sentence past the look-back', `Ana Silva said ${'and then '.repeat(250)}she left.`, 1],
  ['two such sentences, one diagnostic', `Ana Silva said ${'and then '.repeat(250)}she left.\nTom Brown said ${'and so '.repeat(250)}he stayed.`, 1],
];

for (const [name, text, expected] of longSentences) {
  test(`segment/long-sentence: ${name}`, () => {
    const diagnostics = longSentenceDiagnostics(segment(text));
    assert.equal(diagnostics.length, expected);
    for (const d of diagnostics) assert.equal(d.code, 'segment/long-sentence');
  });
}
