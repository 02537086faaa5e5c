import { describe, expect, it } from 'vitest';
import { interfaceLanguage } from '@/lib/i18n';
import {
  articleCount,
  countryName,
  coveredByText,
  formatNameList,
  joinListParts,
  moreOutlets,
  reportCount,
} from '@/lib/locale-text';

const english = interfaceLanguage('en-GB');
const greek = interfaceLanguage('el');
const arabic = interfaceLanguage('ar');

describe('countryName', () => {
  it('names a country in the locale', () => {
    expect(countryName('GR', 'en-GB')).toBe('Greece');
    expect(countryName('GB', 'en-GB')).toBe('United Kingdom');
    expect(countryName('GR', 'el')).toBe('Ελλάδα');
  });

  it('accepts a lower-case code', () => {
    expect(countryName('de', 'en-GB')).toBe('Germany');
  });
});

describe('formatNameList', () => {
  it('joins names as a sentence does', () => {
    expect(formatNameList(['A'], 'en-GB')).toBe('A');
    expect(formatNameList(['A', 'B'], 'en-GB')).toBe('A and B');
    expect(formatNameList(['A', 'B', 'C'], 'en-GB')).toBe('A, B and C');
  });
});

describe('joinListParts', () => {
  it('interleaves the items with the joining words', () => {
    const a = { name: 'A' };
    const b = { name: 'B' };
    const c = { name: 'C' };
    expect(joinListParts([a, b, c], 'en-GB')).toEqual([
      { item: a },
      { text: ', ' },
      { item: b },
      { text: ' and ' },
      { item: c },
    ]);
    expect(joinListParts([a], 'en-GB')).toEqual([{ item: a }]);
    expect(joinListParts([], 'en-GB')).toEqual([]);
  });

  it('keeps items that look like numbers apart from the placeholders', () => {
    expect(joinListParts(['1', '0'], 'en-GB')).toEqual([{ item: '1' }, { text: ' and ' }, { item: '0' }]);
  });
});

describe('articleCount', () => {
  it('uses the singular for one and groups digits', () => {
    expect(articleCount(0, english)).toBe('0 articles');
    expect(articleCount(1, english)).toBe('1 article');
    expect(articleCount(1204, english)).toBe('1,204 articles');
  });

  it('counts in Greek with its digit grouping', () => {
    expect(articleCount(1, greek)).toBe('1 άρθρο');
    expect(articleCount(12_040, greek)).toBe('12.040 άρθρα');
  });

  it('counts in Arabic in each of its six plural categories, with Latin digits', () => {
    expect([0, 1, 2, 3, 11, 100].map((count) => articleCount(count, arabic))).toEqual([
      'لا مقالات',
      'مقال واحد',
      'مقالان',
      '3 مقالات',
      '11 مقالًا',
      '100 مقال',
    ]);
  });
});

describe('story counts', () => {
  it('says how many reports and how many more outlets', () => {
    expect(reportCount(3, english)).toBe('3 reports');
    expect(moreOutlets(1, english)).toBe('+1 more outlet');
    expect(moreOutlets(3, english)).toBe('+3 more outlets');
    expect(moreOutlets(2, arabic)).toBe('+مصدران آخران');
  });

  it('names up to three outlets, then two and how many more', () => {
    expect(coveredByText(['A', 'B', 'C'], english)).toBe('A, B and C');
    expect(coveredByText(['A', 'B', 'C', 'D'], english)).toBe('A, B and 2 more');
    expect(coveredByText(['A', 'B', 'C', 'D', 'E'], greek)).toBe('A, B και 3 ακόμη');
  });
});
