import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/segment.js';
import { LABELS } from './labels.js';
import { groupSpans, spansOfLabels, type TaggedSpan } from './group.js';
import { kindOfContent, typeOfCue } from './classify.js';
import type { AttributionType, QuoteKind } from '../analysis.js';

/**
 * Labels written over the words: `[S the senator] [C said] [Q that the bill would pass] .` — each
 * bracket tags the tokens inside it (S source, C cue, Q content).
 */
function labelled(marked: string) {
  const roles: Record<string, string> = { S: 'source', C: 'cue', Q: 'content' };
  const parts: { text: string; role?: string }[] = [];
  const re = /\[([SCQ]) ([^\]]+)\]|([^[]+)/g;
  for (let m = re.exec(marked); m; m = re.exec(marked)) parts.push(m[3] !== undefined ? { text: m[3] } : { text: m[2], role: roles[m[1]] });
  const text = parts.map((p) => p.text).join('');
  const seg = segment(text);
  const labels = new Uint8Array(seg.tokens.length);
  let at = 0;
  for (const p of parts) {
    const start = at;
    const end = (at += p.text.length);
    if (!p.role) continue;
    let first = true;
    for (const t of seg.tokens) {
      if (t.start >= start && t.end <= end) {
        labels[t.i] = LABELS.indexOf((first ? 'B-' : 'I-') + p.role as (typeof LABELS)[number]);
        first = false;
      }
    }
  }
  return { seg, labels };
}

/** Grouped attributions as readable strings: "source | cue | content + content". */
function groups(marked: string): string[] {
  const { seg, labels } = labelled(marked);
  const words = (s?: { first: number; last: number }) => (s ? seg.text.slice(seg.tokens[s.first].start, seg.tokens[s.last - 1].end) : '-');
  return groupSpans(spansOfLabels(seg, labels)).map((g) => `${words(g.source)} | ${words(g.cue)} | ${g.content.map(words).join(' + ')}`);
}

test('grouping: each cue takes its content and nearest source', () => {
  const cases: [string, string[]][] = [
    ['[S The senator] [C said] on Tuesday [Q that the bill would pass].', ['The senator | said | that the bill would pass']],
    ['[Q “We will win,”] [C said] [S the coach].', ['the coach | said | “We will win,”']],
    ['[Q “We will win,”] [S she] [C said], [Q “and soon.”]', ['she | said | “We will win,” + “and soon.”']],
    ['[S Ruiz] [C said] [Q prices would rise], [C adding] [Q that wages would not].', ['Ruiz | said | prices would rise', 'Ruiz | adding | that wages would not']],
    ['[S Kim] [C thinks] [Q taxes will fall] and [S Lee] [C hopes] [Q they will].', ['Kim | thinks | taxes will fall', 'Lee | hopes | they will']],
    // content with no cue stands alone; a cue with no content makes nothing
    ['[Q “It was a long night.”]', ['- | - | “It was a long night.”']],
    ['[S The mayor] [C declined] to comment.', []],
    // nothing tagged, nothing found
    ['The bill passed on Tuesday.', []],
  ];
  for (const [marked, expected] of cases) assert.deepEqual(groups(marked), expected, marked);
});

test('grouping: a source across a false sentence break is still found', () => {
  // the segmenter may end a sentence after "Sen."; the source then stands in the sentence before the cue
  const { seg, labels } = labelled('[S Sen. Ann Poe] [C said] [Q the vote was fair].');
  const grouped = groupSpans(spansOfLabels(seg, labels));
  assert.equal(grouped.length, 1);
  assert.ok(grouped[0].source);
});

test('type from the cue lemma', () => {
  const cases: [string, string, AttributionType][] = [
    ['The senator said the bill would pass.', 'said', 'statement'],
    ['Voters believe the race is close.', 'believe', 'belief'],
    ['The mayor plans to run again.', 'plans', 'intention'],
    ['Unions oppose the merger.', 'oppose', 'attitude'],
    ['The judge ordered the files released.', 'ordered', 'decree'],
    ['Witnesses saw the car leave.', 'saw', 'perception'],
    ['The survey shows support falling.', 'shows', 'evidence'],
    ['The survey suggests support is falling.', 'suggests', 'evidence'],
    ['Her aide suggests she will run.', 'suggests', 'statement'],
    ['Analysts quipped that the plan was late.', 'quipped', 'statement'],
  ];
  for (const [text, cue, expected] of cases) {
    const seg = segment(text);
    const i = seg.tokens.findIndex((t) => t.text === cue);
    assert.equal(typeOfCue(seg, i, i + 1, i), expected, text);
  }
});

test('kind from the quotation marks', () => {
  const cases: [string, QuoteKind][] = [
    ['“We will win.”', 'direct'],
    ['"We will win",', 'direct'],
    ['that the bill would pass', 'indirect'],
    ['that the plan was “a disaster” for towns', 'mixed'],
    ['the team’s best season', 'indirect'],
  ];
  for (const [text, expected] of cases) assert.equal(kindOfContent(text, [{ start: 0, end: text.length }]), expected, text);
  const two = '“We will win,” she said, “and soon.”';
  assert.equal(kindOfContent(two, [{ start: 0, end: 14 }, { start: 25, end: two.length }]), 'direct');
  assert.equal(kindOfContent(two, [{ start: 0, end: 14 }, { start: 15, end: 18 }]), 'mixed');
});

test('groupSpans: many cues in one long sentence each take their own source and content', () => {
  // "[S Ana] [C said] [Q it works] [S Tom] [C said] [Q it fails] …" thousands of times in one sentence:
  // each look-up is a binary search over the sources and cues, never a scan of every span.
  const spans: TaggedSpan[] = [];
  const n = 3000;
  for (let k = 0; k < n; k++) {
    const at = k * 6;
    spans.push({ role: 'source', first: at, last: at + 1, sentence: 0, paragraph: 0 });
    spans.push({ role: 'cue', first: at + 1, last: at + 2, sentence: 0, paragraph: 0 });
    spans.push({ role: 'content', first: at + 2, last: at + 4, sentence: 0, paragraph: 0 });
  }
  const grouped = groupSpans(spans);
  assert.equal(grouped.length, n);
  for (let k = 0; k < n; k++) {
    assert.equal(grouped[k].source, spans[3 * k]);
    assert.equal(grouped[k].cue, spans[3 * k + 1]);
    assert.deepEqual(grouped[k].content, [spans[3 * k + 2]]);
  }
});
