import { describe, expect, it } from 'vitest';
import {
  BUNDLE_FILTER,
  bundleFolder,
  bundleOfSortKey,
  bundleSearches,
  compareBundles,
  indexLanguage,
  parseSearchBundles,
  SEARCH_STEP_PAGES,
  searchesOldestFirst,
  searchSteps,
  stepSpan,
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

  it('puts a page in the month of its publication instant in the site time zone, when split by month', () => {
    // Midnight on 1 April in Athens is still March in UTC.
    expect(bundleOfSortKey('2024-03-31T20:59:00.000Z', 'Europe/Athens', 'month')).toBe('2024-03');
    expect(bundleOfSortKey('2024-03-31T21:30:00.000Z', 'Europe/Athens', 'month')).toBe('2024-04');
    expect(bundleOfSortKey('2023-12-31T22:30:00.000Z', 'Europe/Athens', 'month')).toBe('2024-01');
    expect(bundleOfSortKey('2024-12-31T12:00:00.000Z', 'UTC', 'month')).toBe('2024-12');
    expect(bundleOfSortKey(undefined, 'UTC', 'month')).toBe(UNDATED_BUNDLE);
    // Month ids sort as text in time order, as the search page's merging needs.
    expect(['2024-02', '2024-11', '2023-12', '2024-10'].sort(compareBundles)).toEqual([
      '2024-11',
      '2024-10',
      '2024-02',
      '2023-12',
    ]);
    expect(stepSpan(['2024-11', '2024-10', '2024-09'])).toEqual({
      first: { year: 2024, month: 9, day: 1 },
      last: { year: 2024, month: 11, day: 30 },
    });
    expect(stepSpan(['2024-02']).last).toEqual({ year: 2024, month: 2, day: 29 });
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

  it('reads bundles.json with its steps, and names the file and the fix when it is not of that shape', () => {
    const json = {
      languages: { en: ['2024', '2023', '2022'], el: ['2024'] },
      steps: { en: [['2024'], ['2023', '2022']], el: [['2024']] },
    };
    expect(parseSearchBundles(json)).toEqual(json);
    expect(() => parseSearchBundles({ languages: { en: '2024' }, steps: { en: [['2024']] } })).toThrow(
      /pagefind\/bundles\.json .*rebuild the site with `npm run build`/,
    );
    expect(() => parseSearchBundles(null)).toThrow(/npm run build/);
    // A bundles.json from before steps.
    expect(() => parseSearchBundles({ languages: { en: ['2024'] } })).toThrow(/pagefind\/bundles\.json/);
    // Steps that lose, repeat, reorder a bundle, hold an empty step or miss a language.
    for (const steps of [
      { en: [['2024'], ['2023']], el: [['2024']] },
      {
        en: [
          ['2024', '2023'],
          ['2023', '2022'],
        ],
        el: [['2024']],
      },
      { en: [['2023', '2024'], ['2022']], el: [['2024']] },
      { en: [['2024', '2023', '2022'], []], el: [['2024']] },
      { en: [['2024', '2023', '2022']] },
      { en: [['2024', '2023', '2022']], el: [[2024]] },
    ])
      expect(() => parseSearchBundles({ languages: json.languages, steps })).toThrow(/pagefind\/bundles\.json/);
  });
});

describe('searchSteps', () => {
  const sizes = (...pages: number[]) => pages.map((count, index) => ({ bundle: `b${index}`, pages: count }));

  it('groups consecutive bundles, newest first, into steps of at most the limit', () => {
    expect(searchSteps(sizes(4000, 4000, 4000, 4000, 4000), 10_000)).toEqual([['b0', 'b1'], ['b2', 'b3'], ['b4']]);
    expect(searchSteps(sizes(5000, 5000, 1), 10_000)).toEqual([['b0', 'b1'], ['b2']]);
    expect(searchSteps(sizes(3, 3, 3), 10)).toEqual([['b0', 'b1', 'b2']]);
  });

  it('makes a bundle larger than the limit a step of its own', () => {
    expect(searchSteps(sizes(3, 25, 3, 3), 10)).toEqual([['b0'], ['b1'], ['b2', 'b3']]);
    expect(searchSteps(sizes(25), 10)).toEqual([['b0']]);
  });

  it('gives a site below the split one step, and no bundles no step', () => {
    expect(searchSteps([{ bundle: 'all', pages: 19_999 }], SEARCH_STEP_PAGES)).toEqual([['all']]);
    expect(searchSteps([], SEARCH_STEP_PAGES)).toEqual([]);
  });
});

describe('reading steps', () => {
  const newest = { options: { filters: {} } };
  const oldest = { options: { filters: {}, sort: { date: 'asc' as const } } };

  it('reads an ascending date sort oldest first, any other search newest first', () => {
    expect(searchesOldestFirst({ options: { filters: {}, sort: { date: 'desc' } } })).toBe(false);
    expect(searchesOldestFirst(oldest)).toBe(true);
    expect(searchesOldestFirst(newest)).toBe(false);
  });

  it('names the days a step covers: from the first day of its oldest bundle to the last of its newest', () => {
    expect(stepSpan(['2026-q4', '2026-q3'])).toEqual({
      first: { year: 2026, month: 7, day: 1 },
      last: { year: 2026, month: 12, day: 31 },
    });
    expect(stepSpan(['2024-q1'])).toEqual({
      first: { year: 2024, month: 1, day: 1 },
      last: { year: 2024, month: 3, day: 31 },
    });
    expect(stepSpan(['2026', '2025'])).toEqual({
      first: { year: 2025, month: 1, day: 1 },
      last: { year: 2026, month: 12, day: 31 },
    });
    // February of a leap year, and a step ending with the undated bundle.
    expect(stepSpan(['2024-q1', UNDATED_BUNDLE]).last).toEqual({ year: 2024, month: 3, day: 31 });
    expect(stepSpan(['2023', UNDATED_BUNDLE]).first).toEqual({ year: 2023, month: 1, day: 1 });
    expect(stepSpan([UNDATED_BUNDLE])).toEqual({});
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
