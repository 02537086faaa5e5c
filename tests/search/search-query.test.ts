import { describe, expect, it } from 'vitest';
import { stepSpan } from '@/lib/search/search-bundles';
import {
  calendarDayText,
  hasCriteria,
  MAX_QUERY_LENGTH,
  pagefindSearchArguments,
  parseCalendarDay,
  parseSearchParams,
  type SearchState,
  searchQueryString,
  startingStep,
} from '@/lib/search/search-query';
import { searchPath } from '@/lib/urls';

const state = (overrides: Partial<SearchState> = {}): SearchState => ({
  query: '',
  source: '',
  tag: '',
  sort: 'relevance',
  lang: '',
  before: '',
  ...overrides,
});

describe('parseSearchParams', () => {
  it('reads the query, filters and sort from the URL', () => {
    expect(parseSearchParams(new URLSearchParams('q=nato+troops&source=athens-news&tag=ukraine&sort=date'))).toEqual({
      query: 'nato troops',
      source: 'athens-news',
      tag: 'ukraine',
      sort: 'date',
      lang: '',
      before: '',
    });
  });
  it('reads the language to search in, in lower case, and drops anything that is not a language tag', () => {
    expect(parseSearchParams(new URLSearchParams('lang=el')).lang).toBe('el');
    expect(parseSearchParams(new URLSearchParams('lang=pt-BR')).lang).toBe('pt-br');
    expect(parseSearchParams(new URLSearchParams('lang=../../etc')).lang).toBe('');
    expect(parseSearchParams(new URLSearchParams('lang=')).lang).toBe('');
  });
  it('falls back to an empty search ranked by relevance', () => {
    expect(parseSearchParams(new URLSearchParams(''))).toEqual(state());
    expect(parseSearchParams(new URLSearchParams('sort=oldest')).sort).toBe('relevance');
  });
  it('reads the day to search before, and drops anything that is not a calendar day', () => {
    expect(parseSearchParams(new URLSearchParams('q=nato&before=2026-07-01')).before).toBe('2026-07-01');
    expect(parseSearchParams(new URLSearchParams('before=2024-02-29')).before).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2026-13-01', '2026-04-31', '2026-7-1', '1 July 2026', '2026-07-01T00:00', '']) {
      expect(parseSearchParams(new URLSearchParams({ before: bad })).before).toBe('');
    }
  });
  it('collapses white space and bounds the length of a query', () => {
    expect(parseSearchParams(new URLSearchParams('q=%20%20NATO%0A%09members%20')).query).toBe('NATO members');
    expect(parseSearchParams(new URLSearchParams(`q=${'a'.repeat(5000)}`)).query).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe('searchQueryString', () => {
  it('leaves out empty and default values', () => {
    expect(searchQueryString(state({ query: 'nato' }))).toBe('q=nato');
    expect(searchQueryString(state())).toBe('');
    expect(searchQueryString(state({ query: 'αθήνα', lang: 'el' }))).toBe('q=%CE%B1%CE%B8%CE%AE%CE%BD%CE%B1&lang=el');
    expect(searchQueryString(state({ query: 'nato', sort: 'date', before: '2026-07-01' }))).toBe(
      'q=nato&sort=date&before=2026-07-01',
    );
  });
  it('round-trips through parseSearchParams, with characters that need encoding', () => {
    const search = state({
      query: 'Rasmussen: "troops" & 100% <b>',
      source: 'athens-news',
      tag: 'ukraine',
      sort: 'date',
      lang: 'el',
      before: '2026-07-01',
    });
    expect(parseSearchParams(new URLSearchParams(searchQueryString(search)))).toEqual(search);
  });
});

describe('searchPath', () => {
  it('is the search page, under the base path, with a query string when given one', () => {
    expect(searchPath('/')).toBe('/search/');
    expect(searchPath('/news/')).toBe('/news/search/');
    expect(searchPath('/news', 'q=nato')).toBe('/news/search/?q=nato');
    expect(searchPath('/', '?q=nato&sort=date')).toBe('/search/?q=nato&sort=date');
  });
});

describe('hasCriteria', () => {
  it('is true for words or for a filter alone', () => {
    expect(hasCriteria(state())).toBe(false);
    expect(hasCriteria(state({ sort: 'date' }))).toBe(false);
    expect(hasCriteria(state({ lang: 'el' }))).toBe(false);
    expect(hasCriteria(state({ query: 'nato' }))).toBe(true);
    expect(hasCriteria(state({ tag: 'nato' }))).toBe(true);
    expect(hasCriteria(state({ source: 'athens-news' }))).toBe(true);
  });
});

describe('pagefindSearchArguments', () => {
  it('ranks words by relevance unless asked for newest first', () => {
    expect(pagefindSearchArguments(state({ query: 'nato' }))).toEqual({ term: 'nato', options: { filters: {} } });
    expect(pagefindSearchArguments(state({ query: 'nato', sort: 'date' }))).toEqual({
      term: 'nato',
      options: { filters: {}, sort: { date: 'desc' } },
    });
  });
  it('passes the source and topic as Pagefind filters', () => {
    expect(
      pagefindSearchArguments(state({ query: 'nato', source: 'athens-news', tag: 'ukraine' })).options.filters,
    ).toEqual({
      source: 'athens-news',
      tag: 'ukraine',
    });
  });
  it('lists everything a filter matches, newest first, when there are no words', () => {
    expect(pagefindSearchArguments(state({ tag: 'ukraine' }))).toEqual({
      term: null,
      options: { filters: { tag: 'ukraine' }, sort: { date: 'desc' } },
    });
  });
});

describe('calendar days', () => {
  it('reads days that exist, leap days included, and writes them back', () => {
    expect(parseCalendarDay('2026-07-01')).toEqual({ year: 2026, month: 7, day: 1 });
    expect(parseCalendarDay('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseCalendarDay('1900-02-29')).toBeUndefined();
    expect(parseCalendarDay('2026-00-10')).toBeUndefined();
    expect(parseCalendarDay('2026-06-00')).toBeUndefined();
    expect(calendarDayText({ year: 2026, month: 7, day: 1 })).toBe('2026-07-01');
    expect(calendarDayText({ year: 812, month: 12, day: 31 })).toBe('0812-12-31');
  });
});

describe('startingStep', () => {
  // Steps as bundles.json lists them, newest first: the second half of 2026, the first, then 2025 and the undated.
  const steps = [['2026-q4', '2026-q3'], ['2026-q2', '2026-q1'], ['2025']];
  const withUndated = [...steps, ['undated']];

  it('starts at the newest step without a day', () => {
    expect(startingStep(steps, '')).toBe(0);
    expect(startingStep([], '')).toBeUndefined();
  });
  it('starts at the newest step whose every day is before the day asked for', () => {
    // The first day of a step searched leads to the next one: what the "older articles" button asks for.
    expect(startingStep(steps, '2026-07-01')).toBe(1);
    expect(startingStep(steps, '2026-01-01')).toBe(2);
    // A day inside a step skips it: some of its articles are newer than the day.
    expect(startingStep(steps, '2026-06-30')).toBe(2);
    expect(startingStep(steps, '2026-05-15')).toBe(2);
    // The last day of a step is not before itself.
    expect(startingStep(steps, '2025-12-31')).toBeUndefined();
  });
  it('starts at the first step when the day is after every article', () => {
    expect(startingStep(steps, '2027-01-01')).toBe(0);
    expect(startingStep(steps, '2999-12-31')).toBe(0);
  });
  it('finds nothing older than the oldest step, except the undated articles, which follow every day', () => {
    expect(startingStep(steps, '2025-01-01')).toBeUndefined();
    expect(startingStep(steps, '1970-01-01')).toBeUndefined();
    expect(startingStep(withUndated, '2025-01-01')).toBe(3);
    expect(startingStep([], '2026-07-01')).toBeUndefined();
  });
  it('reads every step in turn when each search asks for the days before the first day of the previous one', () => {
    const read: number[] = [];
    for (let place = startingStep(withUndated, ''); place !== undefined; ) {
      read.push(place);
      const first = stepSpanFirst(withUndated[place] ?? []);
      place = first ? startingStep(withUndated, first) : undefined;
    }
    expect(read).toEqual([0, 1, 2, 3]);
  });
});

/** The first day of a step's oldest dated bundle, as the button writes it. */
function stepSpanFirst(step: readonly string[]): string | undefined {
  const first = stepSpan(step).first;
  return first ? calendarDayText(first) : undefined;
}
