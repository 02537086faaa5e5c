import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { ListingPage } from './ListingPage';

/** Any page with the reader layer on: its settings, the shortcuts dialog, read and new marks, the offline page. */
export class ReaderPage extends ListingPage {
  get settings(): Locator {
    return this.page.getByRole('region', { name: 'Reading settings' });
  }

  textSizeButton(name: 'Smaller' | 'Normal' | 'Larger'): Locator {
    return this.settings.getByRole('group', { name: 'Text size' }).getByRole('button', { name, exact: true });
  }

  get clearHistoryButton(): Locator {
    return this.settings.getByRole('button', { name: 'Clear reading history' });
  }

  get shortcutsButton(): Locator {
    return this.settings.getByRole('button', { name: 'Keyboard shortcuts' });
  }

  get shortcuts(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  /** The word that marks a listed article: "Read" or "New". */
  mark(title: string): Locator {
    return this.card(title).locator('.reader-mark');
  }

  /** Waits until the page is at `path` and its reader script has run (it shows the settings when it has). */
  async arrivedAt(path: string): Promise<void> {
    await expect.poll(() => this.path).toBe(path);
    await this.page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-reader-controls]')?.hidden === false,
    );
  }

  /** The offline page's list of pages saved on this device. */
  get savedPages(): Locator {
    return this.main.getByRole('list').getByRole('link');
  }

  /** The accessible name of whatever has focus, or its text. */
  focusedText(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  }

  /** Waits until the service worker controls this page, and returns the build id its caches are named by. */
  async offlineReady(): Promise<string> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    return this.page.evaluate(async () => {
      const names = await caches.keys();
      return names.find((name) => name.startsWith('broadsheet-shell-'))?.slice('broadsheet-shell-'.length) ?? '';
    });
  }

  /** Whether a site path is saved on the device (in any of the reader's caches). */
  isSaved(path: string): Promise<boolean> {
    return this.page.evaluate(async (url) => (await caches.match(url)) !== undefined, this.site.url(path));
  }
}
