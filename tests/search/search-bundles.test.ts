import { describe, expect, it } from 'vitest';
import {
  BUNDLE_FILTER,
  bundleFolder,
  bundleOfSortKey,
  bundleSearches,
  compareBundles,
  indexLanguage,
  parseSearchBundles,
  UNDATED_BUNDLE,
} from '@/lib/search/search-bundles';

describe('bundles', () => {
  it('puts a page in the year of its publication instant in the site time zone, or in the undated bundle', () => {
    expect(bundleOfSortKey('2023-12-31T22:30:00.000Z')).toBe('2023');
    // Half past midnight on New Year's Day in Athens.
    expect(bundleOfSortKey('2023-12-31T22:30:00.000Z', 'Europe/Athens')).toBe('2024');
    expect(bundleOfSortKey('2024-01-01T00:30:00.000Z', 'America/New_York')).toBe('2023');
    expect(bundleOfSortKey(undefined)).toBe(UNDATED_BUNDLE);
    expect(bundleOfSortKey('soon')).toBe(UNDATED_BUNDLE);
  });

  it('puts a page in the quarter of its publication instant in the site time zone, when split by quarter', () => {
    expect(bundleOfSortKey('2024-03-31T20:59:00.000Z', 'Europe/Athens', 'quarter')).toBe('2024-q1');
    // Midnight on 1 April in Athens is still March in UTC.
    expect(bundleOfSortKey('2024-03-31T21:30:00.000Z', 'Europe/Athens', 'quarter')).toBe('2024-q2');
    expect(bundleOfSortKey('2023-12-31T22:30:00.000Z', 'Europe/Athens', 'quarter')).toBe('2024-q1');
    expect(bundleOfSortKey('2024-09-30T12:00:00.000Z', 'UTC', 'quarter')).toBe('2024-q3');
    expect(bundleOfSortKey('2024-10-01T00:00:00.000Z', 'UTC', 'quarter')).toBe('2024-q4');
    expect(bundleOfSortKey(undefined, 'UTC', 'quarter')).toBe(UNDATED_BUNDLE);
  });

  it('orders bundles newest first, the undated one last', () => {
    expect(['2023-q4', UNDATED_BUNDLE, '2024-q1', '2024-q4', '2024-q2'].sort(compareBundles)).toEqual([
      '2024-q4',
      '2024-q2',
      '2024-q1',
      '2023-q4',
      UNDATED_BUNDLE,
    ]);
    expect(['2022', UNDATED_BUNDLE, '2024', '2023'].sort(compareBundles)).toEqual([
      '2024',
      '2023',
      '2022',
      UNDATED_BUNDLE,
    ]);
  });

  it('keeps a bundle per language in its own folder', () => {
    expect(bundleFolder('el', '2024')).toBe('el/2024/');
    expect(indexLanguage('en-GB')).toBe('en');
    expect(indexLanguage('')).toBe('en');
  });

  it('reads bundles.json and names the file when it is not a list of bundles', () => {
    expect(parseSearchBundles({ languages: { en: ['2024', '2023'] } })).toEqual({
      languages: { en: ['2024', '2023'] },
    });
    expect(() => parseSearchBundles({ languages: { en: '2024' } })).toThrow(/pagefind\/bundles\.json/);
    expect(() => parseSearchBundles(null)).toThrow(/npm run build/);
  });
});

describe('bundleSearches', () => {
  const words = { term: 'harbour', options: { filters: { tag: 'greece' } } };
  const byDate = { term: null, options: { filters: {}, sort: { date: 'desc' as const } } };

  it('searches the merged bundles once when ranking by relevance', () => {
    expect(bundleSearches(['2024', '2023'], words)).toEqual([words]);
  });

  it('searches each bundle alone, newest first, when sorting by date', () => {
    expect(bundleSearches(['2024', '2023'], byDate)).toEqual([
      { term: null, options: { filters: { [BUNDLE_FILTER]: '2024' }, sort: { date: 'desc' } } },
      { term: null, options: { filters: { [BUNDLE_FILTER]: '2023' }, sort: { date: 'desc' } } },
    ]);
    const oldestFirst = { ...byDate, options: { filters: { tag: 'greece' }, sort: { date: 'asc' as const } } };
    expect(bundleSearches(['2024', '2023'], oldestFirst).map((search) => search.options.filters)).toEqual([
      { tag: 'greece', [BUNDLE_FILTER]: '2023' },
      { tag: 'greece', [BUNDLE_FILTER]: '2024' },
    ]);
  });

  it('needs no bundle filter with one bundle, and no search without any', () => {
    expect(bundleSearches(['all'], byDate)).toEqual([byDate]);
    expect(bundleSearches([], words)).toEqual([]);
  });
});
