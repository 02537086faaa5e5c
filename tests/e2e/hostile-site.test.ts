import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/browser';
import { type StaticServer, serveStatic } from '../../tools/static-server';
import { bodyVectors, buildHostileSite, vectorPage } from '../security/hostile-site-content';
import { textAround } from '../security/markdown-vectors';
import { htmlFiles } from '../support/build';
import { browserTestsSkipped, requireChromium } from '../support/chromium';

// The hostile site (tests/security/hostile-site-content.ts: every body vector that renders and every hostile
// front-matter text) loaded page by page in Chromium, with listeners for dialogs, errors, CSP violations, popups and
// navigation. tests/security/hostile-site.test.ts reads the same site's HTML files.

describe.skipIf(browserTestsSkipped())('the hostile site in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let pages: string[];

  beforeAll(async () => {
    requireChromium();
    const build = await buildHostileSite();
    if (build.code !== 0) throw new Error(`the hostile site's build failed:\n${build.output}`);
    pages = htmlFiles(build.outDir);
    server = await serveStatic(build.outDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens no dialog, logs no error, violates no CSP rule, does not navigate away, and shows the text around each vector', async () => {
    // The 165 vector articles, the 9 front-matter ones and the site's own pages.
    expect(pages.length).toBeGreaterThan(bodyVectors.length + 9);
    const context = await browser.newContext();
    const problems: string[] = [];
    let current = '';
    await context.exposeBinding('reportCspViolation', (_source, detail: string) =>
      problems.push(`${current}: CSP violation ${detail}`),
    );
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportCspViolation: (detail: string) => void }).reportCspViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    // Nothing leaves the loopback server: remote images and links in the vectors are refused, not fetched.
    await context.route('**/*', (route) =>
      route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      problems.push(`${current}: dialog "${dialog.message()}"`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(`${current}: page error ${error.message}`));
    page.on('console', (message) => {
      // Refused remote images and missing local files are network noise; a script or CSP error is not.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(`${current}: console error ${message.text()}`);
    });
    page.on('popup', (popup) => problems.push(`${current}: popup ${popup.url()}`));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url() !== current)
        problems.push(`${current}: navigated to ${frame.url()}`);
    });
    const vectorOnPage = new Map(bodyVectors.map(({ vector, index }) => [vectorPage(index), { vector, index }]));
    for (const file of pages) {
      current = `${server.origin}/${file.replace(/index\.html$/, '')}`;
      await page.goto(current, { waitUntil: 'load' });
      await page.mouse.move(200, 200);
      await page.keyboard.press('Tab');
      // A task queued now runs after those the page queued while loading (its events, its CSP reports), and the
      // answer comes back after the messages they sent: whatever the page did is reported before the next one.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
      const around = vectorOnPage.get(file);
      if (around) {
        // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, which is what must stay
        const shown = await page.locator('main').innerText();
        const { before, after } = textAround(around.index);
        if (!shown.includes(before)) problems.push(`${current}: "${before}" is not shown`);
        if (shown.includes(after) === Boolean(around.vector.swallowsRest))
          problems.push(`${current}: "${after}" is ${around.vector.swallowsRest ? 'shown' : 'not shown'}`);
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});
