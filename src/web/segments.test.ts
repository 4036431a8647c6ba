import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colourIndexes, perDay, segmentText } from './segments.js';

// "We will build it," Ruiz said. "Soon." → two attributions, the second inside nothing
const text = '"We will build it," Ruiz said. "Soon," Bell added.';
const words = (s: { start: number; end: number }) => text.slice(s.start, s.end);

test('segments cover the text end to end, each naming the attributions over it', () => {
  const segments = segmentText(text.length, [
    { id: 'a1', content: [{ start: 1, end: 17 }] },
    { id: 'a2', content: [{ start: 32, end: 36 }] },
  ]);
  assert.deepEqual(
    segments.map((s) => [words(s), s.ids]),
    [
      ['"', []],
      ['We will build it', ['a1']],
      ['," Ruiz said. "', []],
      ['Soon', ['a2']],
      ['," Bell added.', []],
    ],
  );
});

test('overlapping and nested spans split into segments with every id', () => {
  const segments = segmentText(20, [
    { id: 'a1', content: [{ start: 0, end: 10 }] },
    { id: 'a2', content: [{ start: 5, end: 15 }] },
  ]);
  assert.deepEqual(segments, [
    { start: 0, end: 5, ids: ['a1'] },
    { start: 5, end: 10, ids: ['a1', 'a2'] },
    { start: 10, end: 15, ids: ['a2'] },
    { start: 15, end: 20, ids: [] },
  ]);
});

test('spans past the text are clipped; an empty text has no segments', () => {
  assert.deepEqual(segmentText(5, [{ id: 'a1', content: [{ start: 3, end: 99 }] }]), [
    { start: 0, end: 3, ids: [] },
    { start: 3, end: 5, ids: ['a1'] },
  ]);
  assert.deepEqual(segmentText(0, []), []);
});

test('one colour per speaker in order of appearance; unknown gets none', () => {
  assert.deepEqual([...colourIndexes(['e1', 'unknown', 'e2', 'e1', 'e3'], 2)], [['e1', 0], ['unknown', -1], ['e2', 1], ['e3', 0]]);
});

test('counts per day', () => {
  assert.deepEqual(perDay(['2025-11-14', '2025-11-13T09:00:00Z', undefined, '2025-11-14', 'soon']), [{ day: '2025-11-13', count: 1 }, { day: '2025-11-14', count: 2 }]);
});
