import type { Page } from 'playwright-core';

/** The page's width as laid out against the window's: a page that scrolls sideways is wider than its window. */
export async function documentWidths(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}
