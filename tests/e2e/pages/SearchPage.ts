import type { Locator } from 'playwright-core';
import { SitePage } from './SitePage';

/** The search page: the search form, the polite status line, the results. */
export class SearchPage extends SitePage {
  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search articles' });
  }

  get sourceFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Source' });
  }

  get topicFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Topic' });
  }

  get order(): Locator {
    return this.page.getByRole('combobox', { name: 'Order' });
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  get results(): Locator {
    return this.page.getByRole('region', { name: 'Search results' }).getByRole('listitem');
  }

  /** The button that shows more results of the steps searched so far. */
  get showMore(): Locator {
    return this.page.getByRole('button', { name: 'Show more results' });
  }

  /** The button that goes to the next step of the index: the articles older than those searched. */
  get nextStep(): Locator {
    return this.page.getByRole('button', { name: /^Search older articles/ });
  }

  /** The link back to the newest articles, shown while older ones are searched. */
  get newest(): Locator {
    return this.page.getByRole('link', { name: 'Newest articles', exact: true });
  }

  resultLink(title: string): Locator {
    return this.page.getByRole('region', { name: 'Search results' }).getByRole('link', { name: title, exact: true });
  }

  /** What a reader without JavaScript is told. */
  get needsJavaScript(): Locator {
    return this.page.getByText(/^Search needs JavaScript/);
  }

  /** Types a query and submits it with Enter. */
  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
    await this.searchBox.press('Enter');
  }

  /** Shows every result the search found, clicking "Show more results" until it goes. */
  async showAll(): Promise<void> {
    while (await this.showMore.isVisible()) {
      const shown = await this.results.count();
      await this.showMore.click();
      await this.page.waitForFunction(
        (before) => document.querySelectorAll('[data-search-list] > li').length > before,
        shown,
      );
    }
  }

  /** The address of every result shown, in order. */
  resultUrls(): Promise<string[]> {
    return this.page
      .locator('[data-search-list] [data-result-link]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }

  /** Waits until the search has finished and returns what the status line announces. */
  async settled(): Promise<string> {
    await this.page.waitForFunction(() => {
      const text = document.querySelector('[role="status"]')?.textContent ?? '';
      return text !== '' && text !== 'Searching…';
    });
    return (await this.status.textContent()) ?? '';
  }
}
