import { describe, expect, it } from 'vitest';
import { chooseSplit, SPLIT_BY_YEAR_FROM, searchSplitFromEnv } from '@/lib/search/index-site';

describe('how the search index is split', () => {
  it('keeps one bundle per language below SPLIT_BY_YEAR_FROM article pages, and splits by year from there', () => {
    expect(chooseSplit(0)).toBe('none');
    expect(chooseSplit(SPLIT_BY_YEAR_FROM - 1)).toBe('none');
    expect(chooseSplit(SPLIT_BY_YEAR_FROM)).toBe('year');
    expect(chooseSplit(100_000)).toBe('year');
  });

  it('reads BROADSHEET_SEARCH_SPLIT, auto when unset or empty', () => {
    expect(searchSplitFromEnv({})).toBe('auto');
    expect(searchSplitFromEnv({ BROADSHEET_SEARCH_SPLIT: ' ' })).toBe('auto');
    expect(searchSplitFromEnv({ BROADSHEET_SEARCH_SPLIT: 'year' })).toBe('year');
    expect(searchSplitFromEnv({ BROADSHEET_SEARCH_SPLIT: 'none' })).toBe('none');
  });

  it('refuses any other value, naming the variable and the values it takes', () => {
    expect(() => searchSplitFromEnv({ BROADSHEET_SEARCH_SPLIT: 'month' })).toThrow(
      /BROADSHEET_SEARCH_SPLIT is "month"\. Use "year" .* "none" .* "auto"/,
    );
  });
});
