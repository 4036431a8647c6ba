/**
 * Both stages, times and entities, on the team's seed article against its gold lists. The article lives
 * outside the repository (../shared); without it the test is skipped and says why.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { segment } from '../segment/segment.js';
import { findTimes } from '../time/find-times.js';
import { findEntities } from './find-entities.js';

const seedDir = fileURLToPath(new URL('../../../../shared/fixtures/seed/', import.meta.url));
const present = existsSync(`${seedDir}article.txt`) && existsSync(`${seedDir}gold.json`);
const skip = present ? false : `seed article not found at ${seedDir}`;

interface Gold {
  publishedOn: string;
  entities: Record<string, string[][]>;
  times: { text: string; value: string }[];
}

test('seed article: every gold time value', { skip }, () => {
  const text = readFileSync(`${seedDir}article.txt`, 'utf8');
  const gold = JSON.parse(readFileSync(`${seedDir}gold.json`, 'utf8')) as Gold;
  const found = findTimes(segment(text), gold.publishedOn).map((t) => [t.text, t.value]);
  for (const want of gold.times) assert.ok(found.some(([t, v]) => t === want.text && v === want.value), `${want.text} → ${want.value} in ${JSON.stringify(found)}`);
});

test('seed article: gold entity clusters, one entity each, of the gold type', { skip }, () => {
  const text = readFileSync(`${seedDir}article.txt`, 'utf8');
  const gold = JSON.parse(readFileSync(`${seedDir}gold.json`, 'utf8')) as Gold;
  const layer = findEntities(segment(text));
  for (const [type, clusters] of Object.entries(gold.entities)) {
    for (const names of clusters) {
      // A gold name matches an entity by a mention, or by a role and mention written together
      // ("Secretary of State Mike Pompeo"); names the article never writes ("Donald Trump") are not asked for.
      const ids = new Set<string>();
      for (const name of names.filter((n) => text.includes(n))) {
        const entity = layer.entities.find((e) => e.mentions.some((m) => m.text === name || name.endsWith(` ${m.text}`) && (e.roles ?? []).some((r) => r.text.endsWith(name.slice(0, -m.text.length - 1)))));
        assert.ok(entity, `no entity for ${name}`);
        assert.equal(entity.type, type, `type of ${name}`);
        ids.add(entity.id);
      }
      assert.equal(ids.size, 1, `one entity for ${names.join(' = ')}`);
    }
  }
});
