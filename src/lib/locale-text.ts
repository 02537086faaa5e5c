import type { InterfaceLanguage } from '@/lib/i18n';
import { fillTemplate, formatNumber, pluralText } from '@/lib/i18n/template';

// Text for readers that depends on the locale: country names, lists of names, counts. Built on Intl; the words come
// from the interface language's dictionary (src/lib/i18n), the plural form from Intl.PluralRules.

/** What counting needs of an interface language: its locale and its words. */
export type CountingLanguage = Pick<InterfaceLanguage, 'locale' | 'text'>;

/** A country's name in `locale` from its ISO 3166-1 alpha-2 code (`GR` → `Greece`); the code when unknown. */
export function countryName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code.toUpperCase()) ?? code;
}

/** Names joined as a sentence does: `A`, `A and B`, `A, B and C` (in `en-GB`). */
export function formatNameList(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

/** One piece of a joined list: an item, or the text between items. */
export type ListPart<T> = { readonly item: T } | { readonly text: string };

/** Items interleaved with the words that join them (`A`, `, `, `B`, ` and `, `C`), so each item can be a link. */
export function joinListParts<T>(items: readonly T[], locale: string): ListPart<T>[] {
  const format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  // Placeholders stand in for the items: formatToParts only takes strings, and an index finds the item again.
  return format.formatToParts(items.map((_, index) => String(index))).map((part) => {
    const item = part.type === 'element' ? items[Number(part.value)] : undefined;
    return item === undefined ? { text: part.value } : { item };
  });
}

/** How many articles, in words: `1 article`, `1,204 articles` (`مقالان` for two in Arabic). */
export function articleCount(count: number, language: CountingLanguage): string {
  return pluralText(language.text.listing.articleCount, count, language.locale);
}

/** How many reports a story has, in words: `3 reports`. */
export function reportCount(count: number, language: CountingLanguage): string {
  return pluralText(language.text.story.reports, count, language.locale);
}

/** How many more outlets, in words: `+1 more outlet`, `+3 more outlets`. */
export function moreOutlets(count: number, language: CountingLanguage): string {
  return pluralText(language.text.story.moreOutlets, count, language.locale);
}

/**
 * Outlet names for "Also covered by …": all of them up to three, else the first two and how many more
 * (`A, B and 2 more`), so a story covered by twenty outlets still reads as one line.
 */
export function coveredByText(names: readonly string[], language: CountingLanguage): string {
  if (names.length <= 3) return formatNameList(names, language.locale);
  const more = pluralText(language.text.story.namesAndMore, names.length - 2, language.locale);
  return formatNameList([...names.slice(0, 2), more], language.locale);
}

/**
 * A listing page's title, in the interface language: `Athens News` on its head, `Athens News, page 37` on a numbered
 * page (numbered from the oldest page, so no "of M": that total would change every page with each new article).
 */
export function pagedTitle(
  title: string,
  page: { readonly number: number | undefined },
  language: CountingLanguage,
): string {
  if (page.number === undefined) return title;
  return fillTemplate(language.text.listing.pagedTitle, { title, page: formatNumber(page.number, language.locale) });
}
