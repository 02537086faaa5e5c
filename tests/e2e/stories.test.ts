import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/browser';
import { type ServedSite, serveSite } from '../../tools/serve-site';
import { storyFixtureFiles } from '../build/story-fixture';
import { astroBuild, demoContentCopy, temporaryFolder, writeFiles } from '../support/build';
import { browserTestsSkipped, requireChromium } from '../support/chromium';
import { SitePage } from './pages/SitePage';
import { axeViolations } from './support/axe';
import { PageGuard } from './support/page-guard';

// Story coverage in headless Chromium: the story page, an article that links to it, and the front page that shows
// the story once, each axe-clean (WCAG 2.2 A/AA) in both themes; and a reader gets from the front page to every
// outlet's report through the story page.

const pages = [
  {
    path: '/stories/2024-05-bridge-opens/',
    heading: 'Piraeus harbour bridge opens to traffic after six years of work',
  },
  { path: '/articles/2024/05/first-cars-cross/', heading: 'First cars cross new Piraeus bridge as harbour link opens' },
  { path: '/', heading: 'Latest news' },
] as const;

describe.skipIf(browserTestsSkipped())('story coverage in a browser', () => {
  let site: ServedSite;
  let browser: Browser;
  const contexts: Partial<Record<'light' | 'dark', { context: BrowserContext; guard: PageGuard }>> = {};

  beforeAll(async () => {
    requireChromium();
    const content = demoContentCopy('e2e-stories');
    writeFiles(content, storyFixtureFiles());
    const build = await astroBuild(content, temporaryFolder('e2e-stories-out'));
    if (build.code !== 0) throw new Error(`the stories site did not build:\n${build.output}`);
    site = await serveSite(build.outDir);
    browser = await launchChromium();
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
      contexts[colorScheme] = { context, guard: await PageGuard.attach(context, site.origin) };
    }
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
    it.each(pages)('$path: no WCAG 2.2 A/AA violation, no console error or failed request', async (type) => {
      const { context, guard } = contexts[theme] ?? {};
      if (!context || !guard) throw new Error('no browser context');
      const page = new SitePage(await context.newPage(), site);
      expect((await page.goto(type.path))?.status()).toBe(200);
      await expect.poll(() => page.heading.textContent()).toBe(type.heading);
      expect(await axeViolations(page.page)).toEqual([]);
      await page.page.close();
      expect(guard.take()).toEqual([]);
    });
  });

  it('takes a reader from the front page to every outlet’s report through the story page', async () => {
    const { context, guard } = contexts.light ?? {};
    if (!context || !guard) throw new Error('no browser context');
    const front = new SitePage(await context.newPage(), site);
    await front.goto('/');
    await front.main.getByRole('link', { name: '+2 more outlets' }).click();
    await expect.poll(() => front.path).toBe('/stories/2024-05-bridge-opens/');
    await expect.poll(() => front.main.getByText(/First reported by Harbour Post on/).count()).toBe(1);
    const reports = front.main.getByRole('heading', { level: 2 });
    expect(await reports.allTextContents()).toEqual([
      'Piraeus harbour bridge opens to traffic after six years of work',
      'First cars cross new Piraeus bridge as harbour link opens',
      'Harbour bridge in Piraeus finally open to traffic',
    ]);
    await front.main.getByRole('link', { name: 'First cars cross new Piraeus bridge as harbour link opens' }).click();
    await expect.poll(() => front.path).toBe('/articles/2024/05/first-cars-cross/');
    await expect.poll(() => front.main.getByRole('link', { name: 'Harbour Post and Coast Radio' }).count()).toBe(1);
    await front.page.close();
    expect(guard.take()).toEqual([]);
  });
});
