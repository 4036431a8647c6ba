/**
 * HTML to article: the body text found by @mozilla/readability on a linkedom DOM, rendered one line per
 * paragraph, with what the page says about itself. Blockquotes, pull quotes and embedded social posts
 * carry statements, so they are kept even where readability drops them. Pure: no I/O.
 */
import { parseHTML } from 'linkedom';
import type { ArticleMetadata, EmbeddedPost, ExtractedArticle, ParagraphSource } from './types.js';
import { readMetadata } from './metadata.js';
import { findDateline } from './dates.js';
import { guessEnglish } from './language.js';
import { isEmbeddedPostClass, readPost, type PostFields } from './social-posts.js';
import { LinkedomReadability } from './readability.js';

/** How `extractHtml` reads a page. */
export interface ExtractHtmlOptions {
  /** Where the page came from: resolves relative links and is the canonical URL of last resort. */
  readonly url?: string;
}

type InputDiagnostic = ExtractedArticle['diagnostics'][number];

/** An element's place in the original page, its ordinal in document order, set before readability moves things. */
const PLACE = 'data-whosaid-place';
/** Marks a kept element (blockquote, pull quote, post) with its index. */
const KEEP = 'data-whosaid-keep';

/** Elements that start a line of their own (HTML's block-level content). */
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'body', 'html']);
/** Elements without readable text. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'button', 'select',
  'textarea', 'input', 'object', 'embed', 'canvas', 'video', 'audio', 'head']);
/** Elements whose text is not article text, when rendering an article readability found. */
const NOT_ARTICLE = new Set([...NOT_TEXT, 'nav', 'form', 'header', 'footer']);
/** Class or id of a pull quote: "pullquote", "pull-quote", "pull_quote". */
const PULL_QUOTE = /\bpull[-_]?quote\b/i;
/** Deeper than this the DOM is walked as text. */
const MAX_DEPTH = 200;

interface Line {
  readonly text: string;
  readonly selector: string;
  readonly element: string;
  readonly ordinal: number;
  /** Set on a post's first line. */
  readonly post?: PostFields;
  /** Set on a post's signature line. */
  readonly signature?: boolean;
}

/** What `annotate` learnt of a page: the elements to keep, and each marked ordinal's CSS selector. */
interface Annotated {
  readonly keepers: Keeper[];
  /** By ordinal (sparse: only marked elements). Kept out of the DOM, so readability never copies them. */
  readonly selectors: string[];
  /** Some element nests deeper than MAX_DEPTH. */
  readonly tooDeep: boolean;
}

interface RenderContext extends Omit<Annotated, 'tooDeep'> {
  /** Indexes of the kept elements met while rendering. */
  readonly used: Set<number>;
  readonly skip: ReadonlySet<string>;
}

interface Keeper {
  readonly el: Element;
  readonly kind: 'social-post' | 'blockquote' | 'pull-quote';
  readonly ordinal: number;
  /** No kept element around it. */
  readonly top: boolean;
  lines?: Line[];
}

/** Extracts the article from a page: its text, paragraph map, embedded posts, metadata and diagnostics. */
export function extractHtml(html: string, options: ExtractHtmlOptions = {}): ExtractedArticle {
  const diagnostics: InputDiagnostic[] = [];
  const { document } = parseDocument(html);
  const page = readMetadata(document, options.url);
  if (page.badJsonLd > 0) {
    diagnostics.push({ code: 'input/bad-json-ld', severity: 'info', message: `${page.badJsonLd} JSON-LD block(s) in the page did not parse as JSON; metadata was read from the other sources.` });
  }
  const annotated = annotate(document);
  // Readability's cleaning costs grow with the square of the nesting: 0.4 s a page at 200 levels, 13 s at 1,000
  const article = annotated.tooDeep ? undefined : runReadability(document);
  let lines = article?.content ? renderArticle(article.content, annotated, NOT_ARTICLE) : [];
  if (annotated.tooDeep) {
    lines = document.body ? renderArticle(document.body, annotated, NOT_TEXT) : [];
    diagnostics.push({
      code: 'input/too-deep', severity: 'warning',
      message: `The page nests its elements more than ${MAX_DEPTH} levels deep, where a news page has a few dozen; Readability was not run and the whole body text was used.`,
    });
  } else if (lines.length === 0) {
    const { document: fresh } = parseDocument(html);
    lines = fresh.body ? renderArticle(fresh.body, annotate(fresh), NOT_TEXT) : [];
    diagnostics.push({
      code: 'input/no-article-body', severity: 'warning',
      message: `Readability found no article body in the page; expected an article element with paragraphs, found ${lines.length ? 'only other text, so the whole body text was used' : 'no text at all'}.`,
    });
  }

  const { text, paragraphs, posts } = assemble(lines);
  const metadata: ArticleMetadata = { ...page.metadata };
  if (!metadata.byline && article?.byline?.trim()) metadata.byline = article.byline.replace(/\s+/g, ' ').trim();
  if (!metadata.title && article?.title?.trim()) metadata.title = article.title.trim();
  if (!metadata.publishedAt) {
    const dateline = findDateline(text, metadata.canonicalUrl ?? options.url);
    if (dateline?.date) {
      metadata.publishedAt = dateline.date;
      metadata.publishedAtSource = 'dateline';
    } else if (dateline) {
      diagnostics.push({ code: 'input/dateline-without-year', severity: 'info', message: `The dateline "${dateline.text}" gives no year and the page gives no other date; the publication date is unknown.` });
    }
  }
  const language = checkLanguage(text, metadata.language);
  if (language) diagnostics.push(language);
  return { text, metadata, paragraphs, posts, diagnostics };
}

