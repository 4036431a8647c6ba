import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Attribution } from '../core/analysis.js';
import { analysisRows, attributionRow, CSV_COLUMNS, stringifyCsv } from './csv.js';

const TEXT = 'Mayor Ana Ruiz told reporters Tuesday that “the money, all of it, is there,” the Alder Ledger reported.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });

const attribution: Attribution = {
  id: 'a1', type: 'statement', kind: 'direct',
  content: [{ start: at('“the money').start, end: at('there,”').end }],
  text: 'the money, all of it, is there,',
  speaker: { mention: at('Mayor Ana Ruiz'), entity: 'e1', name: 'Ana Ruiz' },
  cue: at('told'), addressee: at('reporters'),
  relays: [{ kind: 'outlet', name: 'Alder Ledger', on: '2025-11-11' }, { kind: 'social-post', name: 'Ana Ruiz', handle: '@anaruiz' }],
  saidOn: '2025-11-11', confidence: 0.92, reasons: ['direct/speaker-before'],
};

test('one row per attribution, in the header\'s column order', () => {
  const row = attributionRow('harbor.txt', attribution);
  assert.equal(row.length, CSV_COLUMNS.length);
  assert.deepEqual(Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row[i]])), {
    article: 'harbor.txt', id: 'a1', type: 'statement', kind: 'direct', speaker: 'Ana Ruiz', mention: 'Mayor Ana Ruiz',
    cue: 'told', addressee: 'reporters', relays: 'Alder Ledger 2025-11-11; @anaruiz', said_on: '2025-11-11',
    text: 'the money, all of it, is there,', start: TEXT.indexOf('“'), end: TEXT.indexOf('”') + 1, confidence: 0.92,
  });
});

test('an unknown speaker and absent fields are empty cells; the article id falls back', () => {
  const bare: Attribution = { id: 'a2', type: 'belief', kind: 'indirect', content: [{ start: 0, end: 4 }, { start: 10, end: 20 }], text: 'x y', speaker: {}, confidence: 0.5, reasons: [] };
  const analysis: Analysis = { version: '1.0.0', attributions: [bare], entities: [], times: [], diagnostics: [] };
  assert.deepEqual(analysisRows(analysis, 'stdin'), [['stdin', 'a2', 'belief', 'indirect', '', '', '', '', '', '', 'x y', 0, 20, 0.5]]);
});

test('CSV text: a header row, quoting of commas, quotes and line breaks, formulas defused', async () => {
  const rows = [
    ['a.txt', 'a1', 'statement', 'direct', 'Ana Ruiz', 'Ruiz', 'said', '', '', '', 'We said "no", twice', 3, 20, 0.9],
    ['a.txt', 'a2', 'statement', 'indirect', '', '', 'said', '', '', '', 'one\ntwo', 30, 40, 0.5],
    ['a.txt', 'a3', 'statement', 'direct', '', '', '', '', '', '', '=SUM(A1:A9)', 50, 61, 0.4],
  ];
  assert.equal(await stringifyCsv(rows, true), [
    'article,id,type,kind,speaker,mention,cue,addressee,relays,said_on,text,start,end,confidence',
    'a.txt,a1,statement,direct,Ana Ruiz,Ruiz,said,,,,"We said ""no"", twice",3,20,0.9',
    'a.txt,a2,statement,indirect,,,said,,,,"one\ntwo",30,40,0.5',
    'a.txt,a3,statement,direct,,,,,,,\'=SUM(A1:A9),50,61,0.4',
    '',
  ].join('\n'));
  assert.equal(await stringifyCsv([], true), CSV_COLUMNS.join(',') + '\n');
  assert.equal(await stringifyCsv([], false), '');
});
