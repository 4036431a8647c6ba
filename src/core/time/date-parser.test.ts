import { test } from 'node:test';
import assert from 'node:assert/strict';
import { casual, type ParsedResult } from 'chrono-node/en';
import { dateParser, GATED_PARSERS } from './date-parser.js';

const REFERENCE = new Date(2018, 9, 9, 12);

/** What a result says: where, its words, and the instants it names. */
const read = (results: ParsedResult[]) => results.map((r) => [r.index, r.text, r.start.date().toISOString(), r.end?.date().toISOString()]);

test('the two time-unit patterns of chrono run behind their gates', () => {
  assert.equal(GATED_PARSERS, 2);
});

test('the gated parser reads every text as chrono does', () => {
  const texts = [
    'The council met two days ago to discuss the plan.',
    'Three weeks before the Nov. 6 election, the mayor changed course.',
    'The vote came five days after Monday’s hearing.',
    'Two years earlier, on March 3, the plant had closed.',
    'The minister will return a week later, on Friday.',
    'The ban starts two weeks from now, the agency said on Tuesday.',
    'About 40 people walked out on Sunday.',
    'Within three days of the storm, the roads reopened on Oct. 12.',
    'In a few hours the talks resume, officials said Wednesday.',
    'The rally began at 3 p.m. on Oct. 3 near the square.',
    'The report was filed on October 9, 2018 in the capital.',
    'On Monday, the minister told lawmakers the budget was final.',
    'Sales rose 3 percent from a year before, the company said Thursday.',
    'The talks, held months after the Jan. 4 accord, ended yesterday.',
  ];
  for (const text of texts) assert.deepEqual(read(dateParser.parse(text, REFERENCE)), read(casual.parse(text, REFERENCE)), text);
});

test('a text without their closing words never reaches the gated patterns', () => {
  const reached: string[] = [];
  const spy = dateParser.clone();
  spy.parsers = spy.parsers.map((p) => ({ pattern: (context) => (reached.push(p.pattern(context).source), p.pattern(context)), extract: p.extract.bind(p) }));
  spy.parse('The mayor told reporters on Tuesday that the bridge would reopen.', REFERENCE);
  assert.equal(reached.filter((source) => source === '(?!)').length, 2);
  reached.length = 0;
  spy.parse('The bridge reopened two days ago and a week later it closed again.', REFERENCE);
  assert.equal(reached.filter((source) => source === '(?!)').length, 0);
});
