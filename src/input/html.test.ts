import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { extractHtml } from './html.js';
import { analyzeExtracted } from './analyze-page.js';

/** A fictional story written for these tests. */
const STORY = [
  'The mayor of Easton said on Monday that the old river bridge would be repaired before the first snow, according to a statement her office released in the morning.',
  'Council member Tom Hale disagreed. "We have heard this promise before," he told reporters outside the town hall, adding that the budget had no room for the work this year.',
  'Residents have complained about the bridge for years, and a neighborhood group has collected more than two thousand signatures asking for the repairs to begin at once.',
];

const TWEET = `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">"The bridge will be fixed before winter," the mayor told us. <a href="https://t.co/xyz123">pic.twitter.com/xyz123</a></p>&mdash; Jane Roe (@janeroe) <a href="https://twitter.com/janeroe/status/1367?ref_src=twsrc%5Etfw">March 3, 2021</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`;

function page({ head = '', body = STORY.map((p) => `<p>${p}</p>`).join('\n'), lang = 'en' }: { head?: string; body?: string; lang?: string } = {}): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Bridge repairs promised - The Easton Lark</title>${head}</head>
<body><header><nav><a href="/">Home</a> <a href="/city">City</a></nav></header>
<main><article><h1>Bridge repairs promised</h1>
${body}
</article></main><footer><p>Copyright The Easton Lark</p></footer></body></html>`;
}

test('the article text has one line per paragraph, each mapped back to its element', () => {
  const html = page();
  const { text, paragraphs } = extractHtml(html);
  assert.deepEqual(text.split('\n'), STORY);
  const { document } = parseHTML(html);
  for (const p of paragraphs) {
    const el = document.querySelector(p.selector);
    assert.ok(el, `selector ${p.selector} finds an element`);
    assert.equal(el.textContent?.replace(/\s+/g, ' ').trim(), text.slice(p.start, p.end));
    assert.equal(p.element, 'p');
  }
  assert.ok(!text.includes('Home'), 'navigation is not article text');
  assert.ok(!text.includes('Copyright'), 'the footer is not article text');
});

test('many paragraphs among other siblings each map back to their own element', () => {
  const body = Array.from({ length: 40 }, (_, i) => `<p>${STORY[i % 3]} (${i + 1})</p>${i % 7 === 0 ? `<h2>Part ${i + 1} of the story</h2>` : ''}`).join('\n');
  const html = page({ body });
  const { text, paragraphs } = extractHtml(html);
  assert.equal(paragraphs.filter((p) => p.element === 'p').length, 40);
  const { document } = parseHTML(html);
  for (const p of paragraphs) {
    const el = document.querySelector(p.selector);
    assert.equal(el?.textContent, text.slice(p.start, p.end), p.selector);
  }
});

test('text in nested divs maps to an element of the page that holds it, through readability\'s rewrites', () => {
  // readability wraps a div's text in a new paragraph and puts that paragraph in the div's place: the line
  // maps to the nearest element that was in the page
  const body = `<div class="story"><div class="story-body">${STORY.map((p) => `<div class="para"><div class="para-text">${p}</div></div>`).join('\n')}</div></div>`;
  const html = page({ body });
  const { text, paragraphs } = extractHtml(html);
  assert.deepEqual(text.split('\n'), STORY);
  const { document } = parseHTML(html);
  for (const p of paragraphs) {
    const el = document.querySelector(p.selector);
    assert.equal(el?.getAttribute('class'), 'para', p.selector);
    assert.equal(el?.textContent, text.slice(p.start, p.end));
  }
});

test('an embedded tweet becomes its words with its link, and a signature line the core reads', () => {
  const html = page({ body: `<p>${STORY[0]}</p>\n<div class="social-embed">${TWEET}</div>\n<p>${STORY[1]}</p><p>${STORY[2]}</p>` });
  const { text, posts, paragraphs } = extractHtml(html);
  const lines = text.split('\n');
  assert.deepEqual(lines.slice(1, 3), [
    '"The bridge will be fixed before winter," the mayor told us. pic.twitter.com/xyz123 https://twitter.com/janeroe/status/1367',
    '— Jane Roe (@janeroe) March 3, 2021',
  ]);
  assert.equal(posts.length, 1);
  const [post] = posts;
  assert.deepEqual({ ...post, start: undefined, end: undefined }, {
    start: undefined, end: undefined, author: 'Jane Roe', handle: '@janeroe', date: '2021-03-03', url: 'https://twitter.com/janeroe/status/1367',
  });
  assert.equal(text.slice(post.start, post.end), lines[1]);
  assert.deepEqual(paragraphs.slice(1, 3).map((p) => p.element), ['social-post', 'social-post']);
  assert.match(paragraphs[1].selector, /blockquote$/);
});

test('embedded posts from other platforms', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['instagram',
      `<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/AbC123/?utm_source=ig_embed"><div><a href="https://www.instagram.com/p/AbC123/">View this post on Instagram</a><p>Opening day at the new library!</p><p><a href="https://www.instagram.com/p/AbC123/">A post shared by Easton Library (@eastonlibrary)</a> on <time datetime="2021-04-10T15:00:00+00:00">Apr 10, 2021 at 8:00am PDT</time></p></div></blockquote>`,
      { body: 'Opening day at the new library! https://www.instagram.com/p/AbC123/', signature: '— Easton Library (@eastonlibrary) April 10, 2021' }],
    ['bluesky',
      `<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abc/app.bsky.feed.post/3k"><p lang="en">The ferry runs again from Monday.</p>&mdash; Harbor Office (<a href="https://bsky.app/profile/did:plc:abc?ref_src=embed">@harbor.example.org</a>) <a href="https://bsky.app/profile/did:plc:abc/post/3k?ref_src=embed">May 2, 2024 at 9:15 AM</a></blockquote>`,
      { body: 'The ferry runs again from Monday. https://bsky.app/profile/did:plc:abc/post/3k', signature: '— Harbor Office (@harbor.example.org) May 2, 2024' }],
    ['tiktok',
      `<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@eastonzoo/video/7012" data-video-id="7012"><section><a title="@eastonzoo" href="https://www.tiktok.com/@eastonzoo">@eastonzoo</a><p>Meet our newest otter.</p><a href="https://www.tiktok.com/music/x">♬ original sound - eastonzoo</a></section></blockquote>`,
      { body: 'Meet our newest otter. https://www.tiktok.com/@eastonzoo/video/7012', signature: '— eastonzoo (@eastonzoo)' }],
  ];
  for (const [name, embed, expected] of cases) {
    const { text } = extractHtml(page({ body: `<p>${STORY[0]}</p>${embed}<p>${STORY[1]}</p>` }));
    const lines = text.split('\n');
    assert.deepEqual({ body: lines[1], signature: lines[2] }, expected, name);
  }
});

