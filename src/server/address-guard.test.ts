import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guardedFetch, isBlockedAddress } from './address-guard.js';
import { ApiError } from './errors.js';

const CASES: [string, boolean][] = [
  ['127.0.0.1', true],
  ['127.5.5.5', true],
  ['10.1.2.3', true],
  ['172.16.0.1', true],
  ['172.31.255.255', true],
  ['192.168.1.1', true],
  ['169.254.169.254', true],
  ['100.64.0.1', true],
  ['0.0.0.0', true],
  ['224.0.0.1', true],
  ['::1', true],
  ['::', true],
  ['fe80::1', true],
  ['fd00::1', true],
  ['::ffff:127.0.0.1', true],
  ['::ffff:10.0.0.1', true],
  ['not an address', true],
  ['93.184.216.34', false],
  ['172.32.0.1', false],
  ['8.8.8.8', false],
  ['2606:4700::1111', false],
  ['::ffff:8.8.8.8', false],
];

for (const [ip, blocked] of CASES) {
  test(`${ip} is ${blocked ? '' : 'not '}blocked`, () => assert.equal(isBlockedAddress(ip), blocked));
}

test('a host resolving to a private address is refused before any request; a public one goes through', async () => {
  const sent: string[] = [];
  const inner = (async (input: string | URL | Request) => {
    sent.push(String(input));
    return new Response('<html></html>', { headers: { 'content-type': 'text/html' } });
  }) as typeof fetch;
  const dns: Record<string, string[]> = { 'intranet.example': ['10.0.0.5'], 'news.example': ['93.184.216.34'], 'mixed.example': ['93.184.216.34', '127.0.0.1'] };
  const guarded = guardedFetch(async (host) => dns[host] ?? [], inner);
  for (const url of ['http://intranet.example/', 'http://mixed.example/', 'http://[::1]:8080/', 'http://127.0.0.1/', 'http://2130706433/']) {
    await assert.rejects(guarded(url), (e: ApiError) => e.code === 'input/blocked-address', url);
  }
  await assert.rejects(guarded('http://nowhere.example/'), (e: ApiError) => e.code === 'input/failed');
  assert.deepEqual(sent, []);
  await guarded('http://news.example/a');
  assert.deepEqual(sent, ['http://news.example/a']);
});
