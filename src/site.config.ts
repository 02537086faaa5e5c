import { interfaceLanguage } from '@/lib/i18n';
import { siteLocaleFromEnv } from '@/lib/i18n/site-locale';
import type { ReaderSettings } from '@/lib/reader/settings';
import { siteLocationFromEnv } from '@/lib/site-location';

/**
 * The site's settings: one typed object that every page, feed and formatter reads.
 * Change the values here to make Broadsheet yours; `url` and `base` come from SITE_URL and BASE_PATH.
 */
export interface SiteConfig {
  /** The site's name, shown in the header, in `<title>` and in feeds. */
  readonly title: string;
  /** One sentence about the site, used as the default meta description (the interface language's own by default). */
  readonly description: string;
  /** The public origin the site is deployed at, without a trailing slash (SITE_URL, default `http://127.0.0.1:4321`). */
  readonly url: string;
  /** The path the site is served under: `/` for a whole domain, `/news/` for a sub-folder (BASE_PATH, default `/`). */
  readonly base: string;
  /** The IANA time zone every date is shown in; day headings follow it too. */
  readonly timeZone: string;
  /**
   * The BCP 47 locale of the interface (its words, dates and numbers: docs/languages.md) and the default article
   * language. BROADSHEET_LOCALE overrides it for a build.
   */
  readonly locale: string;
  /** How many articles a listing page holds before it continues on the next page. */
  readonly pageSize: number;
  /** The reader layer: read marks, keys, offline reading, text size (docs/reader.md). `enabled: false` removes it. */
  readonly reader: ReaderSettings;
}

// Read once, when the build starts; plain scripts (tsx) import this module too. A browser bundle has no process.
const environment = globalThis.process?.env ?? {};
const location = siteLocationFromEnv(environment);
// The interface language: 'en-GB', 'el' or 'ar' (docs/languages.md); BROADSHEET_LOCALE overrides it.
const locale = siteLocaleFromEnv(environment, 'en-GB');

/** The configuration of this site. */
export const siteConfig: SiteConfig = {
  title: 'Broadsheet',
  // Write your own sentence here to replace the interface language's.
  description: interfaceLanguage(locale).text.site.description,
  url: location.url,
  base: location.base,
  timeZone: 'Europe/Athens',
  locale,
  pageSize: 20,
  reader: { enabled: true, offlineArticles: 30, keptPages: 60 },
};