test('blockquotes and pull quotes are kept, even where readability drops them', () => {
  const body = `<p>${STORY[0]}</p>
<blockquote><p>"We will not wait another year," the petition reads.</p><p>"Fix it now."</p></blockquote>
<p>${STORY[1]}</p>
<aside class="pullquote">"We have heard this promise before."</aside>
<p>${STORY[2]}</p>`;
  const { text, paragraphs } = extractHtml(page({ body }));
  assert.deepEqual(text.split('\n'), [
    STORY[0], '"We will not wait another year," the petition reads.', '"Fix it now."', STORY[1],
    '"We have heard this promise before."', STORY[2],
  ]);
  assert.deepEqual(paragraphs.map((p) => p.element), ['p', 'blockquote', 'blockquote', 'p', 'pull-quote', 'p']);
});

test('lists and headings are lines of their own; line breaks are spaces', () => {
  const body = `<p>${STORY[0]}</p><h2>What comes next</h2><ul><li>A public hearing on Thursday.</li><li>A vote in April.</li></ul><p>The clerk said<br>the hearing is open.</p><p>${STORY[2]}</p>`;
  const { text, paragraphs } = extractHtml(page({ body }));
  assert.deepEqual(text.split('\n').slice(1, 5), ['What comes next', 'A public hearing on Thursday.', 'A vote in April.', 'The clerk said the hearing is open.']);
  assert.deepEqual(paragraphs.slice(1, 5).map((p) => p.element), ['h2', 'li', 'li', 'p']);
});

const JSON_LD = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","@id":"#a","headline":"Bridge repairs promised before winter","datePublished":"2021-03-01T09:30:00-05:00","author":[{"@type":"Person","name":"Ada Quill"},{"@type":"Person","name":"Ben Ortiz"}],"publisher":{"@id":"#org"}},{"@type":"NewsMediaOrganization","@id":"#org","name":"The Easton Lark"}]}</script>`;
const OG = '<meta property="article:published_time" content="2021-03-02T08:00:00Z">';
const META = '<meta name="pubdate" content="20210303">';
const TIME = '<time datetime="2021-03-04">March 4</time>';
const DATELINE = 'EASTON, Ohio, March 5, 2021 — ';

