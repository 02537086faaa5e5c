import type { DateContext } from '@/lib/dates';
import { type InterfaceLanguage, interfaceLanguage } from '@/lib/i18n';
import { siteConfig } from '@/site.config';

// The site's own interface language, for pages and components: one place reads siteConfig.locale (already
// overridden by BROADSHEET_LOCALE) and picks the dictionary.

/** The interface language of this site. */
export const ui: InterfaceLanguage = interfaceLanguage(siteConfig.locale);

/** How this site shows dates: its time zone, the interface locale and the language's date patterns. */
export const siteDates: DateContext = { timeZone: siteConfig.timeZone, locale: ui.locale, formats: ui.text.dates };
