import { describe, expect, it } from 'vitest';
import type { Topic } from '@/lib/content';
import { searchFacets } from '@/lib/search/search-facets';
import { searchFields } from '@/lib/search/search-fields';
import { makeArticle, makeSource } from '../components/fixtures';

const athens = { timeZone: 'Europe/Athens', locale: 'en-GB' };

describe('searchFields', () => {
  it('gives the headline, source name and date as meta, and the source id and topic slugs as filters', () => {
    const fields = searchFields(makeArticle(), athens);
    expect(fields.meta).toEqual([
      { name: 'title', value: 'Rasmussen: "NATO members may send troops to Ukraine"' },
      { name: 'source', value: 'Athens News' },
      { name: 'date', value: '19 April 2024' },
      { name: 'datetime', value: '2024-04-19' },
    ]);
    expect(fields.filters).toEqual([
      { name: 'source', value: 'athens-news' },
      { name: 'tag', value: 'nato' },
      { name: 'tag', value: 'ukraine' },
    ]);
  });
  it('sorts by the instant of publication: a date-only day starts at midnight in the site zone', () => {
    expect(searchFields(makeArticle(), athens).sort).toEqual([{ name: 'date', value: '2024-04-18T21:00:00.000Z' }]);
    const timed = makeArticle({ date: { iso: '2024-04-19T09:30:00+03:00', dateOnly: false } });
    expect(searchFields(timed, athens).sort).toEqual([{ name: 'date', value: '2024-04-19T06:30:00.000Z' }]);
  });
  it('gives sort keys whose text order is time order, across offsets', () => {
    const dates = ['2024-04-19T23:30:00-05:00', '2024-04-20T06:00:00+03:00', '2024-04-20', '2023-12-31T23:59:59+00:00'];
    const keys = dates.map(
      (iso) => searchFields(makeArticle({ date: { iso, dateOnly: iso.length === 10 } }), athens).sort[0]?.value ?? '',
    );
    const byText = [...keys].sort();
    const byTime = [...keys].sort((a, b) => Date.parse(a) - Date.parse(b));
    expect(byText).toEqual(byTime);
  });
  it('gives an article without topics no tag filter', () => {
    expect(searchFields(makeArticle({ tags: [] }), athens).filters).toEqual([{ name: 'source', value: 'athens-news' }]);
  });
});

describe('searchFacets', () => {
  it('offers sources that have articles, and every topic, in the order given', () => {
    const guardian = makeSource({ id: 'the-guardian', name: 'The Guardian' });
    const topic = (slug: string, label: string): Topic => ({ slug, label, articles: [makeArticle()] });
    const facets = searchFacets(
      [
        { source: makeSource(), count: 3 },
        { source: guardian, count: 0 },
      ],
      [topic('nato', 'NATO'), topic('ukraine', 'Ukraine')],
    );
    expect(facets).toEqual({
      sources: [{ value: 'athens-news', label: 'Athens News' }],
      tags: [
        { value: 'nato', label: 'NATO' },
        { value: 'ukraine', label: 'Ukraine' },
      ],
    });
  });
});