test('the publication date comes from the most trusted source the page has', () => {
  const cases: [string, { head: string; time: boolean; dateline: boolean }, string | undefined, string | undefined][] = [
    ['JSON-LD first', { head: JSON_LD + OG + META, time: true, dateline: true }, '2021-03-01T09:30:00-05:00', 'json-ld'],
    ['then Open Graph', { head: OG + META, time: true, dateline: true }, '2021-03-02T08:00:00Z', 'open-graph'],
    ['then meta tags', { head: META, time: true, dateline: true }, '2021-03-03', 'meta'],
    ['then <time>', { head: '', time: true, dateline: true }, '2021-03-04', 'time-element'],
    ['then the dateline', { head: '', time: false, dateline: true }, '2021-03-05', 'dateline'],
    ['none', { head: '', time: false, dateline: false }, undefined, undefined],
  ];
  for (const [name, { head, time, dateline }, publishedAt, source] of cases) {
    const body = `${time ? `<p class="byline">Published ${TIME}</p>` : ''}<p>${dateline ? DATELINE : ''}${STORY[0]}</p><p>${STORY[1]}</p><p>${STORY[2]}</p>`;
    const { metadata } = extractHtml(page({ head, body }));
    assert.equal(metadata.publishedAt, publishedAt, name);
    assert.equal(metadata.publishedAtSource, source, name);
  }
});

test('article meta tags in the forms news sites use', () => {
  const cases: [string, string][] = [
    ['<meta name="DC.date.issued" content="2020-11-05">', '2020-11-05'],
    ['<meta name="parsely-pub-date" content="2020-11-05T14:00:00Z">', '2020-11-05T14:00:00Z'],
    ['<meta name="sailthru.date" content="2020-11-05 14:00:00">', '2020-11-05T14:00:00'],
    ['<meta name="date" content="Thu, 05 Nov 2020 14:00:00 +0100">', '2020-11-05T14:00:00+01:00'],
    ['<meta itemprop="datePublished" content="2020-11-05">', '2020-11-05'],
    ['<meta name="pubdate" content="not a date"><meta name="date" content="2020-11-06">', '2020-11-06'],
  ];
  for (const [head, expected] of cases) {
    const { metadata } = extractHtml(page({ head }));
    assert.deepEqual([metadata.publishedAt, metadata.publishedAtSource], [expected, 'meta'], head);
  }
});

test('title, byline, outlet and canonical URL, each from its sources in order', () => {
  const full = extractHtml(page({ head: JSON_LD + '<meta property="og:site_name" content="Easton Lark Online"><link rel="canonical" href="/2021/03/01/bridge">' }), { url: 'https://lark.example/amp/bridge' });
  assert.deepEqual(
    { title: full.metadata.title, byline: full.metadata.byline, outlet: full.metadata.outlet, canonicalUrl: full.metadata.canonicalUrl },
    { title: 'Bridge repairs promised before winter', byline: 'Ada Quill and Ben Ortiz', outlet: 'Easton Lark Online', canonicalUrl: 'https://lark.example/2021/03/01/bridge' },
  );
  const cases: [string, string | undefined, Record<string, string | undefined>][] = [
    [JSON_LD, undefined, { outlet: 'The Easton Lark' }],
    ['<meta name="application-name" content="Lark">', undefined, { outlet: 'Lark' }],
    ['<meta property="og:url" content="https://lark.example/og">', 'https://lark.example/x', { canonicalUrl: 'https://lark.example/og' }],
    ['', 'https://lark.example/x', { canonicalUrl: 'https://lark.example/x' }],
    ['<meta property="og:title" content="Repairs promised">', undefined, { title: 'Repairs promised' }],
    ['', undefined, { title: 'Bridge repairs promised - The Easton Lark', canonicalUrl: undefined, outlet: undefined }],
    ['<meta name="author" content="Cy Young">', undefined, { byline: 'Cy Young' }],
  ];
  for (const [head, url, expected] of cases) {
    const { metadata } = extractHtml(page({ head }), url ? { url } : {});
    for (const [key, value] of Object.entries(expected)) assert.equal(metadata[key as keyof typeof metadata], value, `${head} ${key}`);
  }
});

test('language from <html lang>, content-language or og:locale', () => {
  const cases: [string, string, string | undefined][] = [
    ['en-us', '', 'en-US'],
    ['', '<meta http-equiv="content-language" content="en-GB">', 'en-GB'],
    ['', '<meta property="og:locale" content="en_US">', 'en-US'],
    ['', '', undefined],
  ];
  for (const [lang, head, expected] of cases) {
    const { metadata, diagnostics } = extractHtml(page({ lang, head }));
    assert.equal(metadata.language, expected, `${lang} ${head}`);
    assert.deepEqual(diagnostics, []);
  }
});

