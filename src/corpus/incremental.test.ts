/**
 * The corpus algorithms as a store uses them, over real analyses of three team-written articles arriving
 * one after another: people matched against candidates found by key, statements grouped through LSH band
 * keys and confirmed on their words, the later copy diffed from the earliest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../node/analyzer.js';
import { peopleInArticle, statementsToTrace } from './from-analysis.js';
import { matchPeople, personKeys, type KnownPerson } from './people.js';
import { fingerprint, isVariant, sameWords, wordDiff } from './copies.js';

const ARTICLES = [
  'PORT ELLIS — Secretary of State Jane Okafor said on Monday that "the talks are over for now because the other side walked out." Tom Alder, the mayor of Port Ellis, said the city would wait for the ministry to decide.',
  'Dr. Dan Okafor, a surgeon at the city hospital, told reporters that the new wing would close in the spring. "We will not pay for the new hospital wing this year," Okafor said.',
  '"The talks are over for now because the other side left," Okafor told reporters on Tuesday. Mayor Tom Alder said he was "deeply worried about the harbor school and its teachers."',
];

/** A store in memory: people by key, statements by band key. */
class MemoryCorpus {
  people: KnownPerson[] = [];
  private byKey = new Map<string, Set<number>>();
  statements: { ref: string; text: string; words: string[]; group: number }[] = [];
  private byBand = new Map<string, number[]>();

  add(article: number, text: string): string[] {
    const analysis = analyzeArticle({ text, publishedAt: '2021-03-02' });
    const people = peopleInArticle(analysis);
    const ids = new Set<number>();
    for (const p of people) for (const key of personKeys(p)) for (const id of this.byKey.get(key) ?? []) ids.add(id);
    const candidates = this.people.filter((k) => ids.has(k.id));
    const out = matchPeople(people, candidates).map((m, i) => {
      const p = people[i];
      if (m.kind === 'new' && m.ambiguous) return `${p.entity}: unresolved ${m.name} (one of ${m.ambiguous.map((id) => '#' + id).join(', ')})`;
      let id: number;
      if (m.kind === 'existing') {
        id = m.id;
        const k = this.people[id - 1];
        this.people[id - 1] = { ...k, name: m.name, variants: [...new Set([...k.variants, ...p.variants])], roles: [...new Set([...k.roles, ...p.roles])] };
      } else {
        id = this.people.length + 1;
        this.people.push({ id, name: m.name, variants: p.variants, roles: p.roles });
      }
      for (const key of personKeys(this.people[id - 1])) {
        const set = this.byKey.get(key) ?? new Set();
        set.add(id);
        this.byKey.set(key, set);
      }
      return `${p.entity}: #${id} ${m.name}`;
    });
    for (const s of statementsToTrace(analysis)) {
      const { words, bands } = fingerprint(s.text);
      const seen = new Set<number>();
      let group = -1;
      for (const band of bands) {
        for (const j of this.byBand.get(band) ?? []) {
          if (seen.has(j)) continue;
          seen.add(j);
          if (group < 0 && sameWords(words, this.statements[j].words)) group = this.statements[j].group;
        }
      }
      const index = this.statements.length;
      this.statements.push({ ref: `${article}/${s.attribution}`, text: s.text, words, group: group < 0 ? index : group });
      for (const band of bands) this.byBand.set(band, [...(this.byBand.get(band) ?? []), index]);
    }
    return out;
  }
}

test('three articles: people merged and kept apart, a quote grouped with its variant', () => {
  const corpus = new MemoryCorpus();
  assert.deepEqual(corpus.add(1, ARTICLES[0]), ['e2: #1 Jane Okafor', 'e3: #2 Tom Alder']);
  assert.deepEqual(corpus.add(2, ARTICLES[1]), ['e1: #3 Dan Okafor']);
  assert.deepEqual(corpus.add(3, ARTICLES[2]), ['e1: unresolved Okafor (one of #1, #3)', 'e2: #2 Tom Alder']);
  assert.deepEqual(corpus.people[1].roles, ['Mayor']);

  const groups = new Map<number, string[]>();
  for (const s of corpus.statements) groups.set(s.group, [...(groups.get(s.group) ?? []), s.ref]);
  assert.deepEqual([...groups.values()].filter((g) => g.length > 1), [['1/a1', '3/a1']]);

  const [earliest, copy] = corpus.statements.filter((s) => s.ref === '1/a1' || s.ref === '3/a1');
  assert.equal(isVariant(earliest.text, copy.text), true);
  assert.deepEqual(wordDiff(earliest.text, copy.text), [
    { op: 'same', text: 'The talks are over for now because the other side' },
    { op: 'removed', text: 'walked out' },
    { op: 'added', text: 'left' },
  ]);
});
