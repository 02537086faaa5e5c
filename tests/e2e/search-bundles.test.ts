import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '@/lib/search/index-site';
import { launchChromium } from '../../tools/browser';
import { generateContent } from '../../tools/generate-content';
import { type ServedSite, serveSite } from '../../tools/serve-site';
import { astroBuild, temporaryFolder, writeFiles } from '../support/build';
import { browserTestsSkipped, requireChromium } from '../support/chromium';
import { SearchPage } from './pages/SearchPage';

// The site's builds here split the search index by year, as a site of 20,000 articles or more is (BROADSHEET_SEARCH_SPLIT).
process.env.BROADSHEET_SEARCH_SPLIT = 'year';

// The build splits the search index into a bundle per year (docs/search-and-feeds.md#how-the-index-is-split) and the
// search page merges them. Here the same built site is searched twice in Chromium: as the build wrote it, and with
// its pages indexed as one bundle; every query must list the same articles in the same order, with the same count.

describe.skipIf(browserTestsSkipped())('a search over yearly bundles, against one index', () => {
  let split: ServedSite;
  let whole: ServedSite;
  let browser: Browser;
  let context: BrowserContext;
  let bundles: Record<string, string[]>;
  let wholeDir: string;

  beforeAll(async () => {
    requireChromium();
    const contentDir = temporaryFolder('e2e-search-bundles');
    // Generated articles over three whole years (2024 to 2026), short so the build is quick.
    generateContent(contentDir, { articles: 60, sources: 4, years: 3, words: [40, 160] });
    // One Greek article, for the language switch: it has a bundle of its own (el/2025).
    writeFiles(contentDir, {
      'articles/2025/06/piraeus-greek.md':
        "---\ntitle: 'Νέες αποβάθρες στο λιμάνι του Πειραιά'\ndate: 2025-06-12\nsource: source-0\nlang: el\n---\n\n" +
        'Το λιμάνι του Πειραιά αποκτά δύο νέες αποβάθρες.\n',
    });
    const build = await astroBuild(contentDir, temporaryFolder('e2e-search-bundles-out'));
    if (build.code !== 0) throw new Error(`the build failed:\n${build.output}`);
    bundles = JSON.parse(readFileSync(join(build.outDir, 'pagefind/bundles.json'), 'utf8')).languages;
    wholeDir = temporaryFolder('e2e-search-bundles-whole');
    cpSync(build.outDir, wholeDir, { recursive: true });
    await indexSite(wholeDir, { language: 'en', split: 'none' });
    split = await serveSite(build.outDir, '/');
    whole = await serveSite(wholeDir, '/');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  });

  afterAll(async () => {
    await browser?.close();
    await split?.close();
    await whole?.close();
  });

  /** The search page's announcement and every result's link, in order, after showing all of them. */
  async function searchAll(site: ServedSite, query: string): Promise<{ status: string; urls: string[] }> {
    const page = await context.newPage();
    const search = new SearchPage(page, site);
    await search.goto(`/search/?${query}`);
    const status = await search.settled();
    await search.showAll();
    const urls = await search.resultUrls();
    await page.close();
    return { status, urls };
  }

  it('is split into a bundle per year, newest first, and the comparison index into one', () => {
    // Years in the site's time zone: a date-only 1 January 2024 (31 December 2023 22:00 UTC) is in 2024's bundle.
    expect(bundles).toEqual({ el: ['2025'], en: ['2026', '2025', '2024'] });
    expect(JSON.parse(readFileSync(join(wholeDir, 'pagefind/bundles.json'), 'utf8')).languages).toEqual({
      el: ['all'],
      en: ['all'],
    });
  });

  it('searches the Greek index with lang=el, and the site language again on the same page without it', async () => {
    const page = await context.newPage();
    const search = new SearchPage(page, split);
    await search.goto('/search/?q=%CE%BB%CE%B9%CE%BC%CE%AC%CE%BD%CE%B9%CE%B1&lang=el');
    expect(await search.settled()).toBe('1 article matches “λιμάνια”.');
    expect(await search.results.getByRole('link').getAttribute('href')).toBe('/articles/2025/06/piraeus-greek/');
    // Back to the site's language in the same page: Pagefind is started again with the English bundles.
    await page.evaluate(() => {
      window.history.pushState(null, '', '/search/?q=harbour');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect.poll(() => search.status.textContent()).toMatch(/^\d+ articles match “harbour”\.$/);
    const hrefs = await search.results
      .getByRole('link')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(hrefs).not.toContain('/articles/2025/06/piraeus-greek/');
    expect(hrefs.length).toBeGreaterThan(0);
    await page.close();
  });

  // Sorted by date, or listed by a filter alone: exactly one index's list. Bundles hold contiguous spans of time, and
  // each is searched alone, newest first (bundleSearches).
  it.each([
    ['a word, newest first', 'q=harbour&sort=date'],
    ['a topic filter alone, newest first', 'tag=economy'],
    ['a source filter and a word, newest first', 'source=source-2&q=minister&sort=date'],
    ['two words and a topic, newest first', 'q=harbour+council&tag=politics&sort=date'],
  ])('%s (%s): the same articles in the same order', async (_label, query) => {
    const fromBundles = await searchAll(split, query);
    const fromOne = await searchAll(whole, query);
    expect(fromOne.urls.length).toBeGreaterThan(1);
    expect(fromBundles.status).toBe(fromOne.status);
    expect(fromBundles.urls).toEqual(fromOne.urls);
    // Several years are in the list, so the merge had something to do.
    expect(new Set(fromBundles.urls.map((url) => url.split('/')[2])).size).toBeGreaterThan(1);
  });

  // Ranked by relevance: the same articles and count, but Pagefind scores each bundle with its own statistics (how
  // many of its pages hold a word, their average length), so the years interleave differently from one index's
  // ranking (docs/search-and-feeds.md#what-differs-from-one-index).
  it.each([
    ['a word', 'q=harbour'],
    ['two words', 'q=harbour+council'],
    ['a source filter and a word', 'source=source-1&q=council'],
  ])('%s by relevance (%s): the same articles, the same count', async (_label, query) => {
    const fromBundles = await searchAll(split, query);
    const fromOne = await searchAll(whole, query);
    expect(fromOne.urls.length).toBeGreaterThan(1);
    expect(fromBundles.status).toBe(fromOne.status);
    expect([...fromBundles.urls].sort()).toEqual([...fromOne.urls].sort());
  });
});
