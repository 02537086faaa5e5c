import type { Locator, Page, Response } from 'playwright-core';
import type { ServedSite } from '../../../tools/serve-site';

/** What every page of the site has: the skip link, the main navigation, one `<h1>`, the main landmark. */
export class SitePage {
  constructor(
    readonly page: Page,
    protected readonly site: ServedSite,
  ) {}

  /** Opens a site path, such as `/sources/`. */
  async goto(path: string): Promise<Response | null> {
    return this.page.goto(this.site.url(path));
  }

  /** The site path the page is at. */
  get path(): string {
    return new URL(this.page.url()).pathname;
  }

  get skipLink(): Locator {
    return this.page.getByRole('link', { name: 'Skip to content' });
  }

  get mainNavigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** A link of the main navigation: Latest, Sources, Topics, Search. */
  navigationLink(name: string): Locator {
    return this.mainNavigation.getByRole('link', { name, exact: true });
  }

  /** Goes back in history and waits for the page to load. */
  async back(): Promise<void> {
    await this.page.goBack();
  }
}
