/**
 * Inputs other than plain text: HTML pages, URLs and WARC archives. Each reader turns its input into
 * an `ExtractedArticle` (text plus what the page says about itself), which the core then analyses.
 * Readers do the I/O; the HTML extraction itself is pure.
 */

/** Where a page's publication date came from, most trusted first. */
export type DateSource = 'json-ld' | 'open-graph' | 'meta' | 'time-element' | 'dateline';

/** What a page says about itself, where it says it. */
export interface ArticleMetadata {
  title?: string;
  byline?: string;
  /** ISO date or date-time. */
  publishedAt?: string;
  publishedAtSource?: DateSource;
  outlet?: string;
  canonicalUrl?: string;
  /** BCP 47 language tag, e.g. "en". */
  language?: string;
}

/** One paragraph of the extracted text and the element of the page it came from. */
export interface ParagraphSource {
  start: number;
  end: number;
  /** A CSS selector path to the element in the page, e.g. "article > p:nth-of-type(3)". */
  selector: string;
  /** e.g. "p", "blockquote", "social-post". */
  element: string;
}

/** An embedded social post found in the page (e.g. a `twitter-tweet` blockquote). */
export interface EmbeddedPost {
  /** The post's paragraph span in the extracted text. */
  start: number;
  end: number;
  author?: string;
  handle?: string;
  /** ISO date. */
  date?: string;
  url?: string;
}

/** A page read as an article: its text (one paragraph a line), metadata, paragraph sources, embedded posts and diagnostics. */
export interface ExtractedArticle {
  text: string;
  metadata: ArticleMetadata;
  paragraphs: ParagraphSource[];
  posts: EmbeddedPost[];
  /** Problems found in the input, in the analysis's diagnostic shape. */
  diagnostics: { code: string; severity: 'error' | 'warning' | 'info'; message: string; actual?: string; expected?: string }[];
}
