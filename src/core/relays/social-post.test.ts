import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/segment.js';
import { findTimes } from '../time/find-times.js';
import { findSocialPosts } from './social-post.js';

function postsOf(text: string, reference = '2024-05-02') {
  const seg = segment(text);
  return findSocialPosts(seg, findTimes(seg, reference)).map((p) => ({
    body: text.slice(p.body.start, p.body.end), author: p.author, handle: p.handle, date: p.date, url: p.url,
  }));
}

const cases: [string, string, ReturnType<typeof postsOf>][] = [
  ['a tweet signature', '“The ferry runs again,” the mayor wrote. https://t.co/Ab12\n— Jane Roe (@janeroe) May 1, 2024', [
    { body: '“The ferry runs again,” the mayor wrote. https://t.co/Ab12', author: 'Jane Roe', handle: '@janeroe', date: '2024-05-01', url: 'https://t.co/Ab12' },
  ]],
  ['a Mastodon handle with its instance', 'Vote tomorrow, everyone.\n— Jo Park (@jopark@social.example) May 1, 2024', [
    { body: 'Vote tomorrow, everyone.', author: 'Jo Park', handle: '@jopark@social.example', date: '2024-05-01', url: undefined },
  ]],
];

for (const [name, text, expected] of cases) {
  test(`findSocialPosts: ${name}`, () => assert.deepEqual(postsOf(text), expected));
}

test('findSocialPosts: a dash line without a handle is no signature', () => {
  assert.deepEqual(postsOf('The vote passed.\n— Staff report, May 1, 2024'), []);
});
