/**
 * Synthetic news pages for `bench-input.ts`, from templates the team wrote: fictional people, places and
 * subjects. Two page models:
 *
 * - short: 3 to 5 paragraphs (about 100 words) under a three-link menu; the least a page can be, where the
 *   fixed costs of extraction weigh most.
 * - typical: an article whose length follows the word counts of real news articles (the deciles of the
 *   840 PolNeAR training articles, measured: 22, 241, 311, 377, 458, 566, 731, 966, 1,196, 1,413 words;
 *   the longest are capped at 2,500), in paragraphs of one to three sentences, with the furniture news
 *   pages carry: a 30-link menu, share links, a lead picture with its caption, a "most read" list, a
 *   newsletter form, a 20-link footer, an inline analytics script and a stylesheet.
 *
 * Both carry the metadata sources in turn (JSON-LD, Open Graph, meta tags) and, on some pages, an
 * embedded post and a pull quote.
 */

export type PageModel = 'short' | 'typical';

/** Fictional people, places and subjects, written for this benchmark. */
const PEOPLE = [['Jane Roe', 'mayor'], ['Tom Hale', 'council member'], ['Ada Quill', 'harbor master'], ['Ben Ortiz', 'school superintendent'], ['Mira Park', 'state senator'], ['Cy Young', 'union leader']];
const PLACES = ['Easton', 'Lakeview', 'Port Ardent', 'Millbrook', 'Stonehill', 'Riverside'];
const SUBJECTS = ['the river bridge', 'the new library', 'the ferry service', 'the school budget', 'the water plant', 'the bus routes'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Word-count deciles of PolNeAR's training articles (see above), and the cap for the top decile. */
const WORD_DECILES = [22, 241, 311, 377, 458, 566, 731, 966, 1196, 1413, 2500];

/** Sentences of the typical model's articles: a (first person), b (second person), place, subject. */
const SENTENCES: ((a: string, b: string, place: string, subject: string) => string)[] = [
  (a, _b, place, subject) => `"We will not let ${subject} fall behind again," ${a} said on Tuesday, standing outside the ${place} council chamber.`,
  (_a, b, place, subject) => `${b} told reporters that the plan for ${subject} had been rushed and that the cost would fall on families in ${place}.`,
  (_a, _b, place, subject) => `According to figures from the ${place} finance office, spending on ${subject} rose by nearly a fifth over two years.`,
  () => 'The vote is expected next month, after a series of public hearings across the county.',
  (a) => `${a} said the town had "no choice but to act" and promised a full account of the spending by the spring.`,
  (_a, _b, _place, subject) => `Residents who spoke at the meeting were divided, with some praising the work on ${subject} and others asking who would pay for it.`,
  () => '"I have lived here for forty years and I have never seen anything like this," said one resident, who asked not to be named.',
  (_a, b) => `${b} believes the county should step in, aides said, and has asked the state for an audit.`,
  (_a, _b, place) => `The ${place} planning board approved an earlier version of the proposal in 2019, but work stalled for two years.`,
  (a) => `In a statement, the office of ${a} said the delays were caused by a shortage of steel and had nothing to do with the budget.`,
];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length];
}

/** The n-th page of a model. */
export function pageHtml(model: PageModel, n: number): string {
  return model === 'short' ? shortPage(n) : typicalPage(n);
}

interface PageParts {
  readonly a: string;
  readonly aRole: string;
  readonly b: string;
  readonly bRole: string;
  readonly place: string;
  readonly subject: string;
  readonly month: string;
  readonly day: number;
  readonly year: number;
  /** The metadata in <head>, a different source on each page. */
  readonly head: string;
  /** An embedded post on every third page. */
  readonly tweet: string;
  /** A pull quote on every fifth page. */
  readonly pull: string;
}

function partsOf(n: number): PageParts {
  const [a, aRole] = pick(PEOPLE, n);
  const [b, bRole] = pick(PEOPLE, n + 2);
  const place = pick(PLACES, n * 7);
  const subject = pick(SUBJECTS, n * 3);
  const month = pick(MONTHS, n);
  const day = (n % 27) + 1;
  const year = 2015 + (n % 9);
  const iso = `${year}-${String((n % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const head = [
    `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${place} weighs ${subject}","datePublished":"${iso}T09:00:00Z","publisher":{"name":"The ${place} Lark"}}</script>`,
    `<meta property="article:published_time" content="${iso}T09:00:00Z"><meta property="og:site_name" content="${place} Daily">`,
    `<meta name="pubdate" content="${iso.replace(/-/g, '')}">`,
    '',
  ][n % 4];
  const tweet = n % 3 === 0
    ? `<blockquote class="twitter-tweet"><p lang="en">"${subject} will open on time," says ${a}. <a href="https://t.co/x${n}">pic.twitter.com/x${n}</a></p>&mdash; ${place} Lark (@lark${n % 50}) <a href="https://twitter.com/lark${n % 50}/status/${1000 + n}">${month} ${day}, ${year}</a></blockquote>`
    : '';
  const pull = n % 5 === 0 ? '<aside class="pullquote">"We have heard this promise before."</aside>' : '';
  return { a, aRole, b, bRole, place, subject, month, day, year, head, tweet, pull };
}

