import { describe, expect, it } from 'vitest';
import { type ContentDate, parseContentDate } from '@/lib/content-date';
import { type NewsArticleInput, newsArticleJsonLd, serializeJsonLd } from '@/lib/json-ld';

function date(text: string): ContentDate {
  const parsed = parseContentDate(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

const input: NewsArticleInput = {
  title: 'Rasmussen: "NATO members may send troops"',
  summary: 'The standfirst.',
  date: date('2024-04-19'),
  updated: undefined,
  authors: [],
  source: { name: 'Athens News', url: 'https://www.athensnews.gr/' },
  sourceUrl: 'https://www.athensnews.gr/story/1',
  tags: [{ label: 'NATO' }, { label: 'Ukraine' }],
  lang: 'en',
  imageUrl: undefined,
  url: 'https://news.example/articles/2024/04/story/',
};
const publisher = { name: 'Broadsheet', url: 'https://news.example/' };

describe('serializeJsonLd', () => {
  const hostile = { headline: '</script><script>alert(1)</script><!-- & \u2028\u2029 >' };

  it('leaves no character that could end the script or start a comment', () => {
    const text = serializeJsonLd(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
  });
  it('parses back to the same data', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
  });
});

describe('newsArticleJsonLd', () => {
  it('describes the copy: headline, dates with offsets, language, this site as publisher', () => {
    const data = newsArticleJsonLd(input, publisher, 'Europe/Athens');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: input.title,
      url: input.url,
      datePublished: '2024-04-19T00:00:00+03:00',
      dateModified: '2024-04-19T00:00:00+03:00',
      inLanguage: 'en',
      keywords: ['NATO', 'Ukraine'],
      publisher: { '@type': 'Organization', name: 'Broadsheet', url: 'https://news.example/' },
    });
    expect(data['image']).toBeUndefined();
  });
  it('is based on the original, published by the outlet', () => {
    expect(newsArticleJsonLd(input, publisher, 'Europe/Athens')['isBasedOn']).toEqual({
      '@type': 'NewsArticle',
      url: 'https://www.athensnews.gr/story/1',
      headline: input.title,
      datePublished: '2024-04-19T00:00:00+03:00',
      publisher: { '@type': 'Organization', name: 'Athens News', url: 'https://www.athensnews.gr/' },
    });
  });
  it('leaves the original’s url out when it is unknown, but still names its publisher', () => {
    const basedOn = newsArticleJsonLd({ ...input, sourceUrl: undefined }, publisher, 'Europe/Athens')[
      'isBasedOn'
    ] as Record<string, unknown>;
    expect(basedOn['url']).toBeUndefined();
    expect(basedOn['publisher']).toMatchObject({ name: 'Athens News' });
  });
  it('names the byline as people, or the outlet when there is none', () => {
    expect(newsArticleJsonLd({ ...input, authors: ['Jane Roe', 'John Doe'] }, publisher, 'UTC')['author']).toEqual([
      { '@type': 'Person', name: 'Jane Roe' },
      { '@type': 'Person', name: 'John Doe' },
    ]);
    expect(newsArticleJsonLd(input, publisher, 'UTC')['author']).toEqual([
      { '@type': 'Organization', name: 'Athens News', url: 'https://www.athensnews.gr/' },
    ]);
  });
  it('carries the update time and the image', () => {
    const data = newsArticleJsonLd(
      {
        ...input,
        date: date('2024-01-10T08:00:00Z'),
        updated: date('2024-01-11'),
        imageUrl: 'https://news.example/_astro/a.jpg',
      },
      publisher,
      'Europe/Athens',
    );
    expect(data['datePublished']).toBe('2024-01-10T08:00:00+00:00');
    expect(data['dateModified']).toBe('2024-01-11T00:00:00+02:00');
    expect(data['image']).toEqual(['https://news.example/_astro/a.jpg']);
  });
});
