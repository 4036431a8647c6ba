/**
 * @mozilla/readability, tuned for linkedom and for what whosaid reads of its result (the article's text,
 * never its links or its HTML). Three of Readability's helper methods are replaced; each gives the same
 * answer as Readability's own, and a test checks that on pages written to exercise each clause.
 *
 * - Visibility: Readability reads `node.style.display` and `.visibility` of every node. linkedom builds a
 *   `style` object for an element on first read (a Map behind a Proxy) and looks its style attribute up
 *   again on every property read, which made this test a fifth of the whole extraction. An element without
 *   a style attribute has no inline display or visibility: it gets the other clauses only.
 * - Byline: Readability measured the text of every element it asked about (the whole page's text for the
 *   body) before the cheap tests on its attributes; here the text is measured last.
 * - Relative links: Readability makes every link and media address in the article absolute; whosaid never
 *   reads them from the article, so that pass is skipped. The text it leaves is the same.
 */
import { Readability } from '@mozilla/readability';

type VisibilityTest = (this: unknown, node: Element) => boolean;
type BylineTest = (this: unknown, node: Element, matchString: string) => boolean;

/** Readability's own methods, as shipped (on its prototype, not in its typed interface). */
export const readabilityOwn = Readability.prototype as unknown as {
  readonly _isProbablyVisible?: VisibilityTest;
  readonly _isValidByline?: BylineTest;
  readonly _fixRelativeUris?: (this: unknown, article: Element) => void;
};

/** Readability's visibility test without building a style object for an element that has no style attribute. */
export function isProbablyVisible(this: unknown, node: Element): boolean {
  if (node.hasAttribute('style') && readabilityOwn._isProbablyVisible) return readabilityOwn._isProbablyVisible.call(this, node);
  if (node.hasAttribute('hidden')) return false;
  if (node.getAttribute('aria-hidden') !== 'true') return true;
  // Readability keeps aria-hidden elements of class "fallback-image" (Wikimedia's math images)
  const cls: unknown = node.className;
  return typeof cls === 'string' && cls.includes('fallback-image');
}

/** Readability's byline test (author link, author item, or a byline-like class or id; under 100 characters of text), text last. */
export function isValidByline(this: { REGEXPS: { byline: RegExp } }, node: Element, matchString: string): boolean {
  const itemprop = node.getAttribute('itemprop');
  if (!(node.getAttribute('rel') === 'author' || itemprop?.includes('author') || this.REGEXPS.byline.test(matchString))) return false;
  const length = (node.textContent ?? '').trim().length;
  return length > 0 && length < 100;
}

/** Readability with the helpers above in place of its own. */
export class LinkedomReadability extends Readability<Element> {
  _isProbablyVisible(node: Element): boolean {
    return isProbablyVisible.call(this, node);
  }

  _isValidByline(node: Element, matchString: string): boolean {
    return isValidByline.call(this as unknown as { REGEXPS: { byline: RegExp } }, node, matchString);
  }

  _fixRelativeUris(): void {}
}