function shortPage(n: number): string {
  const { a, aRole, b, bRole, place, subject, month, day, year, head, tweet, pull } = partsOf(n);
  const paragraphs = [
    `${place.toUpperCase()}, ${month} ${day}, ${year} — The ${aRole} of ${place}, ${a}, said on Monday that ${subject} would be ready before the end of the year.`,
    `"We have done the work and we have the money," ${a} told reporters at the town hall. "Nobody should worry about it."`,
    `${b}, a ${bRole}, disagreed. "We have heard this promise before," ${b} said, adding that the plan left out the families who would pay for it.`,
    `According to a report from the ${place} planning office, the cost has grown by a third since the spring.`,
    `Residents plan to attend a public hearing on Thursday, where ${a} is expected to answer questions about ${subject}.`,
  ];
  const body = paragraphs.slice(0, 3 + (n % 3)).map((p) => `<p>${p}</p>`);
  body.splice(2, 0, tweet, pull);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${place} weighs ${subject}</title>${head}</head>
<body><header><nav><a href="/">Home</a><a href="/local">Local</a><a href="/sports">Sports</a></nav></header>
<main><article><h1>${place} weighs ${subject}</h1><p class="byline">By ${pick(PEOPLE, n + 4)[0]}</p>
${body.join('\n')}
</article><aside class="related"><h2>Related</h2><ul><li><a href="/a">Other story</a></li><li><a href="/b">Another story</a></li></ul></aside></main>
<footer><p>Copyright The ${place} Lark</p></footer></body></html>`;
}

/** The article length of page n: a point between two deciles, spread evenly over the pages. */
function typicalWords(n: number): number {
  const u = (((n * 7919) % 1000) / 1000) * 10;
  const i = Math.floor(u);
  return Math.round(WORD_DECILES[i] + (u - i) * (WORD_DECILES[i + 1] - WORD_DECILES[i]));
}

function typicalPage(n: number): string {
  const { a, aRole, b, place, subject, month, day, year, head, tweet, pull } = partsOf(n);
  const target = typicalWords(n);
  const paragraphs = [`<p>${place.toUpperCase()}, ${month} ${day}, ${year} — The ${aRole} of ${place}, ${a}, said on Monday that ${subject} would be ready before the end of the year.</p>`];
  let words = paragraphs[0].split(' ').length;
  for (let k = n; words < target; k++) {
    const sentences = Array.from({ length: 1 + (k % 3) }, (_, i) => pick(SENTENCES, k + i)(a, b, place, subject));
    const text = sentences.join(' ');
    paragraphs.push(`<p>${text}</p>`);
    words += text.split(' ').length;
  }
  paragraphs.splice(Math.min(3, paragraphs.length), 0, tweet, pull);
  const menu = Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section ${i + 1}</a></li>`).join('');
  const mostRead = Array.from({ length: 8 }, (_, i) => `<li><a href="/story/${n}-${i}"><img src="/img/${i}.jpg" alt=""><span>${pick(PLACES, i)} and ${pick(SUBJECTS, i + 1)}: what comes next</span></a></li>`).join('');
  const footer = Array.from({ length: 20 }, (_, i) => `<li><a href="/about/${i}">About us ${i + 1}</a></li>`).join('');
  const analytics = `<script>window.dataLayer=window.dataLayer||[];${'function track(){dataLayer.push(arguments)};'.repeat(40)}</script>`;
  const style = `<style>${'.story p{color:#222;margin:0 auto 1em;max-width:40em}'.repeat(50)}</style>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${place} weighs ${subject} - The ${place} Lark</title>${head}${style}${analytics}</head>
<body><header><div class="masthead"><a href="/"><svg width="120" height="30" aria-hidden="true"><path d="M0 0L10 10"/></svg></a><button class="menu">Menu</button></div><nav><ul>${menu}</ul></nav></header>
<main><article class="story"><h1>${place} weighs ${subject}</h1><p class="byline">By ${pick(PEOPLE, n + 4)[0]}</p>
<div class="share"><a href="#share">Share</a><a href="#tweet">Tweet</a><a href="#email">Email</a></div>
<figure><img src="/img/lead.jpg" alt="${subject}"><figcaption>The site of ${subject} in ${place}. Photo: Lark staff</figcaption></figure>
${paragraphs.join('\n')}
</article><aside class="most-read"><h2>Most read</h2><ul>${mostRead}</ul></aside>
<form class="newsletter"><label>Get the morning briefing</label><input type="email"><button>Sign up</button></form></main>
<footer><ul>${footer}</ul><p>Copyright The ${place} Lark</p></footer>${analytics}</body></html>`;
}