/** linkedom takes a fragment's first element as the root, so a page without <html> is wrapped in one. */
function parseDocument(html: string): { document: Document } {
  const page = /<html[\s>]/i.test(html) ? html
    : /<body[\s>]/i.test(html) ? `<!DOCTYPE html><html>${html}</html>`
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page) as unknown as { document: Document };
}

function runReadability(document: Document): { content?: Element; title?: string; byline?: string } | undefined {
  try {
    // classes were read before readability runs (`annotate`): it need not spend a walk removing them
    const result = new LinkedomReadability(document, { serializer: (node) => node as Element, keepClasses: true }).parse();
    if (!result) return undefined;
    return {
      ...(result.content && { content: result.content }),
      ...(result.title && { title: result.title }),
      ...(result.byline && { byline: result.byline }),
    };
  } catch {
    return undefined;
  }
}

/**
 * Marks every block element with its place in the page (its ordinal in document order; the ordinal's CSS
 * selector goes in `selectors`) and every element to keep, and renders the kept ones while the page is
 * still as written.
 */
function annotate(document: Document): Annotated {
  const keepers: Keeper[] = [];
  const selectors: string[] = [];
  let ordinal = 0;
  let tooDeep = false;
  // `tag` is passed down: linkedom computes localName afresh on every read
  const visit = (el: Element, tag: string, path: string, inKeeper: boolean, depth: number): void => {
    ordinal++;
    const cls = el.getAttribute('class');
    const id = el.getAttribute('id');
    const kind = cls && isEmbeddedPostClass(cls) ? 'social-post'
      : tag === 'blockquote' ? 'blockquote'
      : (cls || id) && PULL_QUOTE.test(`${cls ?? ''} ${id ?? ''}`) ? 'pull-quote'
      : undefined;
    if (BLOCK.has(tag) || kind) {
      el.setAttribute(PLACE, String(ordinal));
      selectors[ordinal] = path;
    }
    if (kind) {
      el.setAttribute(KEEP, String(keepers.length));
      keepers.push({ el, kind, ordinal, top: !inKeeper });
    }
    if (depth > MAX_DEPTH) tooDeep = true;
    if (NOT_TEXT.has(tag) || depth > MAX_DEPTH) return;
    // sibling steps (linkedom's `children` copies the siblings into a new list on every read)
    const children: Element[] = [];
    const names: string[] = [];
    let repeats = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const name = c.localName.toLowerCase();
      // a short list is searched; a long one goes to nthOfType, which is linear
      repeats ||= names.length > 32 || names.includes(name);
      children.push(c);
      names.push(name);
    }
    const nth = repeats ? nthOfType(names) : undefined;
    for (let i = 0; i < children.length; i++) {
      const step = nth?.[i] ? `${names[i]}:nth-of-type(${nth[i]})` : names[i];
      visit(children[i], names[i], `${path} > ${step}`, inKeeper || kind !== undefined, depth + 1);
    }
  };
  const root = document.documentElement;
  if (root) visit(root, root.localName.toLowerCase(), 'html', false, 0);
  const ctx: RenderContext = { keepers, selectors, used: new Set(), skip: NOT_ARTICLE };
  for (const k of keepers) keeperLines(k, ctx);
  return { keepers, selectors, tooDeep };
}

