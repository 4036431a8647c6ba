/**
 * Benchmark of the corpus' pure algorithms (src/corpus): microseconds per call of `fingerprint` on
 * 40-word quotes, of `sameStatement` on pairs that met in an LSH band (copies and look-alikes), of `wordDiff`,
 * and of `matchPeople` for one article's people against their candidates. Quotes and names are made from the
 * team's own word lists below (synthetic, deterministic), never from ../shared/data.
 *
 *   npm run bench:match            # 10,000 quotes, best of five rounds
 *   npm run bench:match -- 50000
 */
import { performance } from 'node:perf_hooks';
import { fingerprint, sameStatement, wordDiff } from '../src/corpus/copies.js';
import { matchPeople, type KnownPerson, type PersonInArticle } from '../src/corpus/people.js';

const WORDS = ['council', 'budget', 'harbor', 'school', 'vote', 'will', 'not', 'pay', 'the', 'a', 'we', 'they',
  'talks', 'over', 'for', 'now', 'minister', 'bridge', 'tax', 'hospital', 'wing', 'year', 'next', 'week', 'agree',
  'never', 'plan', 'city', 'water', 'price', 'rise', 'fall', 'deal', 'table', 'open', 'close', 'road', 'north',
  'south', 'winter', 'summer', 'farmers', 'teachers', 'nurses', 'rail', 'port', 'fund', 'grant', 'court', 'law'];
const GIVEN = ['Jane', 'Dan', 'Ruth', 'Tom', 'Ana', 'Maria', 'Kofi', 'Lena', 'Omar', 'Ines', 'Piet', 'Sara'];
const SURNAMES = ['Okafor', 'Alder', 'Pellham', 'Brandt', 'Ndiaye', 'Muñoz', 'de la Cruz', 'Smith-Jones', 'Harlow', 'Vale'];

/** A fixed pseudo-random sequence (LCG), so every run measures the same inputs. */
function sequence(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/**
 * Microseconds per call, the best of five rounds, as CPU time of this process (user + system) and as wall
 * time: the machine may be shared, and CPU time leaves out the time spent waiting for a core.
 */
function perCall(label: string, calls: number, run: () => void): void {
  let cpu = Infinity;
  let wall = Infinity;
  for (let round = 0; round < 5; round++) {
    const usage = process.cpuUsage();
    const start = performance.now();
    run();
    wall = Math.min(wall, performance.now() - start);
    const used = process.cpuUsage(usage);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  const per = (ms: number) => ((ms * 1000) / calls).toFixed(2).padStart(8);
  console.log(`${label.padEnd(54)} ${per(cpu)} µs CPU ${per(wall)} µs wall  (best of 5 × ${calls.toLocaleString('en-US')})`);
}

const n = Number(process.argv[2] ?? 10000);
const random = sequence(20261202);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const quotes = Array.from({ length: n }, () => Array.from({ length: 40 }, () => pick(WORDS)).join(' ') + '.');
const copies = quotes.map((q) => {
  const w = q.split(' ');
  w[Math.floor(random() * w.length)] = pick(WORDS);
  return w.slice(5).join(' ');
});

console.log(`src/corpus benchmark: synthetic quotes and names from the team's word lists, ${n.toLocaleString('en-US')} quotes of 40 words`);
for (const q of quotes.slice(0, 1000)) fingerprint(q);
perCall('fingerprint (40 words → words and 32 band keys)', n, () => {
  for (const q of quotes) fingerprint(q);
});
perCall('sameStatement (a copy: trimmed, one word changed)', n, () => {
  for (let i = 0; i < n; i++) sameStatement(quotes[i], copies[i]);
});
perCall('sameStatement (two unrelated quotes)', n - 1, () => {
  for (let i = 1; i < n; i++) sameStatement(quotes[i - 1], quotes[i]);
});
perCall('wordDiff (a copy against the earliest)', n, () => {
  for (let i = 0; i < n; i++) wordDiff(quotes[i], copies[i]);
});

const known: KnownPerson[] = [];
for (let id = 1; id <= 40; id++) known.push({ id, name: `${pick(GIVEN)} ${pick(SURNAMES)}`, variants: [pick(SURNAMES)], roles: ['mayor'] });
const articles: PersonInArticle[][] = Array.from({ length: n / 10 }, () =>
  Array.from({ length: 6 }, () => {
    const surname = pick(SURNAMES);
    return random() < 0.5 ? { name: `${pick(GIVEN)} ${surname}`, variants: [surname], roles: [] } : { name: `Mr. ${surname}`, variants: [], roles: [] };
  }),
);
perCall('matchPeople (6 people of an article, 40 candidates)', articles.length, () => {
  for (const people of articles) matchPeople(people, known);
});
