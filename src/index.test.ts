import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as whosaid from './index.js';

test('the public exports are pinned', () => {
  assert.deepEqual(Object.keys(whosaid).sort(), [
    'ANALYSIS_VERSION', 'Analysis', 'Attribution', 'AttributionType', 'Diagnostic', 'Entity', 'QuoteKind',
    'Relay', 'Span', 'TextSpan', 'TimeExpression', 'analysisJsonSchema', 'analyze', 'analyzeArticle',
  ]);
});
