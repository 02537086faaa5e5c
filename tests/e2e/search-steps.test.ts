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

// The search page loads nothing of the index with the page; a query searches the newest step, and a button goes to
// the next older one: the same search with `before` in the URL, which searches that step alone
// (docs/search-and-feeds.md#query-size). Read to the end, step by step, a search lists what one index over every page
// lists: the same articles in the same order sorted by date, the same articles by relevance.

/** A calendar day as the search page writes it in English: `1 July 2026`. */
function dayInEnglish(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The first day of a quarter bundle (`2025-q3`), as the URL writes it. */
function firstDayOf(bundle: string): string {
  const [year, quarter] = bundle.split('-q');
  return `${year}-${String((Number(quarter) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** The last day of a quarter bundle (`2025-q3`), as the URL writes it. */
function lastDayOf(bundle: string): string {
  const [year, quarter] = bundle.split('-q').map(Number);
  const month = (quarter ?? 1) * 3;
  // Day 0 of the next month is the last day of this one.
  const day = new Date(Date.UTC(year ?? 0, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${day}`;
}

/** A day written `YYYY-MM-DD` as the page writes it. */
function spoken(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  return dayInEnglish(year ?? 0, month ?? 1, day ?? 1);
}

/** The number an announcement starts with: `12 articles match …` (0 for `No articles match …`). */
function countIn(status: string): number {
  return Number(/^([\d,]+) articles? match/.exec(status)?.[1]?.replace(/,/g, '') ?? 0);
}

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

  /** The search's query string, as the address bar has it. */
  function queryOf(page: Page): string {
    return new URL(page.url()).search;
  }

  /**
   * Searches, then follows the "older articles" button to the end: each step's status, address and every link shown
   * (all its results), in order.
   */
  async function searchAll(
    site: ServedSite,
    query: string,
  ): Promise<{ statuses: string[]; addresses: string[]; urls: string[][] }> {
    const page = await context.newPage();
    const search = new SearchPage(page, site);
    await search.goto(`/search/?${query}`);
    const statuses = [await search.settled()];
    const addresses = [queryOf(page)];
    const urls: string[][] = [];
    for (;;) {
      await search.showAll();
      urls.push(await search.resultUrls());
      if (!(await search.nextStep.isVisible())) break;
      const before = queryOf(page);
      await search.nextStep.click();
      await expect.poll(() => queryOf(page)).not.toBe(before);
      statuses.push(await search.settled());
      addresses.push(queryOf(page));
    }
    await page.close();
    return { statuses, addresses, urls };
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

  it('offers the older articles with the first results, and goes there: that step alone, in the URL', async () => {
    const page = await context.newPage();
    const search = new SearchPage(page, stepped);
    await search.goto('/search/?q=harbour&sort=date');
    const status = await search.settled();
    const since = firstDayOf(steps[0]?.at(-1) ?? '');
    expect(status).toMatch(
      new RegExp(`^\\d+ articles? match(?:es)? “harbour”\\. Searched articles since ${spoken(since)}\\.$`),
    );
    // Both buttons with the first ten results: the older articles need no "show more" first.
    expect(await search.results.count()).toBe(10);
    expect(await search.showMore.isVisible()).toBe(true);
    expect(await search.nextStep.isVisible()).toBe(true);
    expect(await search.nextStep.textContent()).toBe(`Search older articles (before ${spoken(since)})`);
    expect(await search.newest.isVisible()).toBe(false);

    await search.nextStep.click();
    await expect.poll(() => queryOf(page)).toBe(`?q=harbour&sort=date&before=${since}`);
    const next = steps[1] ?? [];
    const olderStatus = await search.settled();
    expect(olderStatus).toMatch(
      new RegExp(
        `^\\d+ articles? match(?:es)? “harbour”\\. Searched articles from ${spoken(firstDayOf(next.at(-1) ?? ''))} ` +
          `to ${spoken(lastDayOf(next[0] ?? ''))}\\.$`,
      ),
    );
    // The list is the next step's alone, right after the newest step's in one index's list; the first result is
    // focused for keyboard and screen reader users.
    const firstShown = (await search.resultUrls())[0];
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(firstShown);
    await search.showAll();
    const shown = await search.resultUrls();
    expect(shown.length).toBe(countIn(olderStatus));
    const all = await searchAll(whole, 'q=harbour&sort=date');
    const newestCount = countIn(status);
    expect(shown).toEqual(all.urls[0]?.slice(newestCount, newestCount + shown.length));
    expect(await search.newest.isVisible()).toBe(true);
    expect(await search.newest.getAttribute('href')).toBe('/search/?q=harbour&sort=date');

    // Back returns to the newest articles; so does the link.
    await page.goBack();
    await expect.poll(() => queryOf(page)).toBe('?q=harbour&sort=date');
    expect(await search.settled()).toBe(status);
    expect(await search.newest.isVisible()).toBe(false);
    await page.goForward();
    await expect.poll(() => queryOf(page)).toBe(`?q=harbour&sort=date&before=${since}`);
    expect(await search.settled()).toBe(olderStatus);
    await search.newest.click();
    await expect.poll(() => queryOf(page)).toBe('?q=harbour&sort=date');
    expect(await search.settled()).toBe(status);
    await page.close();
  });

  it('searches the step a shared link names, from a fresh page', async () => {
    const page = await context.newPage();
    const search = new SearchPage(page, stepped);
    const last = steps.length - 1;
    const before = firstDayOf(steps[last - 1]?.at(-1) ?? '');
    await search.goto(`/search/?tag=economy&before=${before}`);
    const status = await search.settled();
    // The oldest step: nothing older remains, and the status says up to when.
    expect(status).toMatch(
      new RegExp(
        `^\\d+ articles? match(?:es)? \\(topic: [^)]+\\)\\. Searched articles up to ${spoken(lastDayOf(steps[last]?.[0] ?? ''))}\\.$`,
      ),
    );
    await search.showAll();
    const all = await searchAll(whole, 'tag=economy');
    const shown = await search.resultUrls();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(all.urls[0]?.slice(-shown.length));
    expect(await search.nextStep.isVisible()).toBe(false);
    expect(await search.newest.isVisible()).toBe(true);

    // A day inside a step starts at the next older one; a day after every article at the newest.
    await search.goto(
      `/search/?tag=economy&before=${firstDayOf(steps[last - 1]?.at(-1) ?? '').replace(/-01$/, '-15')}`,
    );
    expect(await search.settled()).toBe(status);
    await search.goto('/search/?q=harbour&sort=date&before=2999-01-01');
    expect(await search.settled()).toMatch(/ Searched articles from .+ to .+\.$/);
    // A day before every article: nothing older to search.
    await search.goto('/search/?q=harbour&before=1990-01-01');
    expect(await search.settled()).toBe('There are no older articles to search (before 1 January 1990).');
    expect(await search.results.count()).toBe(0);
    expect(await search.nextStep.isVisible()).toBe(false);
    expect(await search.newest.isVisible()).toBe(true);
    // An invalid day is ignored, as other bad parameters are.
    await search.goto('/search/?q=harbour&sort=date&before=2026-02-30');
    expect(await search.settled()).toMatch(/ Searched articles since /);

    // A query typed in the form, or a filter changed, starts at the newest articles again.
    await search.goto(`/search/?q=harbour&sort=date&before=${before}`);
    await search.settled();
    await search.search('council');
    await expect.poll(() => queryOf(page)).toBe('?q=council&sort=date');
    expect(await search.settled()).toMatch(/ Searched articles since /);
    await search.goto(`/search/?q=harbour&sort=date&before=${before}`);
    await search.settled();
    await search.order.selectOption('relevance');
    await expect.poll(() => queryOf(page)).toBe('?q=harbour');
    await page.close();
  });

  /**
   * Checks each step's address: the search asked for, the first without `before`, each later one before the first day
   * of the step read before it.
   */
  function expectAddresses(addresses: readonly string[], query: string): void {
    const without = (address: string) => {
      const params = new URLSearchParams(address);
      params.delete('before');
      return [...params].sort();
    };
    expect(addresses.map(without)).toEqual(addresses.map(() => [...new URLSearchParams(query)].sort()));
    expect(addresses.map((address) => new URLSearchParams(address).get('before'))).toEqual([
      null,
      ...steps.slice(0, -1).map((step) => firstDayOf(step.at(-1) ?? '')),
    ]);
  }

  // Sorted by date, or listed by a filter alone: each step's results, one step after another, are exactly one index's
  // list.
  it.each([
    ['a word, newest first', 'q=harbour&sort=date'],
    ['a topic filter alone, newest first', 'tag=economy'],
    ['two words and a topic, newest first', 'q=harbour+council&tag=politics&sort=date'],
  ])('%s (%s): all steps list the same articles in the same order as one index', async (_label, query) => {
    const fromSteps = await searchAll(stepped, query);
    const fromOne = await searchAll(whole, query);
    expect(fromOne.urls).toHaveLength(1);
    expect(fromOne.urls[0]?.length).toBeGreaterThan(1);
    expect(fromSteps.urls.flat()).toEqual(fromOne.urls[0]);
    expectAddresses(fromSteps.addresses, query);
    // Each step's count is its own; together they are the one index's.
    const counts = fromSteps.statuses.map(countIn);
    expect(counts).toEqual(fromSteps.urls.map((urls) => urls.length));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(countIn(fromOne.statuses[0] ?? ''));
    expect(fromSteps.statuses[0]).toMatch(/ Searched articles since /);
    for (const status of fromSteps.statuses.slice(1, -1)) expect(status).toMatch(/ Searched articles from .+ to /);
    expect(fromSteps.statuses.at(-1)).toMatch(/ Searched articles up to /);
  });

  // Ranked by relevance within each step, the steps one after another: the same articles as one index ranks.
  it.each([
    ['a word', 'q=harbour'],
    ['a source filter and a word', 'source=source-1&q=council'],
  ])('%s by relevance (%s): all steps list the same articles as one index', async (_label, query) => {
    const fromSteps = await searchAll(stepped, query);
    const fromOne = await searchAll(whole, query);
    expect(fromOne.urls[0]?.length).toBeGreaterThan(1);
    expect(fromSteps.urls.flat().sort()).toEqual([...(fromOne.urls[0] ?? [])].sort());
    expectAddresses(fromSteps.addresses, query);
  });
});
