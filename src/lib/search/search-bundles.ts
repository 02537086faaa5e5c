// How the search index is split, shared by the indexing step and the search page's script. This module imports
// nothing, so the search page can include it without pulling in anything the build uses.
//
// The index is one Pagefind bundle per language and per year (or, on a larger site, per quarter) of the articles'
// publication instants (counted in the site's time zone from the `date` sort key, as the archive counts years), in
// `pagefind/<language>/<year>/`; `pagefind/bundles.json` lists them, grouped into steps, and `pagefind/pagefind.js` is
// the one script that loads them (docs/search-and-feeds.md#how-the-index-is-split). A search reads one step at a time,
// newest first: a query loads and searches the first step only, and the reader asks for each older one.

/** The file, inside the search folder, that lists the bundles: a SearchBundles. */
export const BUNDLES_FILE = 'bundles.json';

/** The Pagefind filter each bundle adds to its own pages (Pagefind's `mergeFilter`), so one bundle can be asked alone. */
export const BUNDLE_FILTER = 'bundle';

/** The bundle of pages without a publication instant to sort by; it sorts after every year and quarter. */
export const UNDATED_BUNDLE = 'undated';

/** The bundle that holds every page of a language when the index is not split (tests and measurements). */
export const WHOLE_BUNDLE = 'all';

/**
 * The most article pages one search step holds. A query loads Pagefind's worker and WebAssembly (about 70 KB), the
 * metadata of every page it searches (about 8 KB per 1,000 pages) and, per bundle, each word's index chunk (about
 * 12 KB per 1,000 pages for a word in most articles): 10,000 pages took two such words to 345 KB at 100,000 articles,
 * 5,000 keep them within the 300 KB budget whatever the size of the archive (docs/search-and-feeds.md#query-size).
 */
export const SEARCH_STEP_PAGES = 5_000;

/** What `bundles.json` says. */
export interface SearchBundles {
  /** For each index language (ISO 639-1, as Pagefind keys its indexes), its bundle ids, newest first. */
  readonly languages: Readonly<Record<string, readonly string[]>>;
  /**
   * For each index language, its bundles grouped into search steps (searchSteps), newest first: the steps, joined,
   * are exactly its `languages` list.
   */
  readonly steps: Readonly<Record<string, readonly (readonly string[])[]>>;
}

/** A bundle and how many article pages it holds, as searchSteps takes them. */
export interface BundleSize {
  /** The bundle's id (`2024`, `2024-q3`, UNDATED_BUNDLE). */
  readonly bundle: string;
  /** Its article pages. */
  readonly pages: number;
}

/**
 * Groups bundles (newest first) into search steps: runs of consecutive bundles holding together at most `maxPages`
 * pages, newest first. A bundle larger than `maxPages` is a step of its own. Consecutive bundles are contiguous spans
 * of time, so each step is one too, and a date-sorted list read step by step is the list of one index.
 */
export function searchSteps(bundles: readonly BundleSize[], maxPages: number): string[][] {
  const steps: string[][] = [];
  let current: string[] = [];
  let pages = 0;
  for (const { bundle, pages: size } of bundles) {
    if (current.length > 0 && pages + size > maxPages) {
      steps.push(current);
      current = [];
      pages = 0;
    }
    current.push(bundle);
    pages += size;
  }
  if (current.length > 0) steps.push(current);
  return steps;
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

/** How long a span of publication one bundle holds: a year (`2024`), a quarter (`2024-q3`) or a month (`2024-07`). */
export type BundleSpan = 'year' | 'quarter' | 'month';

/**
 * The bundle of a page from its `date` sort key (UTC ISO text): its year in `timeZone` (`2024`), or with `quarter`
 * its year and quarter there (`2024-q3`), or with `month` its year and month (`2024-07`); UNDATED_BUNDLE without a
 * readable instant. Years, quarters and months in one zone are contiguous spans of instants, and their ids sort as
 * text in time order, which sorting across bundles needs.
 */
export function bundleOfSortKey(sortKey: string | undefined, timeZone = 'UTC', span: BundleSpan = 'year'): string {
  const instant = sortKey && /^\d{4}-/.test(sortKey) ? new Date(sortKey) : undefined;
  if (!instant || Number.isNaN(instant.getTime())) return UNDATED_BUNDLE;
  const parts = yearAndMonthIn(timeZone).formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const year = part('year').padStart(4, '0');
  if (span === 'year') return year;
  const month = Number(part('month'));
  return span === 'quarter' ? `${year}-q${Math.ceil(month / 3)}` : `${year}-${String(month).padStart(2, '0')}`;
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
  const { languages, steps } = (json ?? {}) as { languages?: unknown; steps?: unknown };
  const isList = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
  // Every language's steps, joined, are its bundles in the same order: a step list that lost or repeated a bundle
  // would leave articles unsearchable or list them twice.
  const valid =
    isRecord(languages) &&
    isRecord(steps) &&
    Object.values(languages).every(isList) &&
    Object.keys(steps).length === Object.keys(languages).length &&
    Object.entries(languages).every(([language, bundles]) => {
      const groups = steps[language];
      return (
        Array.isArray(groups) &&
        groups.every((group) => isList(group) && group.length > 0) &&
        groups.flat().join('\n') === (bundles as string[]).join('\n')
      );
    });
  if (!valid) {
    throw new Error(
      `pagefind/${BUNDLES_FILE} is not a list of bundles per language with their search steps ` +
        '({ "languages": { "en": ["2024", "2023"] }, "steps": { "en": [["2024"], ["2023"]] } }); ' +
        'rebuild the site with `npm run build`.',
    );
  }
  return {
    languages: languages as Record<string, readonly string[]>,
    steps: steps as Record<string, readonly (readonly string[])[]>,
  };
}

/** Whether a search reads its results oldest first (an ascending date sort); else newest first, as relevance does. */
export function searchesOldestFirst(search: Pick<BundleSearch, 'options'>): boolean {
  const sort = search.options.sort;
  return sort !== undefined && Object.values(sort)[0] === 'asc';
}

/** A calendar date (`2026-07-01`) as year, month (1 to 12) and day. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The first and last day (in the site's time zone) of a dated bundle; nothing for the undated one. */
function bundleDays(bundle: string): { first: CalendarDate; last: CalendarDate } | undefined {
  const match = /^(\d{4})(?:-q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(bundle);
  if (!match) return undefined;
  const year = Number(match[1]);
  const quarter = match[2] ? Number(match[2]) : undefined;
  const month = match[3] ? Number(match[3]) : undefined;
  const firstMonth = month ?? (quarter ? quarter * 3 - 2 : 1);
  const lastMonth = month ?? (quarter ? quarter * 3 : 12);
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { first: { year, month: firstMonth, day: 1 }, last: { year, month: lastMonth, day: lastDay } };
}

/**
 * The span of days a step's bundles cover, counted in the site's time zone as bundles are: from the first day of its
 * oldest dated bundle to the last day of its newest. A side is missing when no bundle of the step is dated.
 */
export function stepSpan(step: readonly string[]): { first?: CalendarDate; last?: CalendarDate } {
  const days = step.map(bundleDays).filter((span) => span !== undefined);
  const newest = days[0];
  const oldest = days.at(-1);
  return { ...(oldest ? { first: oldest.first } : {}), ...(newest ? { last: newest.last } : {}) };
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
  const ordered = searchesOldestFirst(search) ? [...bundles].reverse() : bundles;
  return ordered.map((bundle) => ({
    term: search.term,
    options: { ...search.options, filters: { ...search.options.filters, [BUNDLE_FILTER]: bundle } },
  }));
}
