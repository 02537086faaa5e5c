import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ArticleCard from '@/components/ArticleCard.astro';
import type { Article } from '@/lib/content';
import { makeArticle } from './fixtures';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

function render(article: Article): Promise<string> {
  return container.renderToString(ArticleCard, { props: { article } });
}

describe('ArticleCard', () => {
  it('links the headline to the article and the source name to the source', async () => {
    const html = await render(makeArticle());
    expect(html).toMatch(/<h3 lang="en"[^>]*><a href="\/articles\/2024\/04\/rasmussen\/"[^>]*>Rasmussen: &quot;NATO/);
    expect(html).toMatch(/<a href="\/sources\/athens-news\/"[^>]*><bdi[^>]*>Athens News<\/bdi><\/a>/);
    expect(html).toMatch(/<time datetime="2024-04-19"[^>]*>19 April 2024<\/time>/);
  });

  it('keeps a space-separated dot between source and date, hidden from screen readers', async () => {
    expect(await render(makeArticle())).toMatch(/<span aria-hidden="true"[^>]*> · <\/span>/);
  });

  it('shows the summary when there is one', async () => {
    expect(await render(makeArticle())).toMatch(/<p class="summary" lang="en"[^>]*>Former NATO/);
    expect(await render(makeArticle({ summary: '' }))).not.toContain('class="summary"');
  });

  it('lists the tags as links to their pages, and no list without tags', async () => {
    const html = await render(makeArticle());
    expect(html).toMatch(/<a href="\/tags\/nato\/" rel="tag"[^>]*>NATO<\/a>/);
    expect(html).toMatch(/<a href="\/tags\/ukraine\/" rel="tag"[^>]*>Ukraine<\/a>/);
    expect(await render(makeArticle({ tags: [] }))).not.toContain('<ul');
  });

  it('escapes markup in the title and summary', async () => {
    const html = await render(makeArticle({ title: '<script>alert(1)</script>', summary: '<b>bold</b> & more' }));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; more');
  });
});
