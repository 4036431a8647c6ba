import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

// A spread passes each element as an argument, on the stack: `Math.min(...ordinals)` over a page of
// 150,000 paragraphs overflowed it. Where input decides the length (the core and the input layer), a
// loop does the job instead. The rule is checked over the source, since no small test reaches the limit.
const SPREAD_INTO_CALL = /\b(?:min|max|push|unshift|splice|fromCharCode|fromCodePoint|apply)\((?:[^(){}[\]]*,\s*)?\.\.\./;

function sources(dir: URL): URL[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(new URL(`${e.name}/`, dir)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [new URL(e.name, dir)] : []);
}

for (const folder of ['core', 'input', 'node']) {
  test(`no spread of an array into a call in src/${folder}`, () => {
    const offending: string[] = [];
    for (const file of sources(new URL(`../${folder}/`, import.meta.url))) {
      readFileSync(file, 'utf8').split('\n').forEach((line, k) => {
        if (SPREAD_INTO_CALL.test(line) && !line.trimStart().startsWith('//')) offending.push(`${file.pathname.split('/src/')[1]}:${k + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(offending, []);
  });
}

test('the spread rule catches what it is for', () => {
  const cases: [string, boolean][] = [
    ['const lo = Math.min(...ordinals);', true],
    ['out.push(...keeperLines(keeper, ctx));', true],
    ['widest = Math.max(header.length, ...cells.map((r) => r.length));', true],
    ['out.push({ ...rest, i });', false],
    ["out.push(first >= 0 ? { ...base, reasons: [...base.reasons, 'x'] } : base);", false],
    ['const all = [...a, ...b];', false],
  ];
  for (const [line, caught] of cases) assert.equal(SPREAD_INTO_CALL.test(line), caught, line);
});
