import { describe, expect, it } from 'vitest';
import {
  hasCriteria,
  MAX_QUERY_LENGTH,
  pagefindSearchArguments,
  parseSearchParams,
  type SearchState,
  searchQueryString,
} from '@/lib/search/search-query';
import { searchPath } from '@/lib/urls';

const state = (overrides: Partial<SearchState> = {}): SearchState => ({
  query: '',
  source: '',
  tag: '',
  sort: 'relevance',
  lang: '',
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
  });
  it('round-trips through parseSearchParams, with characters that need encoding', () => {
    const search = state({
      query: 'Rasmussen: "troops" & 100% <b>',
      source: 'athens-news',
      tag: 'ukraine',
      sort: 'date',
      lang: 'el',
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
