import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/browser';
import { type ServedSite, serveSite } from '../../tools/serve-site';
import { projectRoot } from '../support/build';
import { browserTestsSkipped, requireChromium } from '../support/chromium';
import { ArticlePage } from './pages/ArticlePage';
import { ListingPage } from './pages/ListingPage';
import { SearchPage } from './pages/SearchPage';
import { SitePage } from './pages/SitePage';
import { axeViolations } from './support/axe';
import { buildFixtureSite, demo, generatedArticles } from './support/fixture-site';
import { walkWithTab } from './support/keyboard';
import { documentWidths } from './support/layout';
import { PageGuard } from './support/page-guard';

// The site as readers meet it, in headless Chromium (Debian's, or CHROMIUM_PATH): one build of the demo content plus
// generated articles, served on a loopback port as a static host would, and every flow checked through page objects.
// Without Chromium the suite is skipped and the run's last line says so, except under CI=true, where that is a
// failure (tests/support/chromium.ts).

/** One page of each kind, with what its `<h1>` says. */
const pageTypes = [
  { name: 'front page', path: '/', heading: 'Latest news' },
  { name: 'article', path: demo.path, heading: demo.title },
  { name: 'source list', path: '/sources/', heading: 'Sources' },
  { name: 'source page', path: demo.sourcePath, heading: demo.source },
  { name: 'topic list', path: '/tags/', heading: 'Topics' },
  { name: 'topic page', path: '/tags/nato/', heading: 'nato' },
  { name: 'search', path: '/search/?q=Rasmussen', heading: 'Search' },
  { name: 'feeds page', path: '/feeds/', heading: 'Feeds' },
  { name: '404 page', path: '/no-such-page/', heading: 'Page not found', status: 404 },
] as const;
type PageType = (typeof pageTypes)[number];

const screenshots = join(projectRoot, 'screenshots');
let site: ServedSite;
let browser: Browser;
const contexts: Record<'light' | 'dark' | 'narrow' | 'noScript', { context: BrowserContext; guard: PageGuard }> =
  {} as never;

async function openContext(options: BrowserContextOptions): Promise<{ context: BrowserContext; guard: PageGuard }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', ...options });
  const guard = await PageGuard.attach(context, site.origin);
  guard.expectStatus(site.url('/no-such-page/'), 404);
  return { context, guard };
}

/** Opens a page type in a context and waits until it is ready (a search until its results are in). */
async function open(kind: keyof typeof contexts, type: PageType): Promise<Page> {
  const page = await contexts[kind].context.newPage();
  const response = await page.goto(site.url(type.path));
  expect(response?.status(), type.path).toBe('status' in type ? type.status : 200);
  if (type.name === 'search' && kind !== 'noScript') await new SearchPage(page, site).settled();
  return page;
}

/** Whatever went wrong in a context's pages since the last look. */
function problems(kind: keyof typeof contexts): string[] {
  return contexts[kind].guard.take();
}

