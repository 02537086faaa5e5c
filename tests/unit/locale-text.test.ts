import { describe, expect, it } from 'vitest';
import { articleCount, countryName, formatNameList, joinListParts } from '@/lib/locale-text';

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
    expect(articleCount(0, 'en-GB')).toBe('0 articles');
    expect(articleCount(1, 'en-GB')).toBe('1 article');
    expect(articleCount(1204, 'en-GB')).toBe('1,204 articles');
  });
});
