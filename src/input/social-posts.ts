/**
 * Embedded social posts in a page: the blockquotes that post embed codes leave behind, e.g. X/Twitter's
 *
 *   <blockquote class="twitter-tweet"><p>We will be ready. <a href="https://t.co/abc">pic.twitter.com/abc</a></p>
 *   &mdash; Jane Roe (@janeroe) <a href="https://twitter.com/janeroe/status/123">March 3, 2021</a></blockquote>
 *
 * Each becomes its words, with the post's link at the end, and one signature line in the form the core's
 * plain-text relay detector reads: "— Jane Roe (@janeroe) March 3, 2021".
 */
import { formatLongDate, normalizeDate } from './dates.js';

/**
 * Class names of embed blockquotes (and divs), from each platform's embed code: twitter-tweet and
 * twitter-video (X/Twitter), instagram-media (Instagram), tiktok-embed (TikTok), bluesky-embed
 * (Bluesky), mastodon-embed (Mastodon), text-post-media (Threads), fb-post (Facebook).
 */
const EMBED_CLASSES = ['twitter-tweet', 'twitter-video', 'instagram-media', 'tiktok-embed', 'bluesky-embed',
  'mastodon-embed', 'text-post-media', 'fb-post'];

/** Links to a single post on the platforms above. */
const POST_URL = /\/status(?:es)?\/\d+|\/(?:p|reel|tv)\/[\w-]+|\/video\/\d+|\/post\/[\w-]+|\/@[\w.]+\/\d+|\/posts\/[\w.-]+/;
/** "— Jane Roe (@janeroe) March 3, 2021", "— Jane Roe (@janeroe.bsky.social) March 3, 2021 at 9:12 AM". */
const SIGNATURE = /[—–]\s*([^()\n—–]{1,80}?)\s*\(\s*(@[\w.-]+(?:@[\w.-]+)?)\s*\)\s*([^—–]*)$/;
/** Instagram's "A post shared by Jane Roe (@janeroe)". */
const SHARED_BY = /shared by\s+([^()\n]{1,80}?)\s*\(\s*(@[\w.]+)\s*\)/i;
/** Lines an embed code adds around the post's words. */
const BOILERPLATE = /^(view this post on|a post shared by|watch on|view on|post by|see more on|♬)/i;

export interface PostFields {
  /** The post's words, its link at the end. */
  readonly body: string;
  /** "— Jane Roe (@janeroe) March 3, 2021", or undefined where the post names no handle. */
  readonly signature?: string;
  readonly author?: string;
  readonly handle?: string;
  readonly date?: string;
  readonly url?: string;
}

/** Whether an element whose class attribute is `cls` is an embedded post's container. */
export function isEmbeddedPostClass(cls: string): boolean {
  const classes = cls.split(/\s+/);
  return EMBED_CLASSES.some((c) => classes.includes(c));
}

/** Reads an embedded post; `textOf` renders an element's text with whitespace collapsed. */
export function readPost(el: Element, textOf: (node: Node) => string): PostFields {
  const all = textOf(el);
  const signature = SIGNATURE.exec(all);
  const shared = SHARED_BY.exec(all);
  const url = findPostUrl(el);

  let handle = signature?.[2] ?? shared?.[2] ?? el.querySelector('a[title^="@"]')?.getAttribute('title') ?? handleFromUrl(url);
  if (handle && !handle.startsWith('@')) handle = `@${handle}`;
  const author = clean(signature?.[1] ?? shared?.[1]) ?? handle?.slice(1);
  const date = normalizeDate(el.querySelector('time[datetime]')?.getAttribute('datetime'))
    ?? normalizeDate(signature?.[3])
    ?? normalizeDate(el.querySelector('time')?.textContent);

  const paragraphs = [...el.querySelectorAll('p')].map((p) => textOf(p)).filter((t) => t && !BOILERPLATE.test(t) && !SIGNATURE.test(t));
  let words = (paragraphs.length ? paragraphs.join(' ') : signature ? all.slice(0, signature.index) : all).trim();
  if (url && !words.endsWith(url)) words = words ? `${words} ${url}` : url;

  const longDate = date ? formatLongDate(date) : undefined;
  return {
    body: words,
    ...(handle && { signature: `— ${author ?? handle.slice(1)} (${handle})${longDate ? ` ${longDate}` : ''}` }),
    ...(author && { author }),
    ...(handle && { handle }),
    ...(date && { date: date.slice(0, 10) }),
    ...(url && { url }),
  };
}

/** The post's own link: the embed's cite or permalink attribute, else its last link to a single post. */
function findPostUrl(el: Element): string | undefined {
  const attr = el.getAttribute('cite') ?? el.getAttribute('data-instgrm-permalink') ?? el.getAttribute('data-href')
    ?? el.getAttribute('data-embed-url')?.replace(/\/embed\/?$/, '') ?? null;
  const links = [...el.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((h) => /^https?:\/\//.test(h) && POST_URL.test(h));
  const url = attr && /^https?:\/\//.test(attr) ? attr : links[links.length - 1];
  return url ? url.replace(/[?#].*$/, '') : undefined;
}

/** "https://twitter.com/janeroe/status/1" → "@janeroe"; "https://www.tiktok.com/@janeroe/video/1" → "@janeroe". */
function handleFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const at = /\/@([\w.]+)\//.exec(url);
  if (at) return `@${at[1]}`;
  const status = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(\w+)\/status/.exec(url);
  if (status) return `@${status[1]}`;
  const bsky = /^https:\/\/bsky\.app\/profile\/([\w.-]+)\/post/.exec(url);
  return bsky && !bsky[1].startsWith('did') ? `@${bsky[1]}` : undefined;
}

function clean(s: string | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t || undefined;
}
