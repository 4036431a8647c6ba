/**
 * The page in a real Chromium (Debian's, driven by playwright-core): the bundled example analysed with
 * its highlights and people panel; a search; a speaker's timeline and a trace; keyboard-only use; an
 * article carrying script payloads that runs nothing. Screenshots go to test-artifacts/ (git-ignored).
 * Skipped, saying why, only when /usr/bin/chromium is absent.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../server/serve.js';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = join(root, 'test-artifacts');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

describe('the web page in Chromium', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-page-'));
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];

  before(async () => {
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build-web.ts')], { cwd: root });
    mkdirSync(artifacts, { recursive: true });
    server = await startServer({ port: 0, db: join(dir, 'c.db'), threads: 1, timeoutMs: 120_000 });
    for (const line of readFileSync(join(root, 'examples/corpus/port-alder.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '')) {
      const res = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: line });
      assert.equal(res.status, 201, await res.text());
    }
    const { chromium } = await import('playwright-core');
    // a new empty profile each run
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1200, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the bundled example: highlights, one colour per speaker, details and the people panel', async () => {
    await page.goto(`${server.url}/`);
    await page.click('#example');
    await page.waitForFunction(() => (document.querySelector('#article') as HTMLTextAreaElement).value.length > 100);
    await page.click('button[type=submit]');
    await page.waitForSelector('mark[data-attribution]', { timeout: 120_000 });
    const marks = await page.$$eval('mark[data-attribution]', (ms) => ms.map((m) => ({ id: m.getAttribute('data-attribution'), cls: m.className, text: m.textContent })));
    assert.ok(marks.length >= 2, JSON.stringify(marks));
    const people = await page.$$eval('.people li.person strong', (ps) => ps.map((p) => p.textContent));
    assert.ok(people.includes('Ana Ruiz'), JSON.stringify(people));
    // the same speaker, the same colour; two speakers, two colours
    const colours = new Set(marks.map((m) => m.cls.split(' ')[0]));
    assert.ok(colours.size >= 2, JSON.stringify([...colours]));
    await page.hover('mark[data-attribution]');
    const details = await page.textContent('.details');
    assert.match(details ?? '', /Speaker/);
    assert.match(details ?? '', /Confidence/);
    await page.screenshot({ path: join(artifacts, 'analyze-example.png'), fullPage: true });
  });

  test('an article with script payloads is shown as text and runs nothing', async () => {
    const hostile = [
      '<script>alert("script")</script> "We will not pay," the mayor, Ana Ruiz, said.',
      '<img src=x onerror="alert(\'onerror\')"> "The bridge is safe," Omar Bell said.',
      '<a href="javascript:alert(\'js\')">click</a> "Nothing ran," Ruiz said.',
    ].join('\n');
    await page.goto(`${server.url}/#/analyze`);
    await page.fill('#article', hostile);
    await page.click('button[type=submit]');
    await page.waitForSelector('mark[data-attribution]', { timeout: 120_000 });
    const article = await page.textContent('.article');
    assert.ok(article?.includes('<script>alert("script")</script>'), 'the markup is shown as text');
    assert.equal(await page.$$eval('.article script, .article img, .article a, .article [onerror]', (n) => n.length), 0);
    for (const a of await page.$$('.article mark')) await a.click();
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(consoleErrors, []);
    await page.screenshot({ path: join(artifacts, 'hostile-article.png'), fullPage: true });
  });

  test('search, then a speaker timeline, then a trace', async () => {
    await page.goto(`${server.url}/#/search`);
    await page.fill('#q', 'bridge');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForSelector('.hits li');
    assert.ok((await page.$$('.hits li')).length >= 1);
    assert.ok((await page.$$('.hits mark')).length >= 1, 'the matched words are marked');
    await page.screenshot({ path: join(artifacts, 'search.png'), fullPage: true });
    await page.click('.hits li a[href^="#/speaker/"]');
    await page.waitForSelector('.chart canvas');
    assert.ok(await page.textContent('h2'));
    assert.ok((await page.$$('.hits li')).length >= 1);
    await page.screenshot({ path: join(artifacts, 'speaker.png'), fullPage: true });
    await page.click('.hits li a[href^="#/trace/"]');
    await page.waitForSelector('.copies li');
    assert.match((await page.textContent('main')) ?? '', /cop(y|ies), earliest first/);
    await page.screenshot({ path: join(artifacts, 'trace.png'), fullPage: true });
    assert.deepEqual(consoleErrors, []);
  });

  test('keyboard only: reach the form, analyse, and tab onto a highlight to read it', async () => {
    await page.goto(`${server.url}/#/analyze`);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // nav
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'article'; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'article');
    await page.keyboard.type('"The ferry stays," Mayor Ana Ruiz said on Monday.');
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Analyse'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('mark[data-attribution]', { timeout: 120_000 });
    for (let i = 0; i < 15 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'MARK'; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MARK');
    assert.match((await page.textContent('.details')) ?? '', /Ana Ruiz/);
  });

  test('the overview charts who is quoted most by outlet and month by month, and filters by outlet', async () => {
    await page.goto(`${server.url}/#/overview`);
    await page.waitForSelector('canvas[aria-label="Statements by the most quoted people of each outlet"]');
    assert.equal((await page.$$('.chart canvas')).length, 4);
    await page.screenshot({ path: join(artifacts, 'overview.png'), fullPage: true });
    const outlet = await page.evaluate(async () => ((await (await fetch('/api/stats')).json()) as { byOutlet: { outlet: string }[] }).byOutlet[0].outlet);
    await page.fill('#outlet', outlet);
    await page.click('form button[type=submit]');
    await page.waitForFunction(() => location.hash.startsWith('#/overview?outlet='));
    await page.waitForSelector('.chart canvas');
    assert.equal(await page.inputValue('#outlet'), outlet);
    assert.deepEqual(consoleErrors, []);
  });

  test('a phone-sized screen shows the speakers chart', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${server.url}/#/speakers`);
    await page.waitForSelector('.chart canvas');
    assert.ok((await page.$$('main ol li a')).length >= 2);
    await page.screenshot({ path: join(artifacts, 'speakers-phone.png'), fullPage: true });
  });
});
