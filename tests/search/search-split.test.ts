import { describe, expect, it } from 'vitest';
import {
  chooseSplit,
  SPLIT_BY_MONTH_FROM,
  SPLIT_BY_YEAR_FROM,
  searchSplitFromEnv,
  searchStepPagesFromEnv,
} from '@/lib/search/index-site';

describe('how the search index is split', () => {
  it('keeps one bundle per language below SPLIT_BY_YEAR_FROM article pages, then splits by year, then by month', () => {
    expect(chooseSplit(0)).toBe('none');
    expect(chooseSplit(SPLIT_BY_YEAR_FROM - 1)).toBe('none');
    expect(chooseSplit(SPLIT_BY_YEAR_FROM)).toBe('year');
    expect(chooseSplit(SPLIT_BY_MONTH_FROM - 1)).toBe('year');
    expect(chooseSplit(SPLIT_BY_MONTH_FROM)).toBe('month');
    expect(chooseSplit(100_000)).toBe('month');
  });

  it('reads BROADSHEET_SEARCH_SPLIT, auto when unset or empty', () => {
    expect(searchSplitFromEnv({})).toBe('auto');
    expect(searchSplitFromEnv({ BROADSHEET_SEARCH_SPLIT: ' ' })).toBe('auto');
    expect(searchSplitFromEnv({ BROADSHEET_SEARCH_SPLIT: 'year' })).toBe('year');
    expect(searchSplitFromEnv({ BROADSHEET_SEARCH_SPLIT: 'none' })).toBe('none');
    expect(searchSplitFromEnv({ BROADSHEET_SEARCH_SPLIT: 'quarter' })).toBe('quarter');
    expect(searchSplitFromEnv({ BROADSHEET_SEARCH_SPLIT: 'month' })).toBe('month');
  });

  it('refuses any other value, naming the variable and the values it takes', () => {
    expect(() => searchSplitFromEnv({ BROADSHEET_SEARCH_SPLIT: 'week' })).toThrow(
      /BROADSHEET_SEARCH_SPLIT is "week"\. Use "year" .* "quarter" .* "month" .* "none" .* "auto"/,
    );
  });

  it('reads BROADSHEET_SEARCH_STEP_PAGES: a whole number of pages, or unset for the default', () => {
    expect(searchStepPagesFromEnv({})).toBeUndefined();
    expect(searchStepPagesFromEnv({ BROADSHEET_SEARCH_STEP_PAGES: ' ' })).toBeUndefined();
    expect(searchStepPagesFromEnv({ BROADSHEET_SEARCH_STEP_PAGES: '25' })).toBe(25);
    for (const value of ['0', '-3', '2.5', 'ten', '1e4'])
      expect(() => searchStepPagesFromEnv({ BROADSHEET_SEARCH_STEP_PAGES: value })).toThrow(
        new RegExp(`BROADSHEET_SEARCH_STEP_PAGES is "${value.replace('.', '\\.')}"\\. Use a whole number`),
      );
  });
});
