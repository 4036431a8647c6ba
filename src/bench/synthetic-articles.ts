/**
 * Synthetic news articles for the corpus benchmark and the interrupted-ingest test, made from the team's
 * own templates and word lists (6,000 fictional people over 400 made-up surnames, 12 outlets, 20
 * subjects; no third-party text). Each
 * article quotes two to four people; about one quote in eight repeats a statement an earlier article
 * carried (in another outlet, a few days later), and one repeat in four changes a word, as copies and
 * misquotes do. Deterministic: article n is the same on every run.
 *
 * `syntheticAnalysis` builds the analysis the article's templates imply, with real offsets, so that a
 * corpus of a million attributions can be stored without analysing each article (the engine's own rate
 * is measured on a sample of the same articles).
 */
import { ANALYSIS_VERSION, type Analysis, type Attribution, type Entity } from '../core/analysis.js';

const GIVEN = ['Ana', 'Omar', 'Lena', 'Tom', 'Ada', 'Ben', 'Mira', 'Cy', 'Dana', 'Eli', 'Faye', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lior', 'Mae', 'Nico', 'Oona', 'Pia', 'Quin', 'Rosa', 'Sami', 'Tova', 'Uri', 'Vera', 'Wes', 'Xena', 'Yuri', 'Zoe', 'Abel'];
const SURNAME_STARTS = ['Ash', 'Bar', 'Cal', 'Dun', 'El', 'Far', 'Gar', 'Hal', 'Ir', 'Kel', 'Lan', 'Mor', 'Nor', 'Ost', 'Pem', 'Quen', 'Ros', 'Stan', 'Tal', 'Wex'];
const SURNAME_ENDS = ['by', 'ford', 'wick', 'ley', 'ton', 'more', 'ridge', 'well', 'mont', 'hart', 'field', 'ward', 'croft', 'dale', 'son', 'berg', 'stone', 'wood', 'lock', 'man'];
/** 400 surnames ("Ashby", "Calford", …): with 6,000 people, about 15 share each surname. */
const SURNAMES = SURNAME_STARTS.flatMap((start) => SURNAME_ENDS.map((end) => start + end));
/** How many fictional people the articles quote. */
const PEOPLE = 6000;
const ROLES = ['Mayor', 'Councilwoman', 'Councilman', 'Senator', 'Governor', 'Harbor Master', 'Police Chief', 'Superintendent', 'Treasurer', 'Judge'];
const OUTLETS = ['The Alder Ledger', 'Coast Courier', 'Harbor Wire', 'Lakeview Daily', 'Evening Post', 'Stonehill Star', 'Riverside Record', 'Millbrook Mercury', 'Easton Examiner', 'Port Ardent Press', 'County Courier', 'Valley Voice'];
const SUBJECTS = ['bridge', 'library', 'ferry', 'budget', 'water plant', 'bus routes', 'school', 'hospital wing', 'harbor', 'park', 'tunnel', 'housing plan', 'tax levy', 'police station', 'stadium', 'rail line', 'seawall', 'market hall', 'power plant', 'airport'];
const VERBS = ['fund', 'delay', 'rebuild', 'close', 'expand', 'review', 'audit', 'sell', 'repair', 'move', 'protect', 'cut', 'double', 'redesign', 'reopen', 'scrap'];
const WHEN = ['before the holidays', 'by the spring', 'this year', 'next month', 'within weeks', 'after the vote', 'before the election', 'by the summer', 'in the autumn', 'without delay'];
const ADJECTIVES = ['fair', 'rushed', 'costly', 'overdue', 'reckless', 'sensible', 'bold', 'careful', 'unfair', 'honest', 'wasteful', 'necessary', 'urgent', 'risky', 'modest'];
const NOUNS = ['families', 'taxpayers', 'workers', 'children', 'pilots', 'drivers', 'shop owners', 'nurses', 'teachers', 'farmers', 'residents', 'students', 'retirees', 'commuters'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** A quote from the templates: n picks the words. */
const QUOTES: ((n: number) => string)[] = [
  (n) => `We will ${pick(VERBS, n)} the ${pick(SUBJECTS, n >> 3)} ${pick(WHEN, n >> 5)}. The ${pick(NOUNS, n >> 7)} deserve nothing less`,
  (n) => `This plan for the ${pick(SUBJECTS, n)} is ${pick(ADJECTIVES, n >> 4)}, and the ${pick(NOUNS, n >> 6)} will pay for it`,
  (n) => `Nobody asked the ${pick(NOUNS, n)} before they decided to ${pick(VERBS, n >> 4)} the ${pick(SUBJECTS, n >> 8)}`,
  (n) => `I have seen ${3 + (n % 40)} budgets in this town and none was as ${pick(ADJECTIVES, n >> 5)} as this one`,
  (n) => `The ${pick(SUBJECTS, n >> 2)} will ${pick(['open', 'close', 'wait', 'cost more', 'run late'], n)} ${pick(WHEN, n >> 6)}, whatever the council says`,
  (n) => `We cannot ${pick(VERBS, n >> 1)} the ${pick(SUBJECTS, n >> 5)} and ${pick(VERBS, n >> 9)} the ${pick(SUBJECTS, n >> 3)} in the same year`,
];

function pick<T>(list: readonly T[], n: number): T {
  return list[Math.abs(n) % list.length];
}

/** A cheap deterministic hash of an integer (for spreading choices). */
function mix(n: number): number {
  let x = (n + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export interface SyntheticPerson {
  name: string;
  role: string;
}

export interface SyntheticQuote {
  person: number;
  text: string;
}

export interface SyntheticArticle {
  id: string;
  outlet: string;
  title: string;
  url: string;
  publishedAt: string;
  text: string;
  people: SyntheticPerson[];
  /** Each quote's speaker (an index in people) and words, with where they are in the text. */
  quotes: (SyntheticQuote & { start: number; end: number; mention: { start: number; end: number; text: string }; cue: { start: number; end: number } })[];
  /** Where each person's full name first appears, and their role before it. */
  intros: { start: number; end: number; roleStart: number }[];
}

function personOf(k: number): SyntheticPerson {
  return { name: `${pick(GIVEN, mix(k))} ${pick(SURNAMES, k)}`, role: pick(ROLES, mix(k + 1)) };
}

/** The words of the quote numbered q (a statement across the corpus). */
function quoteText(q: number): string {
  const h = mix(q);
  return pick(QUOTES, q)(h);
}

function dayOf(n: number): string {
  // 2015-01-01 plus about one day per 40 articles, so a million attributions span several years
  const date = new Date(Date.UTC(2015, 0, 1) + Math.floor(n / 40) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** The n-th synthetic article (n from 0). */
export function syntheticArticle(n: number): SyntheticArticle {
  const h = mix(n);
  const outlet = pick(OUTLETS, h);
  const personCount = 2 + (h % 3);
  const people = Array.from({ length: personCount }, (_, i) => personOf(mix(n * 7 + i) % PEOPLE));
  let text = '';
  const intros: SyntheticArticle['intros'] = [];
  const quotes: SyntheticArticle['quotes'] = [];
  const subject = pick(SUBJECTS, h >> 3);
  text += `The fight over the ${subject} went on in ${pick(['Easton', 'Lakeview', 'Port Ardent', 'Millbrook', 'Stonehill', 'Riverside'], h >> 7)} on ${pick(WEEKDAYS, n)}.\n`;
  people.forEach((person, i) => {
    // a repeat of an earlier article's statement, some with a word changed
    const repeat = mix(n * 31 + i) % 8 === 0 && n > 50;
    const q = repeat ? (n - 1 - (mix(n + i) % 50)) * 4 + (mix(n * 3 + i) % 2) : n * 4 + i;
    let words = quoteText(q);
    if (repeat && mix(q) % 4 === 0) words = words.replace(/\b(will|is|the)\b/, (w) => ({ will: 'shall', is: 'was', the: 'this' })[w] ?? w);
    const roleStart = text.length;
    text += `${person.role} `;
    const start = text.length;
    text += person.name;
    intros.push({ start, end: text.length, roleStart });
    text += ` spoke at a meeting about the ${subject}.\n`;
    text += '“';
    const qStart = text.length;
    text += words;
    const qEnd = text.length;
    text += ',” ';
    const surname = person.name.split(' ')[1];
    const mStart = text.length;
    text += surname;
    const mention = { start: mStart, end: text.length, text: surname };
    text += ' ';
    const cue = { start: text.length, end: text.length + 4 };
    text += 'said.\n';
    quotes.push({ person: i, text: words, start: qStart, end: qEnd, mention, cue });
  });
  return {
    id: `synthetic-${n}`,
    outlet,
    title: `${outlet}: the ${subject} debate`,
    url: `https://news.example/${n}`,
    publishedAt: dayOf(n),
    text,
    people,
    quotes,
    intros,
  };
}

/** The analysis the article's templates imply: its people as entities and its quotes as direct statements. */
export function syntheticAnalysis(article: SyntheticArticle): Analysis {
  const entities: Entity[] = article.people.map((p, i) => ({
    id: `e${i + 1}`,
    type: 'person',
    name: p.name,
    mentions: [
      { start: article.intros[i].start, end: article.intros[i].end, text: p.name },
      ...article.quotes.filter((q) => q.person === i).map((q) => q.mention),
    ],
    roles: [{ start: article.intros[i].roleStart, end: article.intros[i].start - 1, text: p.role }],
  }));
  const attributions: Attribution[] = article.quotes.map((q, i) => ({
    id: `a${i + 1}`,
    type: 'statement',
    kind: 'direct',
    content: [{ start: q.start, end: q.end }],
    text: q.text,
    speaker: { mention: q.mention, entity: `e${q.person + 1}`, name: article.people[q.person].name },
    cue: { ...q.cue, text: 'said' },
    confidence: 0.9,
    reasons: ['synthetic'],
  }));
  return { version: ANALYSIS_VERSION, id: article.id, publishedAt: article.publishedAt, attributions, entities, times: [], diagnostics: [] };
}

/** The article as a JSON line for `whosaid ingest --jsonl`. */
export function syntheticLine(article: SyntheticArticle): string {
  return JSON.stringify({ id: article.id, outlet: article.outlet, title: article.title, url: article.url, publishedAt: article.publishedAt, text: article.text });
}
