import { describe, expect, it } from 'vitest';
import { assertIdsAndFragmentLinks, elementsByTag, renderHtml, renderMarkdown } from './helpers';

describe('heading ids and in-page links', () => {
  it('gives a heading a prefixed slug and points a bare #link at it', async () => {
    const html = await renderHtml('## Hello World\n\nSee [above](#hello-world).');
    expect(html).toContain('<h2 id="user-content-hello-world">Hello World</h2>');
    expect(html).toContain('<a href="#user-content-hello-world">above</a>');
    assertIdsAndFragmentLinks(html);
  });

  it('makes duplicate headings unique', async () => {
    const html = await renderHtml('## Update\n\n## Update\n\n### Update\n\n[third](#update-2)');
    expect(elementsByTag(html, 'h2').map((h) => h.properties['id'])).toEqual([
      'user-content-update',
      'user-content-update-1',
    ]);
    expect(elementsByTag(html, 'h3').map((h) => h.properties['id'])).toEqual(['user-content-update-2']);
    expect(html).toContain('<a href="#user-content-update-2">third</a>');
    assertIdsAndFragmentLinks(html);
  });

  it('keeps the id of a raw HTML heading, prefixed once, and links to it', async () => {
    const html = await renderHtml('<h2 id="custom-anchor">Custom</h2>\n\nJump [there](#custom-anchor).');
    expect(html).toContain('<h2 id="user-content-custom-anchor">Custom</h2>');
    expect(html).toContain('<a href="#user-content-custom-anchor">there</a>');
    assertIdsAndFragmentLinks(html);
  });

  it('does not double an author-written user-content- prefix, and leaves links that already use it', async () => {
    const html = await renderHtml('<h2 id="user-content-pre">Pre</h2>\n\n[a](#user-content-pre) [b](#pre)');
    expect(html).toContain('<h2 id="user-content-pre">Pre</h2>');
    expect(html).toContain('<a href="#user-content-pre">a</a> <a href="#user-content-pre">b</a>');
    assertIdsAndFragmentLinks(html);
  });

  it('does not let a Markdown heading take an id a raw heading or a footnote already has', async () => {
    const html = await renderHtml('<h2 id="summary">Raw</h2>\n\n## Summary\n\n## fn-1\n\nNote[^1]\n\n[^1]: Text.');
    expect(elementsByTag(html, 'h2').map((h) => h.properties['id'])).toEqual([
      'user-content-summary',
      'user-content-summary-1',
      'user-content-fn-1-1',
      'user-content-footnote-label',
    ]);
    assertIdsAndFragmentLinks(html);
  });

  it('slugs non-ASCII headings and reaches them from percent-encoded links', async () => {
    const html = await renderHtml('## Café Olé\n\n[go](#café-olé)');
    expect(html).toContain('<h2 id="user-content-café-olé">Café Olé</h2>');
    expect(html).toContain('<a href="#user-content-caf%C3%A9-ol%C3%A9">go</a>');
    assertIdsAndFragmentLinks(html);
  });

  it('gives a heading with no slug-able text an id anyway', async () => {
    const html = await renderHtml('## !!!\n\n## ???');
    expect(elementsByTag(html, 'h2').map((h) => h.properties['id'])).toEqual([
      'user-content-section',
      'user-content-section-1',
    ]);
  });

  it('leaves links to missing anchors alone', async () => {
    const html = await renderHtml('[nowhere](#missing) [top](#)');
    expect(html).toContain('<a href="#missing">nowhere</a> <a href="#">top</a>');
  });

  it('reports the same prefixed slugs in the headings metadata Astro builds a table of contents from', async () => {
    const { metadata } = await renderMarkdown('# Title\n\n## Hello World');
    expect(metadata.headings).toEqual([
      { depth: 1, slug: 'user-content-title', text: 'Title' },
      { depth: 2, slug: 'user-content-hello-world', text: 'Hello World' },
    ]);
  });
});
