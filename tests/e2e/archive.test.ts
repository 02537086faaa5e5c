import type { Browser, BrowserContext, BrowserContextOptions, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/browser';
import { type ServedSite, serveSite } from '../../tools/serve-site';
import { browserTestsSkipped, requireChromium } from '../support/chromium';
import { ListingPage } from './pages/ListingPage';
import { axeViolations } from './support/axe';
import { buildFixtureSite, demo, generatedArticles } from './support/fixture-site';
import { walkWithTab } from './support/keyboard';
import { PageGuard } from './support/page-guard';

// The archive by date in headless Chromium, on the browser tests' site: the demo article (19 April 2024) and
// generated articles from 1 to 7 January 2024. Axe (WCAG 2.2 A/AA) in both themes,
// the keyboard, a 320 px screen, and the way a reader walks from the front page through days and months.

/** An archive page: a listing with a trail back up the archive and links to the neighbouring months or days. */
class ArchivePage extends ListingPage {
  /** The trail back to the archive (and, from a day, to its month). */
  get breadcrumb(): Locator {
    return this.page.getByRole('navigation', { name: 'Breadcrumb' });
  }

  /** The links to the next newer and older month or day. */
  neighbours(kind: 'month' | 'day'): Locator {
    return this.page.getByRole('navigation', { name: `Newer and older ${kind}s` });
  }

  /** The link to the next newer or older month or day. */
  neighbour(kind: 'month' | 'day', side: 'Newer' | 'Older'): Locator {
    return this.neighbours(kind).getByRole('link', { name: new RegExp(`${side} ${kind}`) });
  }

  /** A day heading of the listing, by its text. */
  dayHeading(name: string): Locator {
    return this.main.getByRole('heading', { level: 2, name, exact: true });
  }
}

const archivePages = [
  { path: '/archive/', heading: 'Archive' },
  { path: '/archive/2024/04/', heading: 'April 2024' },
  { path: '/archive/2024/01/', heading: 'January 2024' },
  { path: '/archive/2024/04/19/', heading: 'Friday, 19 April 2024' },
  { path: '/archive/2024/01/07/', heading: 'Sunday, 7 January 2024' },
] as const;

describe.skipIf(browserTestsSkipped())('the archive in a browser', () => {
  let site: ServedSite;
  let browser: Browser;
  const contexts: Record<'light' | 'dark' | 'narrow', { context: BrowserContext; guard: PageGuard }> = {} as never;

  async function openContext(options: BrowserContextOptions): Promise<{ context: BrowserContext; guard: PageGuard }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', ...options });
    return { context, guard: await PageGuard.attach(context, site.origin) };
  }

  async function open(kind: keyof typeof contexts, path: string): Promise<ArchivePage> {
    const archive = new ArchivePage(await contexts[kind].context.newPage(), site);
    const response = await archive.goto(path);
    expect(response?.status(), path).toBe(200);
    return archive;
  }

  beforeAll(async () => {
    requireChromium();
    site = await serveSite(await buildFixtureSite());
    browser = await launchChromium();
    contexts.light = await openContext({ colorScheme: 'light' });
    contexts.dark = await openContext({ colorScheme: 'dark' });
    contexts.narrow = await openContext({ colorScheme: 'light', viewport: { width: 320, height: 640 } });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
    it.each(archivePages)('$path: no WCAG 2.2 A/AA violation, no console error or failed request', async (type) => {
      const archive = await open(theme, type.path);
      await expect.poll(() => archive.heading.textContent()).toBe(type.heading);
      expect(await axeViolations(archive.page)).toEqual([]);
      await archive.page.close();
      expect(contexts[theme].guard.take()).toEqual([]);
    });
  });

  it.each(archivePages)('$path: every link is reachable by keyboard with visible focus', async (type) => {
    const archive = await open('light', type.path);
    const walk = await walkWithTab(archive.page);
    expect(walk.stops[0]?.element).toBe('a "Skip to content"');
    expect(walk.stops.filter((stop) => !stop.indicated || !stop.onScreen)).toEqual([]);
    expect(walk.unreached).toEqual([]);
    await archive.page.close();
    expect(contexts.light.guard.take()).toEqual([]);
  });

  it.each(archivePages)('$path: nothing scrolls sideways on a 320 px screen', async (type) => {
    const archive = await open('narrow', type.path);
    const { scrollWidth, clientWidth } = await archive.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(clientWidth).toBe(320);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await archive.page.close();
    expect(contexts.narrow.guard.take()).toEqual([]);
  });

  it('from a day heading on the front page to its day, the days and months either side, and back up', async () => {
    const archive = await open('light', '/');
    await archive.dayHeading('Friday, 19 April 2024').getByRole('link').click();
    await expect.poll(() => archive.path).toBe('/archive/2024/04/19/');
    expect(await archive.heading.textContent()).toBe('Friday, 19 April 2024');
    expect(await archive.heading.getByRole('time').getAttribute('datetime')).toBe('2024-04-19');
    expect(await archive.headlines.allTextContents()).toEqual([demo.title]);
    expect(await archive.neighbour('day', 'Newer').count()).toBe(0);

    await archive.neighbour('day', 'Older').click();
    await expect.poll(() => archive.path).toBe('/archive/2024/01/07/');
    expect(await archive.heading.textContent()).toBe('Sunday, 7 January 2024');
    // Six generated articles a day from 1 January: the 7th has what is left.
    expect(await archive.headlines.count()).toBe(generatedArticles - 6 * 6);

    await archive.breadcrumb.getByRole('link', { name: 'January 2024' }).click();
    await expect.poll(() => archive.path).toBe('/archive/2024/01/');
    // Fewer than 40 articles: the month's head lists them all, with no numbered page to go on to.
    const listed = await archive.headlines.allTextContents();
    expect(new Set(listed).size).toBe(generatedArticles);
    expect(await archive.olderLink.count()).toBe(0);

    await archive.neighbour('month', 'Newer').click();
    await expect.poll(() => archive.path).toBe('/archive/2024/04/');
    expect(await archive.heading.textContent()).toBe('April 2024');
    expect(await archive.neighbour('month', 'Older').getAttribute('href')).toBe('/archive/2024/01/');

    await archive.navigationLink('Archive').click();
    await expect.poll(() => archive.path).toBe('/archive/');
    expect(await archive.navigationLink('Archive').getAttribute('aria-current')).toBe('page');
    expect(await archive.main.getByRole('link').allTextContents()).toEqual(['April 2024', 'January 2024']);
    await archive.page.close();
    expect(contexts.light.guard.take()).toEqual([]);
  });
});