/** A fictional story in French, written for this test. */
const FRENCH = [
  'Le maire de la ville a annoncé lundi que le vieux pont serait réparé avant les premières neiges, selon un communiqué publié par son cabinet dans la matinée.',
  'Un conseiller municipal a exprimé son désaccord devant la mairie, en ajoutant que le budget ne permettait pas ces travaux cette année.',
];

test('a page that is not English gets a diagnostic and no attributions', () => {
  const body = FRENCH.map((p) => `<p>${p}</p>`).join('');
  const cases: [string, string, boolean][] = [
    ['declared French', page({ lang: 'fr' }), true],
    ['French text, no language declared', page({ lang: '', body }), true],
    ['French text declared English', page({ lang: 'en', body }), true],
    ['English text', page(), false],
    ['English text, English locale', page({ lang: 'en-GB' }), false],
  ];
  for (const [name, html, notEnglish] of cases) {
    const article = extractHtml(html);
    const codes = article.diagnostics.map((d) => d.code);
    assert.equal(codes.includes('input/not-english'), notEnglish, name);
    const analysis = analyzeExtracted(article, {});
    if (notEnglish) assert.deepEqual(analysis.attributions, [], name);
  }
});

test('a page without an article body falls back to the body text, with a diagnostic', () => {
  const html = '<!DOCTYPE html><html lang="en"><body><div><img src="bridge.jpg" alt=""></div><footer>Photo by the Easton Lark staff</footer></body></html>';
  const { text, diagnostics } = extractHtml(html);
  assert.equal(text, 'Photo by the Easton Lark staff');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['input/no-article-body', 'warning']]);
  const empty = extractHtml('');
  assert.equal(empty.text, '');
  assert.deepEqual(empty.diagnostics.map((d) => d.code), ['input/no-article-body']);
});

test('a page nested deeper than any news page gets its body text and a diagnostic, quickly and without overflowing the stack', () => {
  for (const depth of [300, 20000]) {
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${STORY[1]}</p>${'</div>'.repeat(depth)}</body></html>`;
    const { text, diagnostics } = extractHtml(html);
    assert.equal(text, STORY[1]);
    assert.deepEqual(diagnostics.map((d) => d.code), ['input/too-deep'], `depth ${depth}`);
  }
  // nested less deeply than that, readability runs as on any page
  const html = page({ body: `${'<div>'.repeat(150)}${STORY.map((p) => `<p>${p}</p>`).join('')}${'</div>'.repeat(150)}` });
  const { text, diagnostics } = extractHtml(html);
  assert.deepEqual(text.split('\n'), STORY);
  assert.deepEqual(diagnostics, []);
});

test('a fragment without <html> is read as a page', () => {
  const { text } = extractHtml(`<p>${STORY[0]}</p><p>${STORY[1]}</p>`);
  assert.deepEqual(text.split('\n'), [STORY[0], STORY[1]]);
});

test('JSON-LD that does not parse is an info diagnostic and the other sources still count', () => {
  const { metadata, diagnostics } = extractHtml(page({ head: '<script type="application/ld+json">{"datePublished": </script>' + OG }));
  assert.equal(metadata.publishedAtSource, 'open-graph');
  assert.deepEqual(diagnostics.map((d) => d.code), ['input/bad-json-ld']);
});

test('analyzeExtracted returns the analysed text, the metadata and the input diagnostics first', () => {
  const html = page({ head: JSON_LD, body: `<p>${STORY[0]}</p><div>${TWEET}</div><p>${STORY[1]}</p>` });
  const article = extractHtml(html, { url: 'https://lark.example/bridge' });
  const analysis = analyzeExtracted(article, { id: 'bridge-1' });
  assert.equal(analysis.id, 'bridge-1');
  assert.equal(analysis.text, article.text);
  assert.equal(analysis.publishedAt, '2021-03-01T09:30:00-05:00');
  assert.equal(analysis.language, 'en');
  const metadata = analysis.metadata as Record<string, unknown>;
  assert.equal(metadata.outlet, 'The Easton Lark');
  assert.deepEqual(metadata.posts, article.posts);
  assert.deepEqual(metadata.paragraphs, article.paragraphs);
  for (const a of analysis.attributions) for (const s of a.content) assert.ok(s.end <= article.text.length);
  assert.deepEqual(JSON.parse(JSON.stringify(analysis)), analysis);
  const overridden = analyzeExtracted(article, { publishedAt: '2022-01-01' });
  assert.equal(overridden.publishedAt, '2022-01-01');
  const hale = analysis.attributions.find((a) => a.text.includes('heard this promise'));
  assert.equal(hale?.speaker.name, 'Tom Hale');
});
