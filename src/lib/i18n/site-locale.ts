import { interfaceLanguage } from '@/lib/i18n';

// The site's locale: `locale` in src/site.config.ts, unless the environment variable BROADSHEET_LOCALE overrides it
// for one build (`BROADSHEET_LOCALE=el npm run build`). Checked when the configuration loads, so that a typo stops
// the build with a message instead of shipping a site in the wrong language.

/** The environment variable that overrides the site's locale. */
export const LOCALE_VARIABLE = 'BROADSHEET_LOCALE';

/**
 * The locale the site is built in: BROADSHEET_LOCALE when set and not blank, otherwise `configured`. Either must name
 * a language Broadsheet has a dictionary for; the error names the variable (or the setting), the value and the
 * languages available.
 */
export function siteLocaleFromEnv(
  environment: Readonly<Record<string, string | undefined>>,
  configured: string,
): string {
  const override = environment[LOCALE_VARIABLE]?.trim();
  if (override) {
    interfaceLanguage(override, LOCALE_VARIABLE);
    return override;
  }
  interfaceLanguage(configured);
  return configured;
}
