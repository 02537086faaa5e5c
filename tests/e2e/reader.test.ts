import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/browser';
import { generateContent } from '../../tools/generate-content';
import { builtFile, runnableScripts } from '../../tools/page-weight';
import { type ServedSite, serveSite } from '../../tools/serve-site';
import { astroBuild, htmlFiles, projectRoot, temporaryFolder } from '../support/build';
import { browserTestsSkipped, requireChromium } from '../support/chromium';
import { ReaderPage } from './pages/ReaderPage';
import { axeViolations } from './support/axe';
import { demo, generatedArticles } from './support/fixture-site';
import { PageGuard } from './support/page-guard';

// The reader layer (docs/reader.md) in Chromium: read marks and "new", keys, text size, offline reading through the
// service worker, a redeploy, axe, and the JavaScript budget. The demo plus generated articles are built twice: as
// they are, and with the demo article changed (the redeploy). The first build is served from a folder the second is
// later copied into, at the same origin, as a host replaces a site.

const JS_BUDGET = 5 * 1024;
const demoArticle = 'articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine.md';
const firstSentence = 'Former NATO Secretary General Anders Fogh Rasmussen believes';
const changedSentence = 'Changed after the first deploy: Rasmussen now says';

let site: ServedSite;
let browser: Browser;
let served: string;
let secondBuild: string;
const contexts: { context: BrowserContext; guard: PageGuard }[] = [];

/** A fresh browser profile (its own storage and service worker), watched by a PageGuard. */
async function freshContext(): Promise<{ context: BrowserContext; guard: PageGuard }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const guard = await PageGuard.attach(context, site.origin);
  contexts.push({ context, guard });
  return { context, guard };
}

async function open(context: BrowserContext, path: string): Promise<ReaderPage> {
  const reader = new ReaderPage(await context.newPage(), site);
  const response = await reader.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect.poll(() => reader.settings.isVisible()).toBe(true);
  return reader;
}

/** The site paths of the front page's headline links, in order. */
function headlinePaths(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('article.card h3.headline a[href]')].map(
      (link) => new URL(link.href).pathname,
    ),
  );
}

/** The newest articles the served build's service worker saves, from its sw.js. */
function workerArticles(): string[] {
  const source = readFileSync(join(served, 'sw.js'), 'utf8');
  const config = /runServiceWorker\(self, (\{.*\})\);/.exec(source)?.[1] ?? '{}';
  return (JSON.parse(config) as { articles?: string[] }).articles ?? [];
}

/** Every article page of the served build. */
function builtArticles(): string[] {
  return htmlFiles(join(served, 'articles')).map((file) => `/articles/${file.replace(/index\.html$/, '')}`);
}

