import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/browser';
import { type ServedSite, serveSite } from '../../tools/serve-site';
import { astroBuild, projectRoot, temporaryFolder } from '../support/build';
import { browserTestsSkipped, requireChromium } from '../support/chromium';
import { ArticlePage } from './pages/ArticlePage';
import { SearchPage } from './pages/SearchPage';
import { demo } from './support/fixture-site';
import { PageGuard } from './support/page-guard';

// The demo built for a sub-folder (BASE_PATH=/news/) and served there: the search page's script must load Pagefind
// from under the base, and its results must link under it. tests/build/search-base.test.ts checks the same build's
// HTML and index without a browser.

describe.skipIf(browserTestsSkipped())('search under BASE_PATH=/news/ in Chromium', () => {
  let site: ServedSite;
  let browser: Browser;
  let context: BrowserContext;
  let guard: PageGuard;

  beforeAll(async () => {
    requireChromium();
    const contentDir = temporaryFolder('e2e-search-base');
    cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
    const build = await astroBuild(contentDir, temporaryFolder('e2e-search-base-out'), {
      BASE_PATH: '/news/',
      SITE_URL: 'https://example.org',
    });
    if (build.code !== 0) throw new Error(`the build failed:\n${build.output}`);
    site = await serveSite(build.outDir, '/news/');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    guard = await PageGuard.attach(context, site.origin);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('finds the demo article, links the result under /news/, and the link opens it', async () => {
    const page = await context.newPage();
    const search = new SearchPage(page, site);
    const response = await search.goto('/search/?q=Rasmussen');
    expect(response?.url()).toBe(`${site.origin}/news/search/?q=Rasmussen`);
    expect(await search.settled()).toBe('1 article matches “Rasmussen”.');
    expect(await search.resultLink(demo.title).getAttribute('href')).toBe(`/news${demo.path}`);

    await search.resultLink(demo.title).click();
    const article = new ArticlePage(page, site);
    await expect.poll(() => article.path).toBe(`/news${demo.path}`);
    expect(await article.heading.textContent()).toBe(demo.title);
    await page.close();
    expect(guard.take()).toEqual([]);
  });

  it('searches again from the form, staying under /news/', async () => {
    const page = await context.newPage();
    const search = new SearchPage(page, site);
    await search.goto('/search/');
    await search.search('Rasmussen');
    expect(await search.settled()).toBe('1 article matches “Rasmussen”.');
    expect(page.url()).toBe(`${site.origin}/news/search/?q=Rasmussen`);
    await search.search('zeppelin');
    await expect.poll(() => search.settled()).toMatch(/^No articles match “zeppelin”/);
    expect(page.url()).toBe(`${site.origin}/news/search/?q=zeppelin`);
    await page.close();
    expect(guard.take()).toEqual([]);
  });
});
