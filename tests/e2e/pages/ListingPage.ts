import type { Locator } from 'playwright-core';
import { SitePage } from './SitePage';

/** A listing of articles under day headings: the front page, a source's page, a topic's page, and their later pages. */
export class ListingPage extends SitePage {
  /** The headlines listed, in order. */
  get headlines(): Locator {
    return this.main.getByRole('heading', { level: 3 });
  }

  /** The listed article with this headline. */
  card(title: string): Locator {
    return this.main
      .getByRole('article')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  /** The link to an article, by its headline. */
  articleLink(title: string): Locator {
    return this.card(title).getByRole('heading', { level: 3 }).getByRole('link');
  }

  /** The link to a topic of a listed article. */
  topicLink(title: string, topic: string): Locator {
    return this.card(title).getByRole('list', { name: 'Topics' }).getByRole('link', { name: topic, exact: true });
  }

  get pagination(): Locator {
    return this.page.getByRole('navigation', { name: 'Pages' });
  }

  get olderLink(): Locator {
    return this.pagination.getByRole('link', { name: 'Older' });
  }

  get newerLink(): Locator {
    return this.pagination.getByRole('link', { name: 'Newer' });
  }

  /** "Page N" on a numbered page (numbered from the oldest); the head shows none. */
  get pageNumber(): Locator {
    return this.pagination.getByText(/^Page \d+$/);
  }
}