describe.skipIf(browserTestsSkipped())('the site in a browser', () => {
  beforeAll(async () => {
    requireChromium();
    site = await serveSite(await buildFixtureSite());
    browser = await launchChromium();
    contexts.light = await openContext({ colorScheme: 'light' });
    contexts.dark = await openContext({ colorScheme: 'dark' });
    contexts.narrow = await openContext({ colorScheme: 'light', viewport: { width: 320, height: 640 } });
    contexts.noScript = await openContext({ javaScriptEnabled: false });
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('the instruments see what they look for: axe a missing alt, the guard errors, CSP violations and other hosts', async () => {
    const page = await contexts.light.context.newPage();
    await page.goto(site.url('/404.html'));
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'https://elsewhere.example/tracker.png';
      document.querySelector('main')?.append(image);
      const script = document.createElement('script');
      script.textContent = 'void 0';
      document.body.append(script);
      console.error('something broke');
    });
    expect((await axeViolations(page)).map((violation) => violation.split(' ')[0])).toContain('image-alt');
    const seen: string[] = [];
    const expected = [
      'request to another host: https://elsewhere.example/tracker.png',
      'CSP violation: script-src',
      'console error: something broke',
    ];
    await expect
      .poll(() => {
        seen.push(...problems('light'));
        return expected.filter((problem) => !seen.some((line) => line.includes(problem)));
      })
      .toEqual([]);
    await page.close();
  });

  describe.each(['light', 'dark'] as const)('every page type, %s theme', (theme) => {
    it.each(pageTypes)(
      '$name: no WCAG 2.2 A/AA violation, no script but the reader layer’s unless search, no console error, failed request, CSP violation or other host',
      async (type) => {
        const page = await open(theme, type);
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(type.heading);
        expect(await axeViolations(page)).toEqual([]);
        const scripts = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter((entry) =>
              ['script', 'fetch', 'xmlhttprequest'].includes((entry as PerformanceResourceTiming).initiatorType),
            )
            .map((entry) => entry.name),
        );
        // Every page loads the reader layer's one module (docs/reader.md); only search loads more.
        const readerModule = /^\/_astro\/ReaderScript\.[^/]+\.js$/;
        const own = scripts.filter((url) => !readerModule.test(new URL(url).pathname));
        expect(scripts.length - own.length).toBe(1);
        if (type.name === 'search') expect(own.length).toBeGreaterThan(0);
        else expect(own).toEqual([]);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const [red = 0, green = 0, blue = 0] = (background.match(/\d+/g) ?? []).map(Number);
        if (theme === 'dark') expect(red + green + blue, background).toBeLessThan(150);
        else expect(red + green + blue, background).toBeGreaterThan(600);
        await page.close();
        expect(problems(theme)).toEqual([]);
      },
    );
  });

  it('the reading flow: front page → article → its source → a topic → back', async () => {
    const page = await contexts.light.context.newPage();
    const front = new ListingPage(page, site);
    await front.goto('/');
    await expect.poll(() => front.headlines.first().textContent()).toBe(demo.title);

    await front.articleLink(demo.title).click();
    const article = new ArticlePage(page, site);
    await expect.poll(() => article.path).toBe(demo.path);
    expect(await article.heading.textContent()).toBe(demo.title);
    expect(await article.publishedBy.textContent()).toBe(`Originally published by ${demo.source} on 19 April 2024`);
    expect(await article.originalLink.getAttribute('href')).toBe(demo.original);
    expect(await article.topics.getByRole('link').allTextContents()).toEqual([...demo.topics]);

    await article.sourceLink.click();
    const source = new ListingPage(page, site);
    await expect.poll(() => source.path).toBe(demo.sourcePath);
    expect(await source.heading.textContent()).toBe(demo.source);
    expect(await source.headlines.allTextContents()).toEqual([demo.title]);

    await source.topicLink(demo.title, 'poland').click();
    const topic = new ListingPage(page, site);
    await expect.poll(() => topic.path).toBe('/tags/poland/');
    expect(await topic.heading.textContent()).toBe('poland');
    expect(await topic.articleLink(demo.title).getAttribute('href')).toBe(demo.path);

    for (const [path, heading] of [
      [demo.sourcePath, demo.source],
      [demo.path, demo.title],
      ['/', 'Latest news'],
    ] as const) {
      await topic.back();
      await expect.poll(() => topic.path).toBe(path);
      expect(await topic.heading.textContent()).toBe(heading);
    }
    await page.close();
    expect(problems('light')).toEqual([]);
  });

  it('pagination: Older and Newer walk the front page, every article exactly once', async () => {
    const page = await contexts.light.context.newPage();
    const listing = new ListingPage(page, site);
    await listing.goto('/');
    // The head carries no number; numbered pages count from the oldest.
    expect(await listing.pageNumber.count()).toBe(0);
    expect(await listing.newerLink.count()).toBe(0);
    const first = await listing.headlines.allTextContents();
    expect(first).toHaveLength(20);

    await listing.olderLink.click();
    await expect.poll(() => listing.path).toBe('/page/1/');
    expect(await listing.heading.textContent()).toBe('Latest news, page 1');
    expect(await listing.pageNumber.textContent()).toBe('Page 1');
    expect(await listing.olderLink.count()).toBe(0);
    const second = await listing.headlines.allTextContents();
    expect(new Set([...first, ...second]).size).toBe(generatedArticles + 1);

    await listing.newerLink.click();
    await expect.poll(() => listing.path).toBe('/');
    expect(await listing.headlines.allTextContents()).toEqual(first);
    await page.close();
    expect(problems('light')).toEqual([]);
  });

  describe('search', () => {
    it('finds the demo article from the URL, and the result opens it', async () => {
      const page = await contexts.light.context.newPage();
      const search = new SearchPage(page, site);
      await search.goto('/search/?q=Rasmussen');
      expect(await search.settled()).toBe('1 article matches “Rasmussen”.');
      expect(await search.searchBox.inputValue()).toBe('Rasmussen');
      const result = search.results.first();
      expect(await result.textContent()).toContain(demo.source);
      expect(await result.getByRole('time').getAttribute('datetime')).toBe('2024-04-19');
      expect(await result.locator('mark').first().textContent()).toMatch(/^Rasmussen\W?$/);

      await search.resultLink(demo.title).click();
      const article = new ArticlePage(page, site);
      await expect.poll(() => article.path).toBe(demo.path);
      expect(await article.heading.textContent()).toBe(demo.title);
      await page.close();
      expect(problems('light')).toEqual([]);
    });

    it('filters, sorts and searches again, keeping the URL in step, and Back restores the search', async () => {
      const page = await contexts.light.context.newPage();
      const search = new SearchPage(page, site);
      await search.goto('/search/');
      await search.search('Rasmussen');
      expect(await search.settled()).toBe('1 article matches “Rasmussen”.');
      expect(page.url()).toBe(site.url('/search/?q=Rasmussen'));

      await search.sourceFilter.selectOption('athens-news');
      await expect.poll(() => search.settled()).toBe('1 article matches “Rasmussen” (source: Athens News).');
      expect(page.url()).toBe(site.url('/search/?q=Rasmussen&source=athens-news'));

      await search.sourceFilter.selectOption('');
      await search.topicFilter.selectOption('poland');
      await expect.poll(() => search.settled()).toBe('1 article matches “Rasmussen” (topic: poland).');

      await search.order.selectOption('date');
      await expect.poll(() => page.url()).toMatch(/&tag=poland&sort=date$/);
      expect(await search.settled()).toMatch(/^1 article/);

      await search.search('zeppelin');
      await expect.poll(() => search.settled()).toMatch(/^No articles match “zeppelin”/);
      expect(page.url()).toContain('q=zeppelin');

      await page.goBack();
      await expect.poll(() => search.searchBox.inputValue()).toBe('Rasmussen');
      expect(page.url()).toMatch(/sort=date$/);
      expect(await search.settled()).toMatch(/^1 article/);
      await page.close();
      expect(problems('light')).toEqual([]);
    });
  });

  describe('keyboard only', () => {
    it.each(pageTypes)(
      '$name: the skip link comes first, focus is always visible, every link and control is reachable',
      async (type) => {
        const page = await open('light', type);
        const walk = await walkWithTab(page);
        expect(walk.stops[0]?.element).toBe('a "Skip to content"');
        expect(walk.stops.length).toBeGreaterThan(5);
        expect(walk.stops.filter((stop) => !stop.indicated || !stop.onScreen)).toEqual([]);
        expect(walk.unreached).toEqual([]);
        await page.close();
        expect(problems('light')).toEqual([]);
      },
    );

    it('the skip link takes focus past the navigation into the main content', async () => {
      const page = await contexts.light.context.newPage();
      const front = new ListingPage(page, site);
      await front.goto('/');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement))).toBe(true);
      // The first day heading links to its archive page; the first headline comes next.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Friday, 19 April 2024');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(demo.title);
      await page.close();
      expect(problems('light')).toEqual([]);
    });
  });

  describe('on a 320 px wide screen', () => {
    it.each(pageTypes)('$name: nothing scrolls sideways', async (type) => {
      const page = await open('narrow', type);
      const { scrollWidth, clientWidth } = await documentWidths(page);
      expect(clientWidth).toBe(320);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      await page.close();
      expect(problems('narrow')).toEqual([]);
    });
  });

  it('writes screenshots of the front page and an article: light, dark and 320 px wide', async () => {
    for (const kind of ['light', 'dark', 'narrow'] as const) {
      for (const type of [pageTypes[0], pageTypes[1]]) {
        const page = await open(kind, type);
        const file = join(screenshots, `${type.name.replace(/\W+/g, '-')}-${kind === 'narrow' ? '320px' : kind}.jpg`);
        // JPEG: a whole long page encodes several times faster than as PNG.
        const image = await page.screenshot({ path: file, fullPage: true, type: 'jpeg', quality: 80 });
        expect(image.length).toBeGreaterThan(5000);
        await page.close();
      }
    }
    expect([...problems('light'), ...problems('dark'), ...problems('narrow')]).toEqual([]);
  });

  it('printed, an article shows its headline, attribution and the original’s URL, without navigation', async () => {
    const page = await contexts.light.context.newPage();
    await page.emulateMedia({ media: 'print' });
    const article = new ArticlePage(page, site);
    await article.goto(demo.path);
    expect(await article.heading.isVisible()).toBe(true);
    expect(await article.publishedBy.isVisible()).toBe(true);
    expect(await article.originalLink.isVisible()).toBe(true);
    const printedUrl = await article.originalLink.evaluate((link) => getComputedStyle(link, '::after').content);
    expect(printedUrl).toBe(`" (${demo.original})"`);
    expect(
      await article.main
        .getByRole('paragraph')
        .filter({ hasText: 'Former NATO Secretary General Anders Fogh Rasmussen believes' })
        .isVisible(),
    ).toBe(true);
    const navigations = await page.getByRole('navigation', { includeHidden: true }).all();
    expect(navigations.length).toBeGreaterThan(0);
    for (const navigation of navigations) expect(await navigation.isVisible()).toBe(false);
    expect(await article.skipLink.isVisible()).toBe(false);
    await page.pdf({ path: join(screenshots, 'article-print.pdf') });
    await page.close();
    expect(problems('light')).toEqual([]);
  });

  describe('with JavaScript turned off', () => {
    it.each(pageTypes.filter((type) => type.name !== 'search'))('$name works as with it', async (type) => {
      const page = await open('noScript', type);
      expect(await new SitePage(page, site).heading.textContent()).toBe(type.heading);
      const links = await page.getByRole('main').getByRole('link').count();
      expect(links).toBeGreaterThan(1);
      await page.close();
      expect(problems('noScript')).toEqual([]);
    });

    it('the reading flow and pagination work', async () => {
      const page = await contexts.noScript.context.newPage();
      const front = new ListingPage(page, site);
      await front.goto('/');
      await front.olderLink.click();
      await expect.poll(() => front.path).toBe('/page/1/');
      await front.newerLink.click();
      await expect.poll(() => front.path).toBe('/');
      await front.articleLink(demo.title).click();
      const article = new ArticlePage(page, site);
      await expect.poll(() => article.path).toBe(demo.path);
      await article.sourceLink.click();
      await expect.poll(() => article.path).toBe(demo.sourcePath);
      await new ListingPage(page, site).topicLink(demo.title, 'nato').click();
      await expect.poll(() => article.path).toBe('/tags/nato/');
      await article.back();
      await expect.poll(() => article.path).toBe(demo.sourcePath);
      await page.close();
      expect(problems('noScript')).toEqual([]);
    });

    it('search says it needs JavaScript and offers sources and topics instead', async () => {
      const page = await contexts.noScript.context.newPage();
      const search = new SearchPage(page, site);
      await search.goto('/search/');
      await search.search('Rasmussen');
      await expect.poll(() => page.url()).toBe(site.url('/search/?q=Rasmussen&source=&tag=&sort=relevance'));
      expect(await search.needsJavaScript.isVisible()).toBe(true);
      expect(await search.needsJavaScript.getByRole('link', { name: 'source', exact: true }).getAttribute('href')).toBe(
        '/sources/',
      );
      expect(await search.needsJavaScript.getByRole('link', { name: 'topic', exact: true }).getAttribute('href')).toBe(
        '/tags/',
      );
      expect(await search.results.count()).toBe(0);
      await page.close();
      expect(problems('noScript')).toEqual([]);
    });
  });
});
