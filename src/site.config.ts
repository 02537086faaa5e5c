import type { ReaderSettings } from '@/lib/reader/settings';
import { siteLocationFromEnv } from '@/lib/site-location';

/**
 * The site's settings: one typed object that every page, feed and formatter reads.
 * Change the values here to make Broadsheet yours; `url` and `base` come from SITE_URL and BASE_PATH.
 */
export interface SiteConfig {
  /** The site's name, shown in the header, in `<title>` and in feeds. */
  readonly title: string;
  /** One sentence about the site, used as the default meta description. */
  readonly description: string;
  /** The public origin the site is deployed at, without a trailing slash (SITE_URL, default `http://127.0.0.1:4321`). */
  readonly url: string;
  /** The path the site is served under: `/` for a whole domain, `/news/` for a sub-folder (BASE_PATH, default `/`). */
  readonly base: string;
  /** The IANA time zone every date is shown in; day headings follow it too. */
  readonly timeZone: string;
  /** The BCP 47 locale dates and numbers are formatted for, and the default article language. */
  readonly locale: string;
  /** How many articles a listing page holds before it continues on the next page. */
  readonly pageSize: number;
  /** The reader layer: read marks, keys, offline reading, text size (docs/reader.md). `enabled: false` removes it. */
  readonly reader: ReaderSettings;
}

// Read once, when the build starts; plain scripts (tsx) import this module too. A browser bundle has no process.
const location = siteLocationFromEnv(globalThis.process?.env ?? {});

/** The configuration of this site. */
export const siteConfig: SiteConfig = {
  title: 'Broadsheet',
  description: 'News from the outlets that first published it, each article credited to its source.',
  url: location.url,
  base: location.base,
  timeZone: 'Europe/Athens',
  locale: 'en-GB',
  pageSize: 20,
  reader: { enabled: true, offlineArticles: 30, keptPages: 60 },
};