describe.skipIf(browserTestsSkipped())('the reader layer in Chromium', () => {
  beforeAll(async () => {
    requireChromium();
    const contentDir = temporaryFolder('e2e-reader-content');
    generateContent(contentDir, { articles: generatedArticles, sources: 4, words: [60, 180] });
    cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
    const first = await astroBuild(contentDir, temporaryFolder('e2e-reader-first'));
    if (first.code !== 0) throw new Error(`the first build failed:\n${first.output}`);
    const file = join(contentDir, demoArticle);
    writeFileSync(file, readFileSync(file, 'utf8').replace(firstSentence, changedSentence));
    const second = await astroBuild(contentDir, temporaryFolder('e2e-reader-second'));
    if (second.code !== 0) throw new Error(`the second build failed:\n${second.output}`);
    secondBuild = second.outDir;
    served = temporaryFolder('e2e-reader-served');
    cpSync(first.outDir, served, { recursive: true });
    site = await serveSite(served);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('marks an opened article as read on the listings, in words, and forgets it when asked', async () => {
    const { context, guard } = await freshContext();
    const front = await open(context, '/');
    expect(await front.mark(demo.title).count()).toBe(0);
    await front.articleLink(demo.title).click();
    await front.arrivedAt(demo.path);
    // Back may restore the listing from the back/forward cache, where no script runs again: marks still appear.
    await front.back();
    await expect.poll(() => front.path).toBe('/');
    await expect.poll(() => front.mark(demo.title).textContent()).toBe('Read');
    expect(await front.card(demo.title).getAttribute('data-read')).toBe('');
    expect(await front.page.locator('article.card[data-read]').count()).toBe(1);

    const source = await open(context, demo.sourcePath);
    expect(await source.mark(demo.title).textContent()).toBe('Read');
    await source.clearHistoryButton.click();
    await expect.poll(() => source.mark(demo.title).count()).toBe(0);
    expect(await source.settings.getByText('Reading history cleared.').isVisible()).toBe(true);
    await source.page.reload();
    expect(await source.page.locator('article.card[data-read]').count()).toBe(0);
    expect(guard.take()).toEqual([]);
    await context.close();
  });

  it('marks what was published since the last visit as new, and only on a later visit', async () => {
    const { context, guard } = await freshContext();
    const front = await open(context, '/');
    // A first visit has nothing to compare with.
    expect(await front.page.locator('article.card[data-new]').count()).toBe(0);
    // The last visit ended on 18 April 2024, noon UTC: only the demo (19 April) is newer.
    await front.page.evaluate(() =>
      localStorage.setItem('broadsheet:visit', JSON.stringify({ lastSeen: Date.parse('2024-04-18T12:00:00Z') })),
    );
    await front.page.reload();
    await expect.poll(() => front.mark(demo.title).textContent()).toBe('New');
    expect(await front.page.locator('article.card[data-new]').count()).toBe(1);
    // Still new on the next page view of the same visit.
    await front.page.reload();
    await expect.poll(() => front.mark(demo.title).textContent()).toBe('New');
    expect(guard.take()).toEqual([]);
    await context.close();
  });

  it('j and k move through the headlines, o opens one, and on an article j and k go to the older and newer one', async () => {
    const { context, guard } = await freshContext();
    const front = await open(context, '/');
    const paths = await headlinePaths(front.page);
    const titles = await front.headlines.allTextContents();
    await front.page.keyboard.press('j');
    expect(await front.focusedText()).toBe(titles[0]);
    await front.page.keyboard.press('j');
    await front.page.keyboard.press('j');
    expect(await front.focusedText()).toBe(titles[2]);
    await front.page.keyboard.press('k');
    expect(await front.focusedText()).toBe(titles[1]);
    // Held modifiers leave the keys to the browser.
    await front.page.keyboard.press('Alt+j');
    await front.page.keyboard.press('Shift+J');
    expect(await front.focusedText()).toBe(titles[1]);
    // The focused headline is on screen.
    const inView = await front.page.evaluate(() => {
      const rect = document.activeElement?.getBoundingClientRect();
      return rect !== undefined && rect.top >= 0 && rect.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    await front.page.keyboard.press('o');
    await front.arrivedAt(paths[1] ?? '');

    await front.page.keyboard.press('j');
    await front.arrivedAt(paths[2] ?? '');
    await front.page.keyboard.press('k');
    await front.arrivedAt(paths[1] ?? '');
    await front.page.keyboard.press('k');
    await front.arrivedAt(paths[0] ?? '');

    // Enter on a focused headline opens it: the browser's own key, left to it.
    await front.goto('/');
    await front.page.keyboard.press('j');
    await front.page.keyboard.press('j');
    await front.page.keyboard.press('Enter');
    await front.arrivedAt(paths[1] ?? '');
    expect(guard.take()).toEqual([]);
    await context.close();
  });

  it('? opens the shortcuts dialog, which keeps focus inside until Escape closes it', async () => {
    const { context, guard } = await freshContext();
    const front = await open(context, '/');
    await front.page.keyboard.press('j');
    const focusedBefore = await front.focusedText();
    expect(await front.shortcuts.isVisible()).toBe(false);
    await front.page.keyboard.press('?');
    await expect.poll(() => front.shortcuts.isVisible()).toBe(true);
    expect(await front.shortcuts.textContent()).toContain('Open the headline that has focus.');
    expect(await axeViolations(front.page)).toEqual([]);
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await front.page.keyboard.press(key);
      expect(
        await front.page.evaluate(() => document.querySelector('dialog')?.contains(document.activeElement)),
        key,
      ).toBe(true);
    }
    // Keys meant for the page do nothing under the dialog.
    await front.page.keyboard.press('j');
    expect(await front.shortcuts.isVisible()).toBe(true);
    await front.page.keyboard.press('Escape');
    await expect.poll(() => front.shortcuts.isVisible()).toBe(false);
    expect(await front.focusedText()).toBe(focusedBefore);

    await front.shortcutsButton.click();
    await expect.poll(() => front.shortcuts.isVisible()).toBe(true);
    await front.shortcuts.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => front.shortcuts.isVisible()).toBe(false);
    expect(guard.take()).toEqual([]);
    await context.close();
  });

  it('/ goes to search with the box focused, and no key fires while typing in it', async () => {
    const { context, guard } = await freshContext();
    const front = await open(context, demo.path);
    await front.page.keyboard.press('/');
    await front.arrivedAt('/search/');
    const box = front.page.getByRole('searchbox', { name: 'Search articles' });
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    await front.page.keyboard.type('jko?/');
    expect(await box.inputValue()).toBe('jko?/');
    expect(await front.shortcuts.isVisible()).toBe(false);
    expect(front.path).toBe('/search/');
    // On the search page itself, / focuses the box.
    await box.blur();
    await front.page.keyboard.press('/');
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(guard.take()).toEqual([]);
    await context.close();
  });

  it('text size: three steps that persist, applied on the next page without a layout shift', async () => {
    const { context, guard } = await freshContext();
    const article = await open(context, demo.path);
    const size = () => article.page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    const normal = await size();
    expect(await article.textSizeButton('Normal').getAttribute('aria-pressed')).toBe('true');
    await article.textSizeButton('Larger').click();
    expect(await size()).toBeGreaterThan(normal);
    expect(await article.textSizeButton('Larger').getAttribute('aria-pressed')).toBe('true');
    expect(await article.textSizeButton('Normal').getAttribute('aria-pressed')).toBe('false');

    // With the worker in charge, the next page arrives with the size already on <html>.
    await article.offlineReady();
    await expect
      .poll(() => article.page.evaluate(async () => (await caches.match('/__broadsheet/text-size'))?.text()))
      .toBe('larger');
    await article.goto('/');
    await expect.poll(() => article.textSizeButton('Larger').getAttribute('aria-pressed')).toBe('true');
    expect(await size()).toBeGreaterThan(normal);
    const shifts = await article.page.evaluate(
      () =>
        new Promise<number | string>((resolve) => {
          new PerformanceObserver((list) =>
            resolve(
              JSON.stringify(
                list
                  .getEntries()
                  .map((e: any) => [
                    e.startTime,
                    e.value,
                    e.sources.map((x: any) => [x.node?.outerHTML?.slice(0, 60), x.previousRect, x.currentRect]),
                  ]),
              ),
            ),
          ).observe({
            type: 'layout-shift',
            buffered: true,
          });
          // No entry at all calls the observer never: the page's load is over, so a second frame settles it.
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(0)));
        }),
    );
    expect(shifts).toBe(0);

    await article.textSizeButton('Smaller').click();
    expect(await size()).toBeLessThan(normal);
    await article.textSizeButton('Normal').click();
    expect(await size()).toBe(normal);
    expect(guard.take()).toEqual([]);
    await context.close();
  });

  it('is clean for axe with the layer on, and loads at most 5 KB of gzipped JavaScript, as one same-origin module', async () => {
    const { context, guard } = await freshContext();
    for (const path of [
      '/',
      demo.path,
      '/sources/',
      demo.sourcePath,
      '/tags/',
      '/tags/nato/',
      '/feeds/',
      '/offline/',
    ]) {
      const reader = await open(context, path);
      expect(await axeViolations(reader.page), path).toEqual([]);
      const html = readFileSync(builtFile(served, path), 'utf8');
      expect(runnableScripts(html), path).toEqual([expect.stringMatching(/^<script src="\/_astro\/[^"/]+\.js">$/)]);
      expect(html, path).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
      const loaded = await reader.page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter(
            (entry) => (entry as PerformanceResourceTiming).initiatorType === 'script' || entry.name.endsWith('.js'),
          )
          .map((entry) => new URL(entry.name).pathname),
      );
      expect(loaded.length, path).toBeGreaterThan(0);
      const gzipped = loaded.reduce((sum, file) => sum + gzipSync(readFileSync(builtFile(served, file))).length, 0);
      expect(gzipped, `${path}: ${loaded.join(', ')}`).toBeLessThanOrEqual(JS_BUDGET);
      await reader.page.close();
    }
    expect(guard.take()).toEqual([]);
    await context.close();
  });

  describe('offline reading', () => {
    it('keeps the front page, the newest articles and every page opened; offline, the rest shows the offline page', async () => {
      const { context, guard } = await freshContext();
      const front = await open(context, '/');
      await front.offlineReady();
      const newest = workerArticles();
      expect(newest).toHaveLength(30);
      expect(newest[0]).toBe(demo.path);
      await expect.poll(() => front.isSaved('/')).toBe(true);
      await expect.poll(() => front.isSaved(newest[29] ?? '')).toBe(true);
      await front.goto(demo.sourcePath);
      await expect.poll(() => front.isSaved(demo.sourcePath)).toBe(true);
      // An article older than the newest 30, never opened.
      const older = builtArticles().find((path) => !newest.includes(path)) ?? '';
      expect(older).not.toBe('');
      expect(await front.isSaved(older)).toBe(false);

      await context.setOffline(true);
      await front.goto(demo.sourcePath);
      expect(await front.heading.textContent()).toBe(demo.source);
      await front.goto(newest[29] ?? '');
      expect(await front.page.title()).toBe(`${await front.heading.textContent()} · Broadsheet`);
      await front.goto(demo.path);
      expect(await front.heading.textContent()).toBe(demo.title);

      for (const unsaved of [older, '/tags/nato/']) {
        await front.goto(unsaved);
        expect(front.path).toBe(unsaved);
        expect(await front.heading.textContent()).toBe('You are offline');
        const saved = await front.savedPages.allTextContents();
        // The front page's title is the site's name.
        expect(saved).toContain('Broadsheet');
        expect(saved).toContain(demo.source);
        expect(saved).toContain(demo.title);
        expect(saved).not.toContain('Offline');
        expect(saved).toHaveLength(32);
      }
      await front.savedPages.filter({ hasText: demo.source }).click();
      await expect.poll(() => front.path).toBe(demo.sourcePath);
      expect(await front.heading.textContent()).toBe(demo.source);

      await context.setOffline(false);
      await front.goto(older);
      expect(await front.heading.textContent()).not.toBe('You are offline');
      expect(await front.isSaved(older)).toBe(true);
      expect(guard.take()).toEqual([]);
      await context.close();
    });

    it('after a redeploy, serves the changed article once online, and keeps that version for offline', async () => {
      const { context, guard } = await freshContext();
      const article = await open(context, demo.path);
      const firstBuild = await article.offlineReady();
      await expect.poll(() => article.isSaved(demo.path)).toBe(true);
      const body = article.main.locator('.prose p').first();
      expect(await body.textContent()).toContain(firstSentence);

      // Redeploy: the second build replaces the first in the served folder.
      rmSync(served, { recursive: true, force: true });
      cpSync(secondBuild, served, { recursive: true });

      await article.page.reload();
      expect(await body.textContent()).toContain(changedSentence);
      // The new build's worker takes over, with caches named by the new build.
      await article.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await expect.poll(() => article.offlineReady()).not.toBe(firstBuild);
      await expect
        .poll(() =>
          article.page.evaluate(
            async () => (await caches.keys()).filter((name) => name.startsWith('broadsheet-shell-')).length,
          ),
        )
        .toBe(1);

      await context.setOffline(true);
      await article.page.reload();
      expect(await body.textContent()).toContain(changedSentence);
      await context.setOffline(false);
      expect(guard.take()).toEqual([]);
      await context.close();
    });
  });
});
