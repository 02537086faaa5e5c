import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '@/lib/search/index-site';
import { launchChromium } from '../../tools/browser';
import { generateContent } from '../../tools/generate-content';
import { type ServedSite, serveSite } from '../../tools/serve-site';
import { astroBuild, temporaryFolder } from '../support/build';
import { browserTestsSkipped, requireChromium } from '../support/chromium';
import { SearchPage } from './pages/SearchPage';

// A small site built as a large one is: its index split by quarter, and its quarters grouped into search steps of at
// most 20 article pages (BROADSHEET_SEARCH_STEP_PAGES), so 60 articles over three years make several steps.
process.env.BROADSHEET_SEARCH_SPLIT = 'quarter';
process.env.BROADSHEET_SEARCH_STEP_PAGES = '20';

// The search page loads nothing of the index with the page; a query searches the newest step, and a button searches
// each older one (docs/search-and-feeds.md#query-size). Read to the end, step by step, a search lists what one index
// over every page lists: the same articles in the same order sorted by date, the same articles by relevance.

describe.skipIf(browserTestsSkipped())('a search read a step at a time, newest first', () => {
  let stepped: ServedSite;
  let whole: ServedSite;
  let browser: Browser;
  let context: BrowserContext;
  let steps: string[][];

  beforeAll(async () => {
    requireChromium();
    const contentDir = temporaryFolder('e2e-search-steps');
    generateContent(contentDir, { articles: 60, sources: 4, years: 3, words: [40, 160] });
    const build = await astroBuild(contentDir, temporaryFolder('e2e-search-steps-out'));
    if (build.code !== 0) throw new Error(`the build failed:\n${build.output}`);
    steps = JSON.parse(readFileSync(join(build.outDir, 'pagefind/bundles.json'), 'utf8')).steps.en;
    const wholeDir = temporaryFolder('e2e-search-steps-whole');
    cpSync(build.outDir, wholeDir, { recursive: true });
    await indexSite(wholeDir, { language: 'en', split: 'none' });
    stepped = await serveSite(build.outDir, '/');
    whole = await serveSite(wholeDir, '/');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  });

  afterAll(async () => {
    await browser?.close();
    await stepped?.close();
    await whole?.close();
  });

  /** Every result link on the page, in order. */
  function shownUrls(page: Page): Promise<string[]> {
    return page
      .locator('[data-search-list] [data-result-link]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }

  /** Shows every result of the steps searched so far ("show more" until it goes). */
  async function showAll(search: SearchPage): Promise<void> {
    for (let shown = await search.results.count(); await search.showMore.isVisible(); ) {
      await search.showMore.click();
      await expect.poll(() => search.results.count()).toBeGreaterThan(shown);
      shown = await search.results.count();
    }
  }

  /** Searches, then reads every step to the end; the status after each step, and every link in order. */
  async function searchAll(site: ServedSite, query: string): Promise<{ statuses: string[]; urls: string[] }> {
    const page = await context.newPage();
    const search = new SearchPage(page, site);
    await search.goto(`/search/?${query}`);
    const statuses = [await search.settled()];
    await showAll(search);
    while (await search.nextStep.isVisible()) {
      await search.nextStep.click();
      statuses.push(await search.settled());
      await showAll(search);
    }
    const urls = await shownUrls(page);
    await page.close();
    return { statuses, urls };
  }

  it('groups the quarters into steps of at most 20 pages, newest first', () => {
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.flat()).toEqual([...steps.flat()].sort().reverse());
  });

  it('loads no index metadata with the page, and only the first step’s with a query', async () => {
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const search = new SearchPage(page, stepped);
    await search.goto('/search/');
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((path) => /\.pf_meta$|pagefind-entry\.json$|\.pf_index$|\.pf_filter$/.test(path))).toEqual(
      [],
    );
    expect(fetched).toContain('/pagefind/pagefind.js');
    await search.search('harbour');
    await search.settled();
    await page.waitForLoadState('networkidle');
    const metadata = fetched.filter((path) => path.endsWith('.pf_meta')).map((path) => path.split('/')[3]);
    expect(metadata.sort()).toEqual([...(steps[0] ?? [])].sort());
    await page.close();
  });

  it('shows the newest step’s results, says since when, and offers the older articles', async () => {
    const page = await context.newPage();
    const search = new SearchPage(page, stepped);
    await search.goto('/search/?q=harbour&sort=date');
    const status = await search.settled();
    const oldest = steps[0]?.at(-1) ?? '';
    const [year, quarter] = oldest.split('-q');
    const since = new Date(Date.UTC(Number(year), (Number(quarter) - 1) * 3, 1)).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(status).toMatch(new RegExp(`^\\d+ articles? match “harbour”\\. Searched articles since ${since}\\.$`));
    await showAll(search);
    await expect.poll(() => search.nextStep.textContent()).toBe(`Search older articles (before ${since})`);
    const first = await shownUrls(page);
    const all = await searchAll(whole, 'q=harbour&sort=date');
    // The newest step is the start of the whole list, and only that.
    expect(first.length).toBeGreaterThan(0);
    expect(first).toEqual(all.urls.slice(0, first.length));
    expect(first.length).toBeLessThan(all.urls.length);
    // The next step's results follow, and keyboard focus moves to the first of them.
    await search.nextStep.click();
    await search.settled();
    await expect.poll(async () => (await shownUrls(page)).length).toBeGreaterThan(first.length);
    const firstNew = (await shownUrls(page))[first.length];
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(firstNew);
    await page.close();
  });

  // Sorted by date, or listed by a filter alone: exactly one index's list, step after step.
  it.each([
    ['a word, newest first', 'q=harbour&sort=date'],
    ['a topic filter alone, newest first', 'tag=economy'],
    ['two words and a topic, newest first', 'q=harbour+council&tag=politics&sort=date'],
  ])('%s (%s): all steps list the same articles in the same order as one index', async (_label, query) => {
    const fromSteps = await searchAll(stepped, query);
    const fromOne = await searchAll(whole, query);
    expect(fromOne.urls.length).toBeGreaterThan(1);
    expect(fromSteps.urls).toEqual(fromOne.urls);
    expect(fromSteps.statuses.length).toBe(steps.length);
    // Once every step is searched, the announcement is the one index's.
    expect(fromSteps.statuses.at(-1)).toBe(fromOne.statuses[0]);
  });

  // Ranked by relevance within each step, the steps one after another: the same articles as one index ranks.
  it.each([
    ['a word', 'q=harbour'],
    ['a source filter and a word', 'source=source-1&q=council'],
  ])('%s by relevance (%s): all steps list the same articles as one index', async (_label, query) => {
    const fromSteps = await searchAll(stepped, query);
    const fromOne = await searchAll(whole, query);
    expect(fromOne.urls.length).toBeGreaterThan(1);
    expect([...fromSteps.urls].sort()).toEqual([...fromOne.urls].sort());
    expect(fromSteps.statuses.at(-1)).toBe(fromOne.statuses[0]);
  });
});
