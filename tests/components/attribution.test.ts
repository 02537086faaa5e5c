import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Attribution from '@/components/Attribution.astro';
import type { Article } from '@/lib/content';
import { makeArticle, makeSource } from './fixtures';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

function render(article: Article): Promise<string> {
  return container.renderToString(Attribution, { props: { article } });
}

/** The text of the HTML with tags removed and spaces collapsed, to assert on what a reader sees. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('Attribution', () => {
  it('credits the source with a link to its page and the date in a <time>', async () => {
    const html = await render(makeArticle());
    expect(text(html)).toContain('Originally published by Athens News on 19 April 2024');
    expect(html).toMatch(/<a href="\/sources\/athens-news\/"[^>]*><bdi[^>]*>Athens News<\/bdi><\/a>/);
    expect(html).toMatch(/<time datetime="2024-04-19"[^>]*>19 April 2024<\/time>/);
  });

  it('shows no byline without authors, and joins several with "and"', async () => {
    expect(text(await render(makeArticle()))).not.toContain('By ');
    expect(text(await render(makeArticle({ authors: ['Ana Pappa'] })))).toContain('By Ana Pappa');
    expect(text(await render(makeArticle({ authors: ['A', 'B'] })))).toContain('By A and B');
    expect(text(await render(makeArticle({ authors: ['A', 'B', 'C'] })))).toContain('By A, B and C');
  });

  it('links "Read the original" to sourceUrl, as an external link', async () => {
    const html = await render(makeArticle({ sourceUrl: 'https://www.athensnews.gr/world/12345/rasmussen/' }));
    expect(html).toMatch(
      /<a class="original" href="https:\/\/www\.athensnews\.gr\/world\/12345\/rasmussen\/" rel="noopener noreferrer"[^>]*>Read the original at athensnews\.gr<\/a>/,
    );
  });

  it("falls back to the source's home page without a sourceUrl", async () => {
    const source = makeSource({ url: 'https://example.org/' });
    const html = await render(makeArticle({ source, sourceUrl: undefined }));
    expect(html).toMatch(
      /href="https:\/\/example\.org\/" rel="noopener noreferrer"[^>]*>Read the original at example\.org</,
    );
  });

  it('shows the update date only when there is one', async () => {
    expect(text(await render(makeArticle()))).not.toContain('Updated');
    const html = await render(makeArticle({ updated: { iso: '2024-04-20T10:00:00+03:00', dateOnly: false } }));
    expect(text(html)).toContain('Updated 20 April 2024, 10:00');
    expect(html).toContain('<time datetime="2024-04-20T10:00:00+03:00"');
  });

  it('credits each via outlet with a link to its source page', async () => {
    expect(text(await render(makeArticle()))).not.toContain('Via');
    const guardian = makeSource({ id: 'the-guardian', name: 'The Guardian', url: 'https://www.theguardian.com/' });
    const bbc = makeSource({ id: 'bbc', name: 'BBC', url: 'https://www.bbc.co.uk/' });
    const one = await render(makeArticle({ via: [guardian] }));
    expect(text(one)).toContain('Via The Guardian');
    expect(one).toMatch(/<a href="\/sources\/the-guardian\/"[^>]*><bdi[^>]*>The Guardian<\/bdi><\/a>/);
    const two = await render(makeArticle({ via: [guardian, bbc] }));
    expect(text(two)).toContain('Via The Guardian and BBC');
    expect(two).toMatch(/<a href="\/sources\/bbc\/"[^>]*><bdi[^>]*>BBC<\/bdi><\/a>/);
  });

  it('is marked in the site language, even for an article in another', async () => {
    expect(await render(makeArticle({ lang: 'el' }))).toMatch(/<div class="attribution ui" lang="en-GB"/);
  });

  it('escapes markup in names', async () => {
    const html = await render(
      makeArticle({
        authors: ['<script>alert(1)</script>'],
        source: makeSource({ name: '<script>alert(2)</script>' }),
        via: [makeSource({ id: 'x', name: '<img src=x onerror=alert(3)>' })],
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toMatch(/By <bdi[^>]*>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/bdi>/);
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });
});
