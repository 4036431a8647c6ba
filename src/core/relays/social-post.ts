/**
 * Embedded social posts in plain text. News sites render an embedded tweet as its text followed by a
 * signature line, and the HTML reader writes posts in the same shape:
 *
 *   “We will be ready,” the governor wrote. https://t.co/abc123
 *   — Jane Roe (@janeroe) March 3, 2021
 *
 * The signature names the post's author, handle and date; the paragraph before it is the post.
 */
import type { Span, TimeExpression } from '../analysis.js';
import type { Segmented } from '../segment/segment.js';

export interface SocialPost {
  /** The post's text: the paragraph before the signature. */
  readonly body: Span;
  /** The signature line. */
  readonly signature: Span;
  readonly author: string;
  readonly handle: string;
  /** ISO date from the signature, where a time expression there was resolved. */
  readonly date?: string;
  readonly url?: string;
}

// The handle may carry an instance, as Mastodon's do: "(@janeroe@social.example)".
const SIGNATURE = /^[—–-]{1,2}\s*([^()\n]{1,80}?)\s*\((@[A-Za-z0-9_.]{1,50}(?:@[A-Za-z0-9.-]{1,100})?)\)\s*(.*)$/;
const URL = /https?:\/\/[^\s"”’)]+/g;

export function findSocialPosts(seg: Segmented, times: readonly TimeExpression[]): SocialPost[] {
  const posts: SocialPost[] = [];
  for (const para of seg.paragraphs) {
    if (para.i === 0) continue;
    const line = seg.text.slice(para.start, para.end);
    const m = SIGNATURE.exec(line);
    if (!m) continue;
    const body = seg.paragraphs[para.i - 1];
    const bodyText = seg.text.slice(body.start, body.end);
    const urls = bodyText.match(URL);
    const dateStart = para.start + line.length - m[3].length;
    const date = times.find((t) => t.start >= dateStart && t.end <= para.end);
    posts.push({
      body: { start: body.start, end: body.end },
      signature: { start: para.start, end: para.end },
      author: m[1],
      handle: m[2],
      ...(date && { date: date.value.slice(0, 10) }),
      ...(urls && { url: urls[urls.length - 1] }),
    });
  }
  return posts;
}
