import { SEARCH_FILTERS, SEARCH_SORT_DATE } from '@/lib/search/search-keys';

// What a search is, as it travels in the URL (`/search/?q=nato&source=athens-news&sort=date`) and as Pagefind takes
// it. The URL is the state: a search can be shared, bookmarked, reloaded, and submitted as a plain form.

/** How results are ordered: Pagefind's relevance ranking, or newest first. */
export type SearchSort = 'relevance' | 'date';

/** One search, as the form and the URL hold it. */
export interface SearchState {
  /** The words searched for; empty when only filtering. */
  readonly query: string;
  /** A source id to narrow to, or empty for every source. */
  readonly source: string;
  /** A topic slug to narrow to, or empty for every topic. */
  readonly tag: string;
  /** The order of the results. */
  readonly sort: SearchSort;
  /** The language whose index is searched, as a BCP 47 tag (lower case), or empty for the site's language. */
  readonly lang: string;
}

/** The URL parameter names, which are also the form fields' names. */
export const SEARCH_PARAMS = { query: 'q', source: 'source', tag: 'tag', sort: 'sort', lang: 'lang' } as const;

/** The longest query kept, in characters: enough for any sentence, and a bound on what a crafted URL can make us do. */
export const MAX_QUERY_LENGTH = 200;

/** Reads a search from URL parameters (or form data); anything missing or unknown falls back to its default. */
export function parseSearchParams(params: Pick<URLSearchParams, 'get'>): SearchState {
  const text = (name: string) => (params.get(name) ?? '').replace(/\s+/g, ' ').trim();
  return {
    query: text(SEARCH_PARAMS.query).slice(0, MAX_QUERY_LENGTH),
    source: text(SEARCH_PARAMS.source),
    tag: text(SEARCH_PARAMS.tag),
    sort: text(SEARCH_PARAMS.sort) === 'date' ? 'date' : 'relevance',
    lang: languageParam(text(SEARCH_PARAMS.lang)),
  };
}

/** A language tag from the URL in lower case, or empty when it is not one (a crafted URL cannot name a folder). */
function languageParam(value: string): string {
  return /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(value) ? value.toLowerCase() : '';
}

/** The query string of a search, without `?`, leaving out empty and default values: `q=nato&sort=date&lang=el`. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set(SEARCH_PARAMS.query, state.query);
  if (state.source) params.set(SEARCH_PARAMS.source, state.source);
  if (state.tag) params.set(SEARCH_PARAMS.tag, state.tag);
  if (state.sort !== 'relevance') params.set(SEARCH_PARAMS.sort, state.sort);
  if (state.lang) params.set(SEARCH_PARAMS.lang, state.lang);
  return params.toString();
}

/** Whether there is anything to search for: words, or a filter (which lists every article it matches). */
export function hasCriteria(state: SearchState): boolean {
  return state.query !== '' || state.source !== '' || state.tag !== '';
}

/** The arguments of Pagefind's `search(term, options)`. */
export interface PagefindSearchArguments {
  /** The words, or `null` to list everything the filters match. */
  readonly term: string | null;
  /** Filters and sort order. */
  readonly options: {
    readonly filters: Readonly<Record<string, string>>;
    readonly sort?: Readonly<Record<string, 'asc' | 'desc'>>;
  };
}

/** Turns a search into Pagefind's arguments. Without words there is no relevance to rank by, so it is newest first. */
export function pagefindSearchArguments(state: SearchState): PagefindSearchArguments {
  const filters: Record<string, string> = {};
  if (state.source) filters[SEARCH_FILTERS.source] = state.source;
  if (state.tag) filters[SEARCH_FILTERS.tag] = state.tag;
  const byDate = state.sort === 'date' || state.query === '';
  return {
    term: state.query === '' ? null : state.query,
    options: byDate ? { filters, sort: { [SEARCH_SORT_DATE]: 'desc' } } : { filters },
  };
}
