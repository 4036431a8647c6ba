import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Attribution, Entity } from '../core/analysis.js';
import { peopleInArticle, statementsToTrace } from './from-analysis.js';

/** An entity whose mentions and roles carry only their words (offsets do not matter here). */
function entity(id: string, type: Entity['type'], name: string, mentions: string[], roles: string[] = []): Entity {
  const span = (text: string) => ({ start: 0, end: text.length, text });
  return { id, type, name, mentions: mentions.map(span), ...(roles.length ? { roles: roles.map(span) } : {}) };
}

function attribution(id: string, kind: Attribution['kind'], text: string, type: Attribution['type'] = 'statement'): Attribution {
  return { id, type, kind, content: [{ start: 0, end: text.length }], text, speaker: {}, confidence: 0.9, reasons: [] };
}

test('peopleInArticle: person entities with their name forms and roles', () => {
  // "Secretary of State Jane Okafor said … Dr. Dan Okafor, a surgeon, told reporters … Mr. Okafor added …
  //  The Ministry of Health said …"
  const entities = [
    entity('e1', 'place', 'WASHINGTON', ['WASHINGTON']),
    entity('e2', 'person', 'Jane Okafor', ['Jane Okafor'], ['Secretary of State']),
    entity('e3', 'person', 'Dan Okafor', ['Dan Okafor', 'Okafor', 'Okafor'], ['Dr.', 'Mr.', 'surgeon,']),
    entity('e4', 'organization', 'Ministry of Health', ['Ministry of Health']),
    entity('e5', 'person', 'Maria de la Cruz', ['Maria de la Cruz', 'De la Cruz'], ['Ms.']),
  ];
  assert.deepEqual(peopleInArticle({ entities }), [
    { entity: 'e2', name: 'Jane Okafor', variants: ['Jane Okafor'], roles: ['Secretary of State'] },
    { entity: 'e3', name: 'Dan Okafor', variants: ['Dan Okafor', 'Okafor', 'Dr. Okafor', 'Mr. Okafor'], roles: ['surgeon'] },
    { entity: 'e5', name: 'Maria de la Cruz', variants: ['Maria de la Cruz', 'De la Cruz', 'Ms. de la Cruz'], roles: [] },
  ]);
});

test('statementsToTrace: quoted words of direct and mixed quotes, long indirect statements', () => {
  const attributions = [
    attribution('a1', 'direct', 'We will not pay for the new hospital wing this year.'),
    attribution('a2', 'mixed', 'he was "deeply worried about the hospitals."'),
    attribution('a3', 'mixed', 'the plan was “a gift to landlords” and “a burden on every renter in the city”'),
    attribution('a4', 'mixed', 'the talks are over for now.'),
    attribution('a5', 'direct', 'A disgrace.'),
    attribution('a6', 'indirect', 'the city would wait'),
    attribution('a7', 'indirect', 'the city would not pay for the new hospital wing this year'),
    attribution('a8', 'indirect', 'the harbor school would close before the winter term begins', 'belief'),
    attribution('a9', 'direct', 'I think the harbor school will close before winter', 'belief'),
  ];
  assert.deepEqual(
    statementsToTrace({ attributions }).map((s) => [s.attribution, s.kind, s.text, s.words]),
    [
      ['a1', 'direct', 'We will not pay for the new hospital wing this year.', 11],
      ['a2', 'mixed', 'deeply worried about the hospitals.', 5],
      ['a3', 'mixed', 'a gift to landlords … a burden on every renter in the city', 12],
      ['a4', 'mixed', 'the talks are over for now.', 6],
      ['a7', 'indirect', 'the city would not pay for the new hospital wing this year', 12],
      ['a9', 'direct', 'I think the harbor school will close before winter', 9],
    ],
  );
});
