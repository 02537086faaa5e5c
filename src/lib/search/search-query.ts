import { isCalendarDay } from '@/lib/content-date';
import { type CalendarDate, stepSpan } from '@/lib/search/search-bundles';
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
  /**
   * A calendar day (`2026-07-01`, in the site's time zone) to search the articles published before, a step of the
   * index at a time (startingStep); empty for the newest articles. Only the "older articles" button sets it.
   */
  readonly before: string;
}

/** The URL parameter names; all but `before` are also the form fields' names. */
export const SEARCH_PARAMS = {
  query: 'q',
  source: 'source',
  tag: 'tag',
  sort: 'sort',
  lang: 'lang',
  before: 'before',
} as const;

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
    before: parseCalendarDay(text(SEARCH_PARAMS.before)) ? text(SEARCH_PARAMS.before) : '',
  };
}

/** A calendar day written `YYYY-MM-DD` that exists (not `2026-02-30`), or nothing. */
export function parseCalendarDay(value: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDay(year, month, day) ? { year, month, day } : undefined;
}

/** A calendar day as the URL writes it: `2026-07-01`. */
export function calendarDayText({ year, month, day }: CalendarDate): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

/**
 * The place (in bundles.json, newest first) of the step a search starts at: without `before`, the newest; with it,
 * the newest step whose articles were all published before that day (its newest bundle's last day is earlier). A step
 * without a dated bundle holds the undated articles, which sort after every date, so it follows any day. Nothing when
 * no step qualifies: there is nothing older to search. Steps are contiguous spans of days, newest first, so
 * following the "older articles" button with the first day of each step searched reads every step in turn.
 */
export function startingStep(steps: readonly (readonly string[])[], before: string): number | undefined {
  if (!before) return steps.length > 0 ? 0 : undefined;
  const place = steps.findIndex((step) => {
    const last = stepSpan(step).last;
    // Days written `YYYY-MM-DD` sort as text in time order.
    return last === undefined || calendarDayText(last) < before;
  });
  return place === -1 ? undefined : place;
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
  if (state.before) params.set(SEARCH_PARAMS.before, state.before);
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
