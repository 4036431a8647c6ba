import { test } from 'node:test';
import assert from 'node:assert/strict';
import { genderOfGivenName, genderOfPerson, genderOfTitle } from './gender.js';

test('given names and titles show a gender only where English usage is clear', () => {
  const rows: [string, ReturnType<typeof genderOfGivenName>][] = [['rita', 'female'], ['dan', 'male'], ['jen', 'female'], ['alex', undefined], ['jordan', undefined], ['okafor', undefined]];
  for (const [name, g] of rows) assert.equal(genderOfGivenName(name), g, name);
  assert.equal(genderOfTitle('spokeswoman'), 'female');
  assert.equal(genderOfTitle('mr.'), 'male');
  assert.equal(genderOfTitle('mayor'), undefined);
});

test('genderOfPerson reads roles, courtesy titles and the given name, and gives up where they disagree', () => {
  const span = (text: string, start = 10) => ({ start, end: start + text.length, text });
  assert.equal(genderOfPerson('Rita Alvarez', [span('Rita Alvarez')], [], () => ''), 'female');
  assert.equal(genderOfPerson('Okafor', [span('Okafor')], [span('Mayor')], () => 'Mr. '), 'male');
  assert.equal(genderOfPerson('Sam Lee', [span('Sam Lee')], [span('spokeswoman')], () => ''), 'female');
  assert.equal(genderOfPerson('Dan Okafor', [span('Dan Okafor')], [span('spokeswoman')], () => ''), undefined);
  assert.equal(genderOfPerson('Taylor Reed', [span('Taylor Reed')], [], () => ''), undefined);
});
