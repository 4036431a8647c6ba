import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BANDS, copyChange, fingerprint, isVariant, normalizeWords, sameStatement, wordDiff } from './copies.js';

const HOSPITAL = 'We will not pay for the new hospital wing this year, and nobody on this council should pretend otherwise.';
const TALKS = 'We met for six hours on Tuesday, and the talks are over for now because the other side walked out.';

test('normalized words: case, quotation marks, apostrophes, punctuation, ellipses and diacritics do not count', () => {
  const cases: [string, string[]][] = [
    ['“We won’t pay…” she said.', ['we', "won't", 'pay', 'she', 'said']],
    ['"We WON\'T pay ..." she said', ['we', "won't", 'pay', 'she', 'said']],
    ['It cost 1,000 euros, or 3.5 percent.', ['it', 'cost', '1000', 'euros', 'or', '3.5', 'percent']],
    ['The café in Zürich', ['the', 'cafe', 'in', 'zurich']],
    ['  — ! … ', []],
  ];
  for (const [text, expected] of cases) assert.deepEqual(normalizeWords(text), expected, text);
});

test('sameStatement: copies of one statement', () => {
  const cases: [string, string, string][] = [
    ['word for word', HOSPITAL, HOSPITAL],
    ['case and punctuation', HOSPITAL, HOSPITAL.toUpperCase().replace(/,/g, ' -')],
    ['curly and straight marks', '“We don’t negotiate with anyone who won’t talk,” she said.', '"We don\'t negotiate with anyone who won\'t talk" she said'],
    ['trimmed at the end', HOSPITAL, 'We will not pay for the new hospital wing this year'],
    ['trimmed at the start', TALKS, 'the talks are over for now because the other side walked out'],
    ['a fragment from the middle', TALKS, 'the talks are over for now'],
    ['elided with an ellipsis', HOSPITAL, 'We will not pay … and nobody on this council should pretend otherwise.'],
    ['elided with three periods', TALKS, 'We met for six hours ... because the other side walked out'],
    ['one word changed', HOSPITAL, 'We will not pay for the new hospital wing this year, and nobody on this board should pretend otherwise.'],
    ['one word added', TALKS, 'We met for six long hours on Tuesday, and the talks are over for now because the other side walked out.'],
    ['indirect near-verbatim', 'We will not pay for the new hospital wing this year', 'they would not pay for the new hospital wing this year'],
    ['short quote, word for word', 'No deal.', 'no deal'],
    ['short quote inside one more word', 'a total disgrace', 'a total disgrace, frankly'],
  ];
  for (const [what, a, b] of cases) {
    assert.equal(sameStatement(a, b), true, what);
    assert.equal(sameStatement(b, a), true, `${what} (reversed)`);
  }
});

test('sameStatement: different statements', () => {
  const cases: [string, string, string][] = [
    ['unrelated quotes sharing a few words', 'We will not raise taxes this year', 'We will not attend the summit this year'],
    ['same opening, different claim', 'The council will vote on the budget next week after the hearings.', 'The council will never agree to close the harbor school.'],
    ['unrelated', HOSPITAL, TALKS],
    ['short quote inside a long unrelated one', 'no deal', 'There is no deal on the table and there will not be one until the ministers return from Geneva.'],
    ['short quotes one word apart', 'we will not pay', 'we will never pay'],
    ['same words, another order', 'the mayor blamed the council for the delay', 'the council blamed the mayor for the delay'],
    ['empty', '', HOSPITAL],
    ['only punctuation', '…', '...'],
  ];
  for (const [what, a, b] of cases) {
    assert.equal(sameStatement(a, b), false, what);
    assert.equal(sameStatement(b, a), false, `${what} (reversed)`);
  }
});

test('isVariant and copyChange: how a copy differs from the earliest', () => {
  const cases: [string, string, boolean, string][] = [
    [HOSPITAL, HOSPITAL, false, 'none'],
    [HOSPITAL, HOSPITAL.toLowerCase().replace(/[.,]/g, ''), false, 'none'],
    ['“We don’t negotiate,” she said.', '"We don\'t negotiate" she said', false, 'none'],
    ['We will not pay.', 'We will not pay…', false, 'none'],
    ['We  will\nnot pay.', 'We will not pay.', false, 'none'],
    [HOSPITAL, 'We will not pay for the new hospital wing this year', true, 'excerpt'],
    ['the talks are over', TALKS, true, 'excerpt'],
    [HOSPITAL, 'We will not pay … and nobody on this council should pretend otherwise.', true, 'elided'],
    [HOSPITAL, 'We will … pay for the new hospital wing this year', true, 'elided'],
    [HOSPITAL, 'We will not pay for the new hospital wing this year, and nobody on this board should pretend otherwise.', true, 'changed'],
    ['We will not pay.', 'We will never pay.', true, 'changed'],
  ];
  for (const [earliest, copy, variant, change] of cases) {
    assert.equal(isVariant(earliest, copy), variant, copy);
    assert.equal(copyChange(earliest, copy), change, copy);
  }
});

