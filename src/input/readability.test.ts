import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { isProbablyVisible, isValidByline, LinkedomReadability, readabilityOwn } from './readability.js';

function parse(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document;
}

/** Elements written to exercise each clause of Readability's visibility and byline tests. */
const CLAUSES = `<!DOCTYPE html><html><head><title>Clauses</title></head><body>
<div><p>plain paragraph</p><p class="lead">with a class</p></div>
<p style="display:none">display none</p>
<p style="display: none; color: red">display none among others</p>
<p style="visibility:hidden">visibility hidden</p>
<p style="color:blue">styled, visible</p>
<p style="">empty style</p>
<p hidden>hidden attribute</p>
<p hidden style="color:blue">hidden attribute with a style</p>
<p aria-hidden="true">aria hidden</p>
<p aria-hidden="false">aria not hidden</p>
<p aria-hidden="">aria empty</p>
<span aria-hidden="true" class="mwe-math-fallback-image-inline">aria hidden fallback image</span>
<span aria-hidden="true" class="fallback">aria hidden, other class</span>
<span aria-hidden="true" style="display:inline" class="fallback-image">styled fallback image</span>
<svg aria-hidden="true"><path d="M0 0"/></svg>
<svg><circle r="1"/></svg>
<p class="byline">By Jane Roe</p>
<div id="author-box">Tom Hale</div>
<a rel="author" href="/people/ada">Ada Quill</a>
<span itemprop="author">Ben Ortiz</span>
<span itemprop="author"></span>
<div class="author-bio">${'A long biography of a writer who has covered the harbor for years. '.repeat(3)}</div>
<p class="dateline">EASTON, March 3</p>
</body></html>`;

test("Readability's replaced helpers are still where the overrides expect them", () => {
  assert.equal(typeof readabilityOwn._isProbablyVisible, 'function');
  assert.equal(typeof readabilityOwn._isValidByline, 'function');
  assert.equal(typeof readabilityOwn._fixRelativeUris, 'function');
});

test("the linkedom visibility test agrees with Readability's on every element", () => {
  const elements = Array.from(parse(CLAUSES).querySelectorAll('*'));
  assert.ok(elements.length > 20);
  let hidden = 0;
  for (const el of elements) {
    // Readability's answer is truthy or falsy (an empty class name for "no"), read as a condition
    const expected = Boolean(readabilityOwn._isProbablyVisible?.call(undefined, el));
    assert.equal(isProbablyVisible.call(undefined, el), expected, el.outerHTML);
    if (!expected) hidden++;
  }
  // display none (two), visibility hidden, hidden (two), aria-hidden true (two, an svg among them), other class
  assert.equal(hidden, 8);
});

test("the byline test agrees with Readability's on every element", () => {
  const document = parse(CLAUSES);
  const reader = new LinkedomReadability(document);
  let bylines = 0;
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const matchString = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const expected = readabilityOwn._isValidByline?.call(reader, el, matchString);
    assert.equal(isValidByline.call(reader as unknown as { REGEXPS: { byline: RegExp } }, el, matchString), expected, el.outerHTML);
    if (expected) bylines++;
  }
  // .byline, #author-box, rel=author, itemprop=author with text, .dateline; not the empty one nor the long bio
  assert.equal(bylines, 5);
});

/** A story with relative, absolute, fragment and javascript: links and images, written for this test. */
const LINKED = `<!DOCTYPE html><html><head><title>Ferry service returns - The Easton Lark</title></head><body>
<nav><a href="/">Home</a> <a href="/city">City</a></nav>
<article><h1>Ferry service returns</h1><p class="byline">By Ada Quill</p>
<p>The harbor master said on Friday that the <a href="/ferry">ferry service</a> would return in April, after a winter of repairs to the <a href="https://port.example/dock">north dock</a>.</p>
<p style="display:none">Hidden note that readers never see.</p>
<p>"We expect the boats to run every hour," she told reporters, pointing to a <a href="javascript:void(0)">schedule</a> posted by the <a href="javascript:open()"><b>port</b> office</a> and a <a href="#map">map</a>.</p>
<figure><img src="img/dock.jpg" alt="The dock"><figcaption>The north dock in March.</figcaption></figure>
<p>Council member Tom Hale said the town would pay for the fuel, and that the fares would stay the same for at least a year, according to a statement.</p>
</article><footer><p>Copyright The Easton Lark</p></footer></body></html>`;

test("the tuned Readability finds the same article text, title and byline as Readability's own", () => {
  const ours = new LinkedomReadability(parse(LINKED), { serializer: (node) => node as Element }).parse();
  const theirs = new Readability<Element>(parse(LINKED), { serializer: (node) => node as Element }).parse();
  assert.ok(ours?.content && theirs?.content);
  assert.equal(ours.content.textContent, theirs.content.textContent);
  assert.match(ours.content.textContent ?? '', /schedule posted by the port office/);
  assert.doesNotMatch(ours.content.textContent ?? '', /Hidden note/);
  assert.equal(ours.title, theirs.title);
  assert.equal(ours.byline, theirs.byline);
  assert.equal(ours.byline, 'By Ada Quill');
});
