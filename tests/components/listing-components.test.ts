import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ArticleList from '@/components/ArticleList.astro';
import ArticleNeighbours from '@/components/ArticleNeighbours.astro';
import MoreFromSource from '@/components/MoreFromSource.astro';
import SourceHeader from '@/components/SourceHeader.astro';
import TagList from '@/components/TagList.astro';
import type { PageLinks } from '@/lib/listing';
import { makeArticle, makeSource } from './fixtures';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const onePage: PageLinks = { current: undefined, newer: undefined, older: undefined };

describe('ArticleList', () => {
  it('groups articles under day headings in the site zone, newest first as given', async () => {
    const articles = [
      // 23:30 UTC on the 19th is already the 20th in Athens.
      makeArticle({ id: 'late', title: 'Late', date: { iso: '2024-04-19T23:30:00+00:00', dateOnly: false } }),
      makeArticle({ id: 'a', title: 'A', date: { iso: '2024-04-19', dateOnly: true } }),
      makeArticle({ id: 'b', title: 'B', date: { iso: '2024-04-19', dateOnly: true } }),
    ];
    const html = await container.renderToString(ArticleList, { props: { articles, links: onePage } });
    // Each day heading links to that day's archive page.
    const headings = [
      ...html.matchAll(/<h2[^>]*><a href="([^"]+)"[^>]*><time datetime="([^"]+)"[^>]*>([^<]+)<\/time><\/a><\/h2>/g),
    ].map((m) => [m[1], m[2], m[3]]);
    expect(headings).toEqual([
      ['/archive/2024/04/20/', '2024-04-20', 'Saturday, 20 April 2024'],
      ['/archive/2024/04/19/', '2024-04-19', 'Friday, 19 April 2024'],
    ]);
    expect(html.indexOf('>A<')).toBeLessThan(html.indexOf('>B<'));
    expect(html).not.toContain('aria-label="Pages"');
  });

  it("leaves the day heading unlinked on the day's own page", async () => {
    const html = await container.renderToString(ArticleList, {
      props: { articles: [makeArticle()], links: onePage, linkDays: false },
    });
    expect(html).toMatch(/<h2[^>]*><time datetime="2024-04-19"[^>]*>Friday, 19 April 2024<\/time><\/h2>/);
    expect(html).not.toContain('/archive/');
  });

  it('says so when there are no articles, and still shows pagination when given several pages', async () => {
    const html = await container.renderToString(ArticleList, {
      props: { articles: [], links: { current: 1, newer: '/', older: undefined }, empty: 'Nothing here.' },
    });
    expect(html).toContain('Nothing here.');
    expect(html).toContain('Page 1<');
  });
});

describe('TagList', () => {
  it('renders nothing without tags', async () => {
    expect((await container.renderToString(TagList, { props: { tags: [] } })).trim()).toBe('');
  });

  it('names the list and links each tag', async () => {
    const html = await container.renderToString(TagList, {
      props: { tags: [{ slug: 'climate-change', label: 'Climate change' }] },
    });
    expect(html).toContain('aria-label="Topics"');
    expect(html).toMatch(/<a href="\/tags\/climate-change\/" rel="tag"[^>]*>Climate change<\/a>/);
  });
});

describe('ArticleNeighbours', () => {
  it('renders nothing without neighbours', async () => {
    expect((await container.renderToString(ArticleNeighbours, { props: {} })).trim()).toBe('');
  });

  it('links newer as prev and older as next', async () => {
    const html = await container.renderToString(ArticleNeighbours, {
      props: {
        newer: makeArticle({ id: 'n', title: 'Newer one' }),
        older: makeArticle({ id: 'o', title: 'Older one', lang: 'el' }),
      },
    });
    expect(html).toMatch(/<a href="\/articles\/n\/" rel="prev"[^>]*>.*Newer one/);
    expect(html).toMatch(/<a class="older" href="\/articles\/o\/" rel="next"[^>]*>.*<span lang="el"[^>]*>Older one/);
  });

  it('shows only the side that exists', async () => {
    const html = await container.renderToString(ArticleNeighbours, { props: { older: makeArticle({ id: 'o' }) } });
    expect(html).not.toContain('rel="prev"');
    expect(html).toContain('rel="next"');
  });
});

describe('MoreFromSource', () => {
  it('renders nothing when the source has no other articles', async () => {
    const html = await container.renderToString(MoreFromSource, { props: { source: makeSource(), articles: [] } });
    expect(html.trim()).toBe('');
  });

  it('lists the articles with their dates under a heading linking to the source', async () => {
    const html = await container.renderToString(MoreFromSource, {
      props: { source: makeSource(), articles: [makeArticle({ id: 'x', title: 'Other story' })] },
    });
    expect(html).toMatch(/More from <a href="\/sources\/athens-news\/"[^>]*><bdi[^>]*>Athens News<\/bdi><\/a>/);
    expect(html).toMatch(/<a href="\/articles\/x\/" lang="en"[^>]*>Other story<\/a> <time/);
  });
});

describe('SourceHeader', () => {
  it('shows the name, description, country and an external link to the home page', async () => {
    const html = await container.renderToString(SourceHeader, {
      props: { source: makeSource(), title: 'Athens News' },
    });
    expect(html).toMatch(/<h1[^>]*>Athens News<\/h1>/);
    expect(html).toContain('News in English from Greece');
    expect(html).toContain('Greece · ');
    expect(html).toMatch(
      /<a href="https:\/\/www\.athensnews\.gr\/" rel="noopener noreferrer"[^>]*>athensnews\.gr<\/a>/,
    );
  });

  it('leaves out what the source does not say', async () => {
    const source = makeSource({ description: undefined, country: undefined });
    const html = await container.renderToString(SourceHeader, { props: { source, title: 'Athens News' } });
    expect(html).not.toContain('class="description"');
    expect(html).not.toContain('·');
  });
});