test('wordDiff: word by word, words as written, punctuation left out', () => {
  const cases: [string, string, Array<[string, string]>][] = [
    ['We will not pay.', 'We will never pay', [['same', 'We will'], ['removed', 'not'], ['added', 'never'], ['same', 'pay']]],
    ['We will not pay.', 'we will not pay', [['same', 'we will not pay']]],
    ['“We won’t pay,” she said.', '"We won\'t pay," she said.', [['same', "We won't pay she said"]]],
    ['the talks are over for now', 'the talks are over', [['same', 'the talks are over'], ['removed', 'for now']]],
    ['the talks are over', 'the talks are finally over', [['same', 'the talks are'], ['added', 'finally'], ['same', 'over']]],
    ['We will … pay', 'We will not pay', [['same', 'We will'], ['added', 'not'], ['same', 'pay']]],
    ['', 'New words', [['added', 'New words']]],
    ['Old words', '', [['removed', 'Old words']]],
  ];
  for (const [from, to, expected] of cases) {
    assert.deepEqual(wordDiff(from, to).map((c) => [c.op, c.text]), expected, `${from} → ${to}`);
  }
});

test('fingerprint: deterministic band keys; equal words give equal bands', () => {
  const a = fingerprint(HOSPITAL);
  assert.equal(a.bands.length, BANDS);
  assert.deepEqual(fingerprint(HOSPITAL), a);
  assert.deepEqual(fingerprint(HOSPITAL.toUpperCase().replace(/[.,]/g, ' ')).bands, a.bands);
  assert.match(a.bands[0], /^00:[0-9a-f]{16}$/);
  assert.equal(new Set(a.bands).size, BANDS);
  assert.deepEqual(fingerprint('… —').bands, []);
  assert.equal(fingerprint('No deal.').bands.length, BANDS);
  // Unrelated statements share no band.
  const b = fingerprint(TALKS);
  assert.equal(a.bands.filter((x) => b.bands.includes(x)).length, 0);
});

/** Made-up words, so that generated statements are the team's own text. */
const VOCAB = ['council', 'budget', 'harbor', 'school', 'vote', 'will', 'not', 'pay', 'the', 'a', 'we', 'they', 'said',
  'talks', 'over', 'for', 'now', 'minister', 'bridge', 'tax', 'hospital', 'wing', 'year', 'next', 'week', 'agree',
  'never', 'plan', 'city', 'water', 'price', 'rise', 'fall', 'deal', 'table', 'open', 'close', 'road', 'north', 'south'];

const statement = fc.array(fc.constantFrom(...VOCAB), { minLength: 20, maxLength: 40 });

function shareBand(a: string, b: string): boolean {
  const x = new Set(fingerprint(a).bands);
  return fingerprint(b).bands.some((band) => x.has(band));
}

test('LSH recall: a copy with one word changed shares a band (property, fixed seed)', () => {
  let found = 0;
  let runs = 0;
  fc.assert(
    fc.property(statement, fc.nat(), fc.constantFrom(...VOCAB), (words, at, replacement) => {
      const copy = [...words];
      copy[at % copy.length] = replacement === copy[at % copy.length] ? 'instead' : replacement;
      runs++;
      if (shareBand(words.join(' '), copy.join(' '))) found++;
    }),
    { seed: 20261202, numRuns: 300 },
  );
  // One change among 20–40 words leaves shingle Jaccard ≥ 0.7: 1 − (1 − 0.7³)³² ≈ 1.
  assert.ok(found / runs >= 0.99, `${found} of ${runs}`);
});

test('LSH recall: a copy trimmed to two thirds shares a band (property, fixed seed)', () => {
  let found = 0;
  let runs = 0;
  fc.assert(
    fc.property(statement, fc.boolean(), (words, fromStart) => {
      const keep = Math.ceil((words.length * 2) / 3);
      const copy = fromStart ? words.slice(0, keep) : words.slice(words.length - keep);
      runs++;
      if (shareBand(words.join(' '), copy.join(' '))) found++;
    }),
    { seed: 20261202, numRuns: 300 },
  );
  // Shingle Jaccard near 0.65: 1 − (1 − 0.65³)³² ≈ 0.9997.
  assert.ok(found / runs >= 0.97, `${found} of ${runs}`);
});

test('LSH precision: independent statements rarely share a band (property, fixed seed)', () => {
  let met = 0;
  let runs = 0;
  fc.assert(
    fc.property(statement, statement, (a, b) => {
      runs++;
      if (shareBand(a.join(' '), b.join(' '))) met++;
    }),
    { seed: 20261202, numRuns: 300 },
  );
  // Random texts over a 40-word vocabulary still share some three-word shingles (J ≈ 0.02).
  assert.ok(met / runs <= 0.03, `${met} of ${runs}`);
});
