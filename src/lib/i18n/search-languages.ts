// The languages the search page offers: Pagefind keeps one index per language and searches one at a time, so the
// reader picks which. The site's language comes first, then every other language its articles are written in.

/** One language the search can be asked to look in. */
export interface SearchLanguage {
  /** The primary language subtag, the value the search sends (`el`). */
  readonly value: string;
  /** Its name in the interface language (`Greek` on an English site, `Ελληνικά` on a Greek one). */
  readonly label: string;
}

/**
 * The site's language (its primary subtag) first, then the primary subtags of `articleLanguages` that differ from
 * it, by code; each named in `displayLocale`. One entry when every article is in the site's language.
 */
export function searchLanguages(
  siteLanguage: string,
  articleLanguages: Iterable<string>,
  displayLocale: string,
): SearchLanguage[] {
  const primary = (tag: string) => new Intl.Locale(tag).language;
  const site = primary(siteLanguage);
  const others = new Set<string>();
  for (const tag of articleLanguages) {
    const language = primary(tag);
    if (language !== site) others.add(language);
  }
  const names = new Intl.DisplayNames([displayLocale], { type: 'language', fallback: 'code' });
  return [site, ...[...others].sort()].map((value) => ({ value, label: names.of(value) ?? value }));
}
