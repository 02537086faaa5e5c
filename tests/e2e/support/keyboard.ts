import type { Page } from 'playwright-core';

/** One stop of the keyboard's focus. */
export interface FocusStop {
  /** The element, described as `a "Skip to content"`. */
  readonly element: string;
  /** Whether it shows a focus indicator (an outline or a box shadow). */
  readonly indicated: boolean;
  /** Whether it is on screen with a size while focused. */
  readonly onScreen: boolean;
}

/** What pressing Tab from the top of the page reaches, and what it never reaches. */
export interface TabWalk {
  readonly stops: readonly FocusStop[];
  /** Links and controls on the page that Tab never reached. */
  readonly unreached: readonly string[];
}

declare global {
  interface Window {
    /** The elements Tab has reached so far. */
    broadsheetFocused?: Set<Element>;
  }
}

/** Presses Tab until focus leaves the page, recording every element it stops on; at most `limit` presses. */
export async function walkWithTab(page: Page, limit = 400): Promise<TabWalk> {
  await page.evaluate(() => {
    window.broadsheetFocused = new Set();
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: FocusStop[] = [];
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body || window.broadsheetFocused?.has(element)) return undefined;
      window.broadsheetFocused?.add(element);
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      const label =
        (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) ||
        element.getAttribute('aria-label') ||
        element.getAttribute('name') ||
        '';
      return {
        element: `${element.tagName.toLowerCase()} "${label}"`,
        indicated: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none',
        onScreen:
          rect.width > 0 &&
          rect.height > 0 &&
          rect.bottom > 0 &&
          rect.top < innerHeight &&
          rect.right > 0 &&
          rect.left < innerWidth,
      };
    });
    if (!stop) break;
    stops.push(stop);
  }
  const unreached = await page.evaluate(() => {
    const selector =
      'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
    return [...document.querySelectorAll(selector)]
      .filter((element) => !(element as HTMLButtonElement).disabled && element.getAttribute('tabindex') !== '-1')
      .filter((element) => element.checkVisibility({ visibilityProperty: true }))
      .filter((element) => !window.broadsheetFocused?.has(element))
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`);
  });
  return { stops, unreached };
}
