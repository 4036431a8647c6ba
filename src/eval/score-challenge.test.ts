/**
 * The challenge scorer on small hand-made gold and prediction tables whose counts are known in advance:
 * a match, a false positive, a miss, a multi-run quote split into runs, a duplicate, wrong speakers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveGoldArticle, type GoldArticle, type GoldAttribution } from './challenge-gold.js';
import { nameIsRight, normalizeName, runsOf, scoreChallenge, sentenceAround, type ChallengeArticle } from './score-challenge.js';
import type { JsonObject } from './predictions.js';

const TEXT = [
  'Coach Lena Brandt said the team would rest its starters, but she expected a full squad by Friday.', // 0
  'Marek Oyelaran added two goals in the third period.',
  '“We were tired,” Brandt said. “The travel hurt us.”',
  'League officials said the schedule would not change.',
  'READ MORE: Brandt says rest is the key',
].join('\n');

/** Where `part` stands in TEXT; "said#2" is the second "said". */
function at(spec: string): { start: number; end: number } {
  const [part, n] = spec.split('#');
  const occurrence = Number(n ?? 1);
  let i = -1;
  for (let n = 0; n < occurrence; n++) i = TEXT.indexOf(part, i + 1);
  assert.ok(i >= 0, part);
  return { start: i, end: i + part.length };
}

const GOLD_ATTRIBUTIONS: GoldAttribution[] = [
  {
    type: 'statement', kind: 'indirect', content: [{ text: 'the team would rest its starters, but she expected a full squad by Friday' }],
    speaker: { mention: { text: 'Coach Lena Brandt' }, name: 'Lena Brandt' }, cue: { text: 'said' }, patterns: ['coordinated'],
  },
  {
    type: 'statement', kind: 'direct', content: [{ text: 'We were tired,' }, { text: 'The travel hurt us.' }],
    speaker: { mention: { text: 'Brandt', occurrence: 2 }, name: 'Lena Brandt' }, cue: { text: 'said', occurrence: 2 }, patterns: ['surname'],
  },
  {
    type: 'statement', kind: 'indirect', content: [{ text: 'the schedule would not change' }],
    speaker: { mention: { text: 'League officials' }, name: null }, cue: { text: 'said', occurrence: 3 }, patterns: ['unnamed'],
  },
];

function article(attributions = GOLD_ATTRIBUTIONS): ChallengeArticle {
  const raw: GoldArticle = {
    id: 'sports-01', style: 'sports', publishedAt: '2026-03-14', attributions,
    negatives: [
      { text: 'added two goals', pattern: 'cue-sense' },
      { text: 'READ MORE: Brandt says rest is the key', pattern: 'furniture' },
    ],
  };
  const { gold, problems } = resolveGoldArticle(TEXT, raw);
  assert.deepEqual(problems, []);
  return { id: 'sports-01', text: TEXT, gold };
}

/** A predicted attribution: content parts, mention, name and cue as text of TEXT ("said#2": the second). */
function pred(content: string[], mention: string | null, name: string | null, cue: string | null, type = 'statement', kind = content.length > 1 ? 'direct' : 'indirect'): JsonObject {
  return {
    type, kind, content: content.map((c) => at(c)),
    speaker: { ...(mention && { mention: { ...at(mention), text: mention.split('#')[0] } }), ...(name && { name }) },
    ...(cue && { cue: { ...at(cue), text: cue.split('#')[0] } }),
  };
}

function score(attributions: JsonObject[], gold?: GoldAttribution[]) {
  return scoreChallenge([article(gold)], new Map([['sports-01', { id: 'sports-01', attributions }]]));
}

test('every gold run found with its speaker scores 1 throughout', () => {
  const s = score([
    pred(['the team would rest its starters, but she expected a full squad by Friday'], 'Coach Lena Brandt', 'Lena Brandt', 'said'),
    pred(['We were tired,', 'The travel hurt us.'], 'Brandt#2', 'Lena Brandt', 'said#2'),
    pred(['the schedule would not change'], 'League officials', null, 'said#3'),
  ]);
  assert.deepEqual([s.statements.tp, s.statements.fp, s.statements.fn], [4, 0, 0]); // the two-run quote counts two runs
  assert.deepEqual([s.statements.precision, s.statements.recall, s.statements.f1], [1, 1, 1]);
  assert.deepEqual([s.mentionRight.right, s.mentionRight.of, s.nameRight.right, s.nameRight.of], [4, 4, 4, 4]);
  assert.deepEqual([s.cueRight.right, s.cueRight.of], [4, 4]);
});

