import type { Locator } from 'playwright-core';
import { SitePage } from './SitePage';

/** An article: headline, attribution (source, date, the original), body, topics, neighbours. */
export class ArticlePage extends SitePage {
  /** The attribution line "Originally published by <source> on <date>". */
  get publishedBy(): Locator {
    return this.main.getByText(/^Originally published by /);
  }

  /** The link to the source's page, in the attribution. */
  get sourceLink(): Locator {
    return this.publishedBy.getByRole('link');
  }

  /** "Read the original at <host>". */
  get originalLink(): Locator {
    return this.main.getByRole('link', { name: /^Read the original at / });
  }

  get topics(): Locator {
    return this.main.getByRole('list', { name: 'Topics' });
  }

  topicLink(topic: string): Locator {
    return this.topics.getByRole('link', { name: topic, exact: true });
  }

  get neighbours(): Locator {
    return this.page.getByRole('navigation', { name: 'Newer and older articles' });
  }
}
