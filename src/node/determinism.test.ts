import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from './analyzer.js';

// The team's own articles, each with words wink-nlp's model does not know, possessives before commas
// and names that come back in other cases: what one teaches the tokenizer must not reach the next.
const articles: { text: string; publishedAt?: string }[] = [
  { text: 'Voters backed Okonkwo’s, not Baptiste’s.\n“Okonkwo’s tax plan is a gift to landlords,” said Lena Baptiste, a Harborview councillor.', publishedAt: '2025-03-04' },
  { text: 'Okonkwo’s tax plan drew praise on Tuesday, said Lena Baptiste.\nOKONKWO WINS, the Harborview Ledger wrote.' },
  { text: 'Mayor Ada Okonkwo said the Harborview ferry would run again “within weeks.”\nShe told the Ledger that Baptiste’s claims were “fine..ok, but wrong.”', publishedAt: '2025-03-05' },
  { text: 'Zephyrine Quartermaine, the port’s director, said on Monday that Okonkwo’s budget “cuts nothing that matters.”' },
];

test('an article’s analysis is the same whatever the process analysed before it', () => {
  const forward = articles.map((a) => JSON.stringify(analyzeArticle(a)));
  const reversed = [...articles].reverse().map((a) => JSON.stringify(analyzeArticle(a))).reverse();
  assert.deepEqual(reversed, forward);
  const again = articles.map((a) => JSON.stringify(analyzeArticle(a)));
  assert.deepEqual(again, forward);
});

test('the same analysis after the process has read more word types than the caches keep (they start afresh)', () => {
  const before = articles.map((a) => JSON.stringify(analyzeArticle(a)));
  // 210,000 made-up words: past the learned tagger's 200,000 cached word types and wink-nlp's 200,000
  // learned words, so both start afresh; a reused vector pool once kept the old sums (found by npm run fuzz)
  let n = 0;
  for (let round = 0; round < 3; round++) {
    const words: string[] = [];
    for (let i = 0; i < 70_000; i++) words.push(`zq${(n++).toString(36)}x`);
    analyzeArticle({ text: `${words.join(' ')}.` });
  }
  assert.deepEqual(articles.map((a) => JSON.stringify(analyzeArticle(a))), before);
});