/** Each name's place among the same names (1, 2, …) where it repeats among `names`, 0 where it does not. */
function nthOfType(names: readonly string[]): number[] {
  const total = new Map<string, number>();
  for (const name of names) total.set(name, (total.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return names.map((name) => {
    if (total.get(name) === 1) return 0;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n;
  });
}

/** Renders a kept element once; later calls return the same lines. */
function keeperLines(k: Keeper, ctx: RenderContext): Line[] {
  if (k.lines) return k.lines;
  const { selector, ordinal } = placeOf(k.el, ctx.selectors);
  if (k.kind === 'social-post') {
    const post = readPost(k.el, (node) => collapse(textOf(node, ctx.skip)));
    k.lines = post.body ? [{ text: post.body, selector, element: 'social-post', ordinal, post }] : [];
    if (post.body && post.signature) k.lines.push({ text: post.signature, selector, element: 'social-post', ordinal, signature: true });
  } else {
    k.lines = [];
    renderBlock(k.el, k.kind, ctx, k.lines, 0);
  }
  return k.lines;
}

/** Renders readability's article (or the page body), putting back kept elements it dropped. */
function renderArticle(root: Element, { keepers, selectors }: Annotated, skip: ReadonlySet<string>): Line[] {
  const ctx: RenderContext = { keepers, selectors, used: new Set(), skip };
  const lines: Line[] = [];
  renderElement(root, undefined, ctx, lines, 0);
  if (lines.length === 0) return lines;
  // a loop, not Math.min(...ordinals): a page of 150,000 paragraphs overflows the stack with a spread
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of lines) {
    if (l.ordinal < lo) lo = l.ordinal;
    if (l.ordinal > hi) hi = l.ordinal;
  }
  const dropped = keepers.filter((k, i) => k.top && !ctx.used.has(i) && k.ordinal > lo && k.ordinal < hi);
  if (dropped.length === 0) return lines;
  const merged: Line[] = [];
  let d = 0;
  for (const line of lines) {
    while (d < dropped.length && dropped[d].ordinal < line.ordinal) for (const l of keeperLines(dropped[d++], ctx)) merged.push(l);
    merged.push(line);
  }
  return merged;
}

function renderElement(el: Element, kind: string | undefined, ctx: RenderContext, out: Line[], depth: number): void {
  const keep = el.getAttribute(KEEP);
  const keeper = keep === null ? undefined : ctx.keepers[+keep];
  if (keeper) {
    ctx.used.add(+keep!);
    for (const l of keeperLines(keeper, ctx)) out.push(l);
    return;
  }
  if (ctx.skip.has(el.localName.toLowerCase())) return;
  renderBlock(el, kind, ctx, out, depth);
}

/** One line for a block without blocks inside; otherwise its inline runs and its blocks in order. */
function renderBlock(el: Element, kind: string | undefined, ctx: RenderContext, out: Line[], depth: number): void {
  const tag = el.localName.toLowerCase();
  const emit = (text: string): void => {
    const t = collapse(text);
    if (!t) return;
    const { selector, ordinal } = placeOf(el, ctx.selectors);
    out.push({ text: t, selector, element: kind ?? tag, ordinal });
  };
  if (depth > MAX_DEPTH || !hasBlockInside(el, 0)) { emit(textOf(el, ctx.skip)); return; }
  let run = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && isBlock(node as Element)) {
      emit(run);
      run = '';
      renderElement(node as Element, kind, ctx, out, depth + 1);
    } else {
      run += textOf(node, ctx.skip);
    }
  }
  emit(run);
}

function isBlock(el: Element): boolean {
  return BLOCK.has(el.localName.toLowerCase()) || el.hasAttribute(KEEP);
}

function hasBlockInside(el: Element, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (isBlock(c) || hasBlockInside(c, depth + 1)) return true;
  return false;
}

/** An element's place in the original page, or its nearest marked ancestor's (readability adds wrappers). */
function placeOf(el: Element, selectors: readonly string[]): { selector: string; ordinal: number } {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const place = e.getAttribute(PLACE);
    if (place) return { ordinal: +place, selector: selectors[+place] };
  }
  return { ordinal: 0, selector: 'body' };
}

/** A node's text: line breaks and block edges become spaces, skipped elements drop out. */
function textOf(node: Node, skip: ReadonlySet<string>, depth = 0): string {
  if (node.nodeType === 3) return (node as Text).data;
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const tag = el.localName.toLowerCase();
  if (tag === 'br') return ' ';
  if (skip.has(tag)) return '';
  // deeper down, linkedom's own text (which walks without recursion), skipped elements and all
  if (depth > MAX_DEPTH) return el.textContent ?? '';
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) s += textOf(c, skip, depth + 1);
  return BLOCK.has(tag) ? ` ${s} ` : s;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function assemble(lines: Line[]): { text: string; paragraphs: ParagraphSource[]; posts: EmbeddedPost[] } {
  const paragraphs: ParagraphSource[] = [];
  const posts: EmbeddedPost[] = [];
  let text = '';
  for (const line of lines) {
    if (text) text += '\n';
    const start = text.length;
    text += line.text;
    paragraphs.push({ start, end: text.length, selector: line.selector, element: line.element });
    if (line.post) {
      const { author, handle, date, url } = line.post;
      posts.push({ start, end: text.length, ...(author && { author }), ...(handle && { handle }), ...(date && { date }), ...(url && { url }) });
    }
  }
  return { text, paragraphs, posts };
}

function checkLanguage(text: string, declared: string | undefined): InputDiagnostic | undefined {
  const primary = declared?.split('-')[0];
  if (primary && primary !== 'en') {
    return { code: 'input/not-english', severity: 'warning', message: `The page declares its language as "${declared}"; whosaid reads English only, so no attributions were looked for.` };
  }
  const guess = guessEnglish(text);
  if (guess.english === false) {
    return { code: 'input/not-english', severity: 'warning', message: `The text does not read as English: ${Math.round(guess.share * 100)}% of its ${guess.words} words are common English words, expected at least 12%; no attributions were looked for.` };
  }
  return undefined;
}
