// How the search index is split, shared by the indexing step and the search page's script. This module imports
// nothing, so the search page can include it without pulling in anything the build uses.
//
// The index is one Pagefind bundle per language and per year (or, on a larger site, per quarter) of the articles'
// publication instants (counted in the site's time zone from the `date` sort key, as the archive counts years), in
// `pagefind/<language>/<year>/`; `pagefind/bundles.json` lists them and `pagefind/pagefind.js` is the one script that
// loads them (docs/search-and-feeds.md#how-the-index-is-split).

/** The file, inside the search folder, that lists the bundles: a SearchBundles. */
export const BUNDLES_FILE = 'bundles.json';

/** The Pagefind filter each bundle adds to its own pages (Pagefind's `mergeFilter`), so one bundle can be asked alone. */
export const BUNDLE_FILTER = 'bundle';

/** The bundle of pages without a publication instant to sort by; it sorts after every year and quarter. */
export const UNDATED_BUNDLE = 'undated';

/** The bundle that holds every page of a language when the index is not split (tests and measurements). */
export const WHOLE_BUNDLE = 'all';

/** What `bundles.json` says. */
export interface SearchBundles {
  /** For each index language (ISO 639-1, as Pagefind keys its indexes), its bundle ids, newest first. */
  readonly languages: Readonly<Record<string, readonly string[]>>;
}

/** The folder of one bundle, relative to the search folder, with a trailing slash: `el/2024/`. */
export function bundleFolder(language: string, bundle: string): string {
  return `${language}/${bundle}/`;
}

// One formatter per time zone: the first index of a large site asks for the bundle of 100,000 pages.
const formatters = new Map<string, Intl.DateTimeFormat>();

function yearAndMonthIn(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric' });
    formatters.set(timeZone, format);
  }
  return format;
}

/** How long a span of publication one bundle holds: a year (`2024`) or a quarter of one (`2024-q3`). */
export type BundleSpan = 'year' | 'quarter';

/**
 * The bundle of a page from its `date` sort key (UTC ISO text): its year in `timeZone` (`2024`), or with `quarter`
 * its year and quarter there (`2024-q3`); UNDATED_BUNDLE without a readable instant. Years and quarters in one zone
 * are contiguous spans of instants, and their ids sort as text in time order, which sorting across bundles needs.
 */
export function bundleOfSortKey(sortKey: string | undefined, timeZone = 'UTC', span: BundleSpan = 'year'): string {
  const instant = sortKey && /^\d{4}-/.test(sortKey) ? new Date(sortKey) : undefined;
  if (!instant || Number.isNaN(instant.getTime())) return UNDATED_BUNDLE;
  const parts = yearAndMonthIn(timeZone).formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const year = part('year').padStart(4, '0');
  return span === 'year' ? year : `${year}-q${Math.ceil(Number(part('month')) / 3)}`;
}

/** Orders bundle ids newest first, with the undated bundle last, so that their pages in turn are newest first. */
export function compareBundles(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNDATED_BUNDLE) return 1;
  if (b === UNDATED_BUNDLE) return -1;
  return a < b ? 1 : -1;
}

/**
 * Reads `bundles.json` as fetched; anything not of its shape is an error naming the file, since a search page that
 * guessed would search the wrong bundles.
 */
export function parseSearchBundles(json: unknown): SearchBundles {
  const languages = (json as { languages?: unknown } | null)?.languages;
  const valid =
    typeof languages === 'object' &&
    languages !== null &&
    Object.values(languages).every(
      (bundles) => Array.isArray(bundles) && bundles.every((bundle) => typeof bundle === 'string'),
    );
  if (!valid) {
    throw new Error(
      `pagefind/${BUNDLES_FILE} is not a list of bundles per language ({ "languages": { "en": ["2024"] } }); ` +
        'rebuild the site with `npm run build`.',
    );
  }
  return { languages: languages as Record<string, readonly string[]> };
}

/** The index language (ISO 639-1, lower case) of a BCP 47 tag: `en` for `en-GB`, and `en` for an empty tag. */
export function indexLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() || 'en';
}

/** One call of Pagefind's `search(term, options)`. */
export interface BundleSearch {
  /** The words, or `null` to list everything the filters match. */
  readonly term: string | null;
  /** Filters and sort order, as Pagefind takes them. */
  readonly options: {
    readonly filters: Readonly<Record<string, string>>;
    readonly sort?: Readonly<Record<string, 'asc' | 'desc'>>;
  };
}

/**
 * The searches whose results, concatenated in order, are the results of `search` over `bundles` (newest first).
 *
 * Ranked by relevance, one search of the merged bundles: Pagefind orders their results by score. Sorted by date,
 * that would be wrong: Pagefind sorts within each bundle but merges bundles by relevance score. So each bundle is
 * searched alone (through its BUNDLE_FILTER), newest bundle first; a bundle holds one year of publication instants,
 * so its results all come after the newer bundle's and before the older one's.
 */
export function bundleSearches(bundles: readonly string[], search: BundleSearch): BundleSearch[] {
  if (bundles.length === 0) return [];
  if (search.options.sort === undefined || bundles.length === 1) return [search];
  // Bundles are listed newest first; an ascending sort reads them the other way round.
  const ordered = Object.values(search.options.sort)[0] === 'asc' ? [...bundles].reverse() : bundles;
  return ordered.map((bundle) => ({
    term: search.term,
    options: { ...search.options, filters: { ...search.options.filters, [BUNDLE_FILTER]: bundle } },
  }));
}
