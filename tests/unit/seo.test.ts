import { describe, expect, it } from 'vitest';
import { type ArticleHeadInput, articlePageHead } from '@/lib/article-head';
import { type ContentDate, parseContentDate } from '@/lib/content-date';
import { isoDateTime } from '@/lib/dates';
import {
  articleSharing,
  canonicalHref,
  openGraphLocale,
  robotsTxt,
  type SharingInput,
  sharedUrl,
  sharingMetaTags,
} from '@/lib/seo';

function date(text: string): ContentDate {
  const parsed = parseContentDate(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

describe('isoDateTime', () => {
  it('starts a date-only value at midnight in the zone, with the offset in force that day', () => {
    expect(isoDateTime(date('2024-04-19'), 'Europe/Athens')).toBe('2024-04-19T00:00:00+03:00');
    expect(isoDateTime(date('2024-01-19'), 'Europe/Athens')).toBe('2024-01-19T00:00:00+02:00');
    expect(isoDateTime(date('2024-01-19'), 'UTC')).toBe('2024-01-19T00:00:00+00:00');
    expect(isoDateTime(date('2024-07-04'), 'America/New_York')).toBe('2024-07-04T00:00:00-04:00');
  });
  it('keeps a date-time as written', () => {
    expect(isoDateTime(date('2024-04-19T09:30:00+05:30'), 'Europe/Athens')).toBe('2024-04-19T09:30:00+05:30');
    expect(isoDateTime(date('2024-04-19T09:30:00Z'), 'Europe/Athens')).toBe('2024-04-19T09:30:00+00:00');
  });
});

const page: SharingInput = {
  siteName: 'Broadsheet',
  title: 'A story',
  description: 'The standfirst.',
  url: 'https://news.example/articles/a/',
  lang: 'en-GB',
  image: undefined,
  article: undefined,
};
const content = (tags: ReturnType<typeof sharingMetaTags>, key: string) =>
  tags.filter((tag) => ('property' in tag ? tag.property : tag.name) === key).map((tag) => tag.content);

describe('sharingMetaTags', () => {
  it('describes any page as a website with a summary card', () => {
    const tags = sharingMetaTags(page);
    expect(content(tags, 'og:type')).toEqual(['website']);
    expect(content(tags, 'og:site_name')).toEqual(['Broadsheet']);
    expect(content(tags, 'og:url')).toEqual(['https://news.example/articles/a/']);
    expect(content(tags, 'og:locale')).toEqual(['en_GB']);
    expect(content(tags, 'twitter:card')).toEqual(['summary']);
    expect(content(tags, 'og:image')).toEqual([]);
  });
  it('describes an article with its times, section, tags and image', () => {
    const tags = sharingMetaTags({
      ...page,
      image: { url: 'https://news.example/_astro/a.jpg', alt: 'A photo' },
      article: {
        publishedTime: '2024-04-19T00:00:00+03:00',
        modifiedTime: '2024-04-20T00:00:00+03:00',
        section: 'NATO',
        tags: ['NATO', 'Ukraine'],
      },
    });
    expect(content(tags, 'og:type')).toEqual(['article']);
    expect(content(tags, 'article:published_time')).toEqual(['2024-04-19T00:00:00+03:00']);
    expect(content(tags, 'article:modified_time')).toEqual(['2024-04-20T00:00:00+03:00']);
    expect(content(tags, 'article:section')).toEqual(['NATO']);
    expect(content(tags, 'article:tag')).toEqual(['NATO', 'Ukraine']);
    expect(content(tags, 'og:image')).toEqual(['https://news.example/_astro/a.jpg']);
    expect(content(tags, 'twitter:card')).toEqual(['summary_large_image']);
    expect(content(tags, 'twitter:image:alt')).toEqual(['A photo']);
  });
  it('writes BCP 47 regions the Open Graph way', () => {
    expect(openGraphLocale('pt-BR')).toBe('pt_BR');
    expect(openGraphLocale('el')).toBe('el');
  });
});

describe('articleSharing', () => {
  it('uses the first tag as section and the date when there is no update', () => {
    expect(
      articleSharing(
        { date: date('2024-04-19'), updated: undefined, tags: [{ label: 'NATO' }, { label: 'EU' }] },
        'Europe/Athens',
      ),
    ).toEqual({
      publishedTime: '2024-04-19T00:00:00+03:00',
      modifiedTime: '2024-04-19T00:00:00+03:00',
      section: 'NATO',
      tags: ['NATO', 'EU'],
    });
    expect(articleSharing({ date: date('2024-04-19'), updated: undefined, tags: [] }, 'UTC').section).toBeUndefined();
  });
});

describe('canonicalHref', () => {
  const selfUrl = 'https://news.example/articles/a/';
  it('names the original when the page gives one', () => {
    expect(canonicalHref({ robots: undefined, canonical: 'https://outlet.example/a', selfUrl })).toBe(
      'https://outlet.example/a',
    );
  });
  it('is the page itself otherwise', () => {
    expect(canonicalHref({ robots: undefined, canonical: undefined, selfUrl })).toBe(selfUrl);
  });
  it('is left out on a noindex page', () => {
    expect(canonicalHref({ robots: 'noindex', canonical: undefined, selfUrl })).toBeUndefined();
    expect(canonicalHref({ robots: 'noindex, follow', canonical: undefined, selfUrl })).toBeUndefined();
  });
});

describe('sharedUrl', () => {
  const selfUrl = 'https://news.example/articles/a/';
  it('is the canonical address when there is one', () => {
    expect(sharedUrl({ canonical: 'https://outlet.example/a', selfUrl, isArticle: true })).toBe(
      'https://outlet.example/a',
    );
  });
  it('is the page itself on a noindex article, and nothing on another noindex page such as the 404 page', () => {
    expect(sharedUrl({ canonical: undefined, selfUrl, isArticle: true })).toBe(selfUrl);
    expect(sharedUrl({ canonical: undefined, selfUrl: 'https://news.example/404/', isArticle: false })).toBeUndefined();
  });
  it('leaves og:url out when there is none', () => {
    expect(
      sharingMetaTags({ ...page, url: undefined }).some((tag) => 'property' in tag && tag.property === 'og:url'),
    ).toBe(false);
  });
});

describe('robotsTxt', () => {
  it('allows crawling and names the sitemap', () => {
    expect(robotsTxt('https://news.example/news/sitemap-index.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://news.example/news/sitemap-index.xml\n',
    );
  });
});

describe('articlePageHead', () => {
  const article = (indexing: 'noindex' | 'canonical' | 'index', sourceUrl?: string): ArticleHeadInput => ({
    id: '2024/04/story',
    title: 'A story',
    summary: 'The standfirst.',
    date: date('2024-04-19'),
    updated: undefined,
    authors: [],
    source: { id: 'athens-news', name: 'Athens News', url: 'https://www.athensnews.gr/', indexing },
    sourceUrl,
    tags: [{ label: 'NATO' }],
    lang: 'en',
    image: { alt: 'A photo' },
  });
  const context = {
    siteUrl: 'https://news.example',
    base: '/news/',
    siteTitle: 'Broadsheet',
    timeZone: 'Europe/Athens',
  };

  it('follows the source’s indexing policy', () => {
    expect(articlePageHead(article('noindex', 'https://www.athensnews.gr/1'), undefined, context)).toMatchObject({
      robots: 'noindex',
      canonical: undefined,
    });
    expect(articlePageHead(article('canonical', 'https://www.athensnews.gr/1'), undefined, context)).toMatchObject({
      robots: undefined,
      canonical: 'https://www.athensnews.gr/1',
    });
    expect(articlePageHead(article('index'), undefined, context)).toMatchObject({
      robots: undefined,
      canonical: undefined,
    });
  });
  it('links the source’s feeds and carries the image, sharing facts and JSON-LD of the page', () => {
    const head = articlePageHead(article('index'), 'https://news.example/_astro/a.jpg', context);
    expect(head.feeds.map((feed) => feed.href)).toEqual([
      '/news/sources/athens-news/rss.xml',
      '/news/sources/athens-news/atom.xml',
      '/news/sources/athens-news/feed.json',
    ]);
    expect(head.image).toEqual({ url: 'https://news.example/_astro/a.jpg', alt: 'A photo' });
    expect(head.article.publishedTime).toBe('2024-04-19T00:00:00+03:00');
    expect(head.jsonLd).toMatchObject({
      url: 'https://news.example/news/articles/2024/04/story/',
      image: ['https://news.example/_astro/a.jpg'],
    });
    expect(head.jsonLd['publisher']).toMatchObject({ url: 'https://news.example/news/' });
  });
});