test('a false positive, a miss and pattern counts', () => {
  const s = score([
    pred(['the team would rest its starters'], 'Coach Lena Brandt', 'Lena Brandt', 'said'), // cut at the comma: 32/72 = 0.44, still a match
    pred(['two goals in the third period'], 'Marek Oyelaran', 'Marek Oyelaran', 'added'), // a cue in a non-speech sense
    pred(['rest is the key'], 'Brandt#3', 'Lena Brandt', null), // a link line
    pred(['We were tired,'], 'Brandt#2', 'Lena Brandt', 'said#2'), // the second run is missed
  ]);
  assert.deepEqual([s.statements.tp, s.statements.fp, s.statements.fn], [2, 2, 2]);
  assert.deepEqual([s.statements.precision, s.statements.recall, s.statements.f1], [0.5, 0.5, 0.5]);
  assert.deepEqual(s.falsePositivesByPattern, { 'cue-sense': 1, furniture: 1 });
  assert.deepEqual(s.missesByPattern, { surname: 1, unnamed: 1 });
  assert.deepEqual(s.misses.map((m) => m.content), ['The travel hurt us.', 'the schedule would not change']);
  assert.equal(s.falsePositives[0].sentence, 'Marek Oyelaran added two goals in the third period.');
});

test('content overlapping less than 30% is a false positive and a miss, never a match', () => {
  // "the team would rest" is 19 of the gold's 72 characters: 0.26
  const s = score([pred(['the team would rest'], 'Coach Lena Brandt', 'Lena Brandt', 'said')], [GOLD_ATTRIBUTIONS[0]]);
  assert.deepEqual([s.statements.tp, s.statements.fp, s.statements.fn], [0, 1, 1]);
  assert.deepEqual(s.falsePositivesByPattern, { 'overlaps-gold': 1 });
});

test('a statement predicted where the gold has a belief is a false positive of its own kind', () => {
  const belief: GoldAttribution = { ...GOLD_ATTRIBUTIONS[2], type: 'belief' };
  const s = score([pred(['the schedule would not change'], 'League officials', null, 'said#3')], [belief]);
  assert.deepEqual([s.statements.tp, s.statements.fp, s.statements.fn], [0, 1, 0]);
  assert.deepEqual(s.falsePositivesByPattern, { 'other-type': 1 });
});

test('a run predicted twice matches once; the duplicate is a false positive', () => {
  const s = score([
    pred(['We were tired,', 'The travel hurt us.'], 'Brandt#2', 'Lena Brandt', 'said#2'),
    pred(['The travel hurt us.'], 'Brandt#2', 'Lena Brandt', null),
  ], [GOLD_ATTRIBUTIONS[1]]);
  assert.deepEqual([s.statements.tp, s.statements.fp, s.statements.fn], [2, 1, 0]);
  assert.deepEqual(s.falsePositivesByPattern, { 'overlaps-gold': 1 });
});

test('one predicted span over both runs and the tag between matches one run and misses the other', () => {
  const s = score([pred(['We were tired,” Brandt said. “The travel hurt us.'], 'Brandt#2', 'Lena Brandt', 'said#2')], [GOLD_ATTRIBUTIONS[1]]);
  assert.deepEqual([s.statements.tp, s.statements.fp, s.statements.fn], [1, 0, 1]);
});

test('wrong mention, wrong name, an invented name for an unnamed source; other types are not statements', () => {
  const s = score([
    pred(['the team would rest its starters, but she expected a full squad by Friday'], 'she', 'Marek Oyelaran', 'said'),
    pred(['We were tired,', 'The travel hurt us.'], 'Brandt#2', 'Brandt', 'said#2'), // a surname alone is not the full name
    pred(['the schedule would not change'], 'League officials', 'Lena Brandt', 'said#3'),
    pred(['two goals in the third period'], 'Marek Oyelaran', 'Marek Oyelaran', 'added', 'belief'), // not scored
  ]);
  assert.deepEqual(s.falsePositives, []);
  assert.deepEqual([s.statements.tp, s.statements.fp, s.statements.fn], [4, 0, 0]);
  assert.deepEqual([s.mentionRight.right, s.mentionRight.of], [3, 4]); // "she" does not share a character with "Coach Lena Brandt"
  assert.deepEqual([s.nameRight.right, s.nameRight.of], [0, 4]);
  assert.equal(s.wrongSpeakers.length, 4);
});

