// Text for readers that depends on the locale: country names, lists of names, counts. Built on Intl, so nothing
// here needs a translation table.

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

/** How many articles, in words: `1 article`, `1,204 articles`. */
export function articleCount(count: number, locale: string): string {
  const noun = new Intl.PluralRules(locale).select(count) === 'one' ? 'article' : 'articles';
  return `${new Intl.NumberFormat(locale).format(count)} ${noun}`;
}

/** How many more outlets, in words: `+1 more outlet`, `+3 more outlets`. */
export function moreOutlets(count: number, locale: string): string {
  const noun = new Intl.PluralRules(locale).select(count) === 'one' ? 'outlet' : 'outlets';
  return `+${new Intl.NumberFormat(locale).format(count)} more ${noun}`;
}

/**
 * Outlet names for "Also covered by …": all of them up to three, else the first two and how many more
 * (`A, B and 2 more`), so a story covered by twenty outlets still reads as one line.
 */
export function coveredByText(names: readonly string[], locale: string): string {
  if (names.length <= 3) return formatNameList(names, locale);
  const more = `${new Intl.NumberFormat(locale).format(names.length - 2)} more`;
  return formatNameList([...names.slice(0, 2), more], locale);
}
