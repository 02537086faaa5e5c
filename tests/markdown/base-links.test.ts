import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { createMarkdownOptions } from '@/lib/markdown/pipeline';
import { articleFile, contentDir, renderHtml } from './helpers';

const underNews = createMarkdownProcessor({
  ...createMarkdownOptions({ contentDir, base: '/news/' }),
  syntaxHighlight: false,
});

async function renderUnderNews(markdown: string, file: string | null = articleFile): Promise<string> {
  const { render } = await underNews;
  const rendered =
    file === null
      ? await render(markdown)
      : await render(markdown, { fileURL: pathToFileURL(path.join(contentDir, file)) });
  return rendered.code;
}

describe('links between articles under a base path', () => {
  it('puts root-relative links under the base, keeping query and fragment', async () => {
    expect(await renderUnderNews('[a](/articles/2024/04/other/) [b](/tags/nato/?x=1#top) [home](/)')).toBe(
      '<p><a href="/news/articles/2024/04/other/">a</a> <a href="/news/tags/nato/?x=1#top">b</a> <a href="/news/">home</a></p>',
    );
  });

  it('rebases root-relative links in inline HTML too', async () => {
    expect(await renderUnderNews('<a href="/sources/athens-news/">Athens News</a>')).toBe(
      '<p><a href="/news/sources/athens-news/">Athens News</a></p>',
    );
  });

  it('leaves relative, fragment, external and protocol-relative links alone', async () => {
    expect(await renderUnderNews('[r](../other/) [f](#part) [e](https://x.example/a) [p](//cdn.example/x)')).toBe(
      '<p><a href="../other/">r</a> <a href="#part">f</a> <a href="https://x.example/a" rel="noopener noreferrer">e</a> ' +
        '<a href="//cdn.example/x" rel="noopener noreferrer">p</a></p>',
    );
  });

  it('turns a relative link to another article file into that article page, with the base', async () => {
    expect(
      await renderUnderNews('[same folder](other.md) [up](../03/Old%20Story.md#quote) [root](../../2023/a.md)'),
    ).toBe(
      '<p><a href="/news/articles/2024/04/other/">same folder</a> <a href="/news/articles/2024/03/old-story/#user-content-quote">up</a> ' +
        '<a href="/news/articles/2023/a/">root</a></p>',
    );
  });

  it('leaves a .md link alone when it leads outside the articles folder or the Markdown has no file', async () => {
    expect(await renderUnderNews('[x](../../../sources/notes.md)')).toBe(
      '<p><a href="../../../sources/notes.md">x</a></p>',
    );
    expect(await renderUnderNews('[x](other.md)', null)).toBe('<p><a href="other.md">x</a></p>');
  });

  it('gives fragments of links to other articles the user-content- prefix their ids carry', async () => {
    expect(
      await renderUnderNews(
        '[a](/articles/2024/04/other/#the-quote) [b](../03/old/#user-content-fn-1) [c](other.md#top) [d](/tags/nato/#x)',
      ),
    ).toBe(
      '<p><a href="/news/articles/2024/04/other/#user-content-the-quote">a</a> <a href="../03/old/#user-content-fn-1">b</a> ' +
        '<a href="/news/articles/2024/04/other/#top">c</a> <a href="/news/tags/nato/#x">d</a></p>',
    );
  });

  it('leaves fragments of links to this same article to the fragment-link step', async () => {
    expect(await renderUnderNews('## Part\n\n[x](../story/#main) [y](#part)')).toBe(
      '<h2 id="user-content-part">Part</h2>\n<p><a href="../story/#main">x</a> <a href="#user-content-part">y</a></p>',
    );
  });

  it('keeps root-relative links as written when the site is at the domain root', async () => {
    expect(await renderHtml('[a](/articles/x/) [b](other.md)')).toBe(
      '<p><a href="/articles/x/">a</a> <a href="/articles/2024/04/other/">b</a></p>',
    );
  });

  it('still drops a javascript: link after rebasing (sanitize runs first)', async () => {
    expect(await renderUnderNews('[x](javascript:alert(1)) <a href="/\\evil.example/">y</a>')).toBe(
      '<p><a>x</a> <a href="/\\evil.example/">y</a></p>',
    );
  });
});