test('an unnamed source may keep its mention or words of it as its name, or have none', () => {
  for (const name of [null, 'League officials', 'league officials', 'the League officials', 'officials']) {
    const s = score([pred(['the schedule would not change'], 'League officials', name, 'said#3')], [GOLD_ATTRIBUTIONS[2]]);
    assert.deepEqual([s.nameRight.right, s.nameRight.of], [1, 1], String(name));
  }
});

test('nameIsRight: an unnamed source given a name not in its mention is wrong', () => {
  const table: [string | null, string | null, string | null, boolean][] = [
    // gold name, gold mention, predicted name, right?
    [null, 'Observers', 'Atlantic Democracy Institute', false],
    [null, 'City officials', 'officials', true],
    [null, 'a spokesperson for the district', 'district spokesperson', true],
    [null, 'police', 'Halden Police Service', false],
    ['Dan Okafor', 'the mayor', 'Mayor Dan Okafor', false], // a role is not part of the name
    ['Dan Okafor', 'the mayor', 'dan okafor', true],
  ];
  for (const [goldName, mention, name, want] of table) {
    assert.equal(nameIsRight({ name: goldName, mentionText: mention }, { name, mentionText: mention }), want, `${name} for ${mention}`);
  }
});

test('a continuation paragraph without a mention counts for the name only', () => {
  const gold: GoldAttribution = { type: 'statement', kind: 'direct', content: [{ text: 'The travel hurt us.' }], speaker: { mention: null, name: 'Lena Brandt' }, cue: null };
  const s = score([pred(['The travel hurt us.'], null, 'Lena Brandt', null)], [gold]);
  assert.deepEqual([s.mentionRight.of, s.nameRight.right, s.nameRight.of, s.cueRight.of], [0, 1, 1, 0]);
});

test('an article without predictions misses every gold run', () => {
  const s = scoreChallenge([article()], new Map());
  assert.deepEqual([s.statements.tp, s.statements.fp, s.statements.fn], [0, 0, 4]);
  assert.deepEqual([s.statements.precision, s.statements.recall, s.mentionRight.value], [0, 0, 0]);
});

test('an indirect or mixed statement cut in segments is one run from its first to its last segment', () => {
  // "the team would rest its starters" + "she expected a full squad by Friday": one clause, one run
  const s = score([pred(['the team would rest its starters', 'she expected a full squad by Friday'], 'Coach Lena Brandt', 'Lena Brandt', 'said', 'statement', 'mixed')], [GOLD_ATTRIBUTIONS[0]]);
  assert.deepEqual([s.statements.tp, s.statements.fp, s.statements.fn], [1, 0, 0]);
  assert.deepEqual(runsOf('mixed', [[5, 9], [12, 20]]), [[5, 20]]);
  assert.deepEqual(runsOf('direct', [[5, 9], [12, 20]]), [[5, 9], [12, 20]]);
  assert.deepEqual(runsOf(undefined, [[5, 9]]), [[5, 9]]);
});

test('normalizeName folds case, accents, punctuation, honorifics and determiners', () => {
  const table: [string, string][] = [
    ['Dr. Inés Varga-Llosa', 'ines varga llosa'],
    ['Ms. O’Rourke', 'orourke'],
    ['the Millbrook Police Service', 'millbrook police service'],
    ['  Dan   Okafor ', 'dan okafor'],
    ['Dr.', 'dr'], // a lone honorific stays
  ];
  for (const [name, want] of table) assert.equal(normalizeName(name), want, name);
});

test('sentenceAround gives the sentence, not the paragraph', () => {
  const t = 'First one. The index added 0.6 per cent on Tuesday. Last one.\nNext line.';
  assert.equal(sentenceAround(t, [t.indexOf('added'), t.indexOf('added') + 5]), 'The index added 0.6 per cent on Tuesday.');
  assert.equal(sentenceAround(t, [t.indexOf('Next'), t.indexOf('Next') + 4]), 'Next line.');
});
