/**
 * What a page says about itself: title, byline, publication date, outlet, canonical URL and language,
 * read from JSON-LD, Open Graph, meta tags and the document's own elements. The dateline in the text,
 * the last source for the date, is read after extraction (see `html.ts`).
 */
import type { ArticleMetadata, DateSource } from './types.js';
import { normalizeDate } from './dates.js';

export interface PageMetadata {
  readonly metadata: ArticleMetadata;
  /** JSON-LD blocks that did not parse. */
  readonly badJsonLd: number;
}

/**
 * Meta tags that carry a publication date, by `name`, `property` or `itemprop`, most used first.
 * Sources: Open Graph's article vocabulary (ogp.me), Dublin Core (DC.date.issued, dcterms.*),
 * Parse.ly (parsely-pub-date), Sailthru (sailthru.date), schema.org microdata (datePublished), and
 * the tags long used by news CMSs (pubdate, publishdate, date, article.published, published-date).
 */
const OPEN_GRAPH_DATE = ['article:published_time', 'og:article:published_time'];
const META_DATE = [
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date.issued', 'dcterms.issued',
  'dc.date', 'dcterms.date', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'article.published',
  'published-date', 'datepublished', 'originalpublicationdate',
];
/** schema.org types an article's JSON-LD takes (schema.org/Article and its subtypes). */
const ARTICLE_TYPE = /(Article|BlogPosting|Report)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Reads the page's metadata; `url` is where the page came from, the canonical URL of last resort. */
export function readMetadata(document: Document, url?: string): PageMetadata {
  const tags = elementsByTag(document);
  const meta = readMetaTags(tags.meta);
  const { objects, bad } = readJsonLd(tags.script);
  const article = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t)))
    ?? objects.find((o) => typeof o.datePublished === 'string');

  const dates: [DateSource, string | undefined][] = [
    ['json-ld', stringOf(article?.datePublished)],
    ['open-graph', first(OPEN_GRAPH_DATE.map((k) => meta.get(k)))],
    ['meta', first(META_DATE.map((k) => normalizeDate(meta.get(k)) && meta.get(k)))],
    ['time-element', tags.time.find((el) => el.hasAttribute('datetime'))?.getAttribute('datetime') ?? undefined],
  ];
  let publishedAt: string | undefined;
  let publishedAtSource: DateSource | undefined;
  for (const [source, value] of dates) {
    const iso = normalizeDate(value);
    if (iso) { publishedAt = iso; publishedAtSource = source; break; }
  }

  const title = clean(first([stringOf(article?.headline), meta.get('og:title'), meta.get('twitter:title'), tags.title[0]?.textContent ?? undefined]));
  const byline = clean(first([namesOf(article?.author, objects), nonUrl(meta.get('author')), nonUrl(meta.get('article:author')), nonUrl(meta.get('parsely-author'))]));
  const outlet = clean(first([meta.get('og:site_name'), namesOf(article?.publisher, objects), meta.get('application-name')]));
  const canonicalUrl = first([
    absolute(canonicalLink(tags.link)?.getAttribute('href'), url),
    absolute(meta.get('og:url'), url),
    url,
  ]);
  const language = normalizeLanguage(first([
    document.documentElement?.getAttribute('lang') ?? undefined,
    meta.get('content-language'),
    meta.get('og:locale'),
  ]));

  return {
    metadata: {
      ...(title && { title }),
      ...(byline && { byline }),
      ...(publishedAt && { publishedAt, publishedAtSource }),
      ...(outlet && { outlet }),
      ...(canonicalUrl && { canonicalUrl }),
      ...(language && { language }),
    },
    badJsonLd: bad,
  };
}

/** The elements metadata is read from. */
interface MetadataElements {
  readonly meta: Element[];
  readonly script: Element[];
  readonly time: Element[];
  readonly title: Element[];
  readonly link: Element[];
}

/** The page's meta, script, time, title and link elements, each kind in document order, in one walk of the page (a walk per tag cost twice as much). */
function elementsByTag(document: Document): MetadataElements {
  const found: MetadataElements = { meta: [], script: [], time: [], title: [], link: [] };
  const root = document.documentElement;
  let el: Element | null = root;
  while (el) {
    const name = el.localName.toLowerCase();
    if (Object.hasOwn(found, name)) found[name as keyof MetadataElements].push(el);
    // depth-first, in document order, without recursion (pages can nest deeply)
    let next: Element | null = el.firstElementChild;
    while (!next && el && el !== root) {
      next = el.nextElementSibling;
      if (!next) el = el.parentElement;
    }
    el = next;
  }
  return found;
}

/** `<link rel="canonical">`; `rel` is a space-separated list whose words match in any case. */
function canonicalLink(links: readonly Element[]): Element | undefined {
  for (const el of links) {
    if ((el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) return el;
  }
  return undefined;
}

/** Meta tags by lower-cased name, property, itemprop or http-equiv; the first of each wins. */
function readMetaTags(metas: readonly Element[]): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of metas) {
    const content = el.getAttribute('content');
    if (content === null) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content.trim());
    }
  }
  return tags;
}

/** Every object in the page's JSON-LD blocks, `@graph` members included, in document order. */
function readJsonLd(scripts: readonly Element[]): { objects: JsonObject[]; bad: number } {
  const objects: JsonObject[] = [];
  let bad = 0;
  const visit = (value: Json, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) { for (const v of value) visit(v, depth + 1); return; }
    objects.push(value);
    if (value['@graph']) visit(value['@graph'], depth + 1);
  };
  for (const script of scripts) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      visit(JSON.parse(script.textContent ?? '') as Json, 0);
    } catch {
      bad++;
    }
  }
  return { objects, bad };
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : [];
}

/** A JSON-LD person or organization (or a list of them, or a reference by `@id`) as names joined by "and". */
function namesOf(value: Json | undefined, objects: JsonObject[]): string | undefined {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const names: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') { if (!/^https?:/.test(item)) names.push(item); continue; }
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const target = typeof item.name === 'string' ? item
      : objects.find((o) => typeof item['@id'] === 'string' && o['@id'] === item['@id']);
    if (target && typeof target.name === 'string') names.push(target.name);
  }
  return names.length ? names.join(' and ') : undefined;
}

function stringOf(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function first(values: (string | undefined | null | false)[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v.trim()) return v.trim();
  return undefined;
}

function clean(value: string | undefined): string | undefined {
  const s = value?.replace(/\s+/g, ' ').trim();
  return s || undefined;
}

function nonUrl(value: string | undefined): string | undefined {
  return value && !/^https?:\/\//.test(value) ? value : undefined;
}

function absolute(href: string | null | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** "en_US" → "en-US", "EN" → "en", "en-GB, fr" → "en-GB". */
export function normalizeLanguage(value: string | undefined): string | undefined {
  const tag = value?.split(/[,;\s]/)[0]?.replace(/_/g, '-');
  if (!tag || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return undefined;
  const [lang, ...rest] = tag.split('-');
  return [lang.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join('-');
}
