import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { ARTICLE_TEXT_KEY, articleText } from '@/lib/article-text';
import { excerptFromHtml } from '@/lib/excerpt';
import { createMarkdownOptions } from '@/lib/markdown/pipeline';
import { searchableLead } from '@/lib/search/search-text';
import { contentDir, renderMarkdown } from './helpers';

// The pipeline stores each body's summary excerpt and search lead with the rendered entry; pages read them from there
// instead of parsing the HTML. They must be what reading the HTML gives.

const bodies = {
  'a lead quote and inline markup': '> A *quoted* lead, with "quotes".\n\nThen the **story** goes on & on.',
  'a heading, an empty paragraph and a list first':
    '## Heading\n\n<p></p>\n\n- one\n- two\n\nThe first real paragraph.',
  'raw HTML that sanitize strips':
    '<script>alert(1)</script><div><p>Inside a wrapper <img src=x onerror=alert(1)>.</p></div>\n\nAfter.',
  'no paragraph at all': '- only\n- a list',
  'a long body': Array.from(
    { length: 30 },
    (_, index) => `Paragraph ${index} has ${'several words in it '.repeat(3)}today.`,
  ).join('\n\n'),
};

describe('article text stored by the pipeline', () => {
  for (const [name, markdown] of Object.entries(bodies)) {
    it(`matches what the rendered HTML gives: ${name}`, async () => {
      const { code, metadata } = await renderMarkdown(markdown);
      const stored = metadata.frontmatter[ARTICLE_TEXT_KEY];
      expect(stored).toEqual({ excerpt: excerptFromHtml(code), searchLead: searchableLead(code) });
      expect(articleText({ html: code, metadata })).toEqual(stored);
    });
  }

  it('does not change the front matter object it is given (Astro passes the entry data itself)', async () => {
    const { render } = await createMarkdownProcessor({
      ...createMarkdownOptions({ contentDir }),
      syntaxHighlight: false,
    });
    const data = { title: 'A headline' };
    const { metadata } = await render('Body text.', { frontmatter: data });
    expect(data).toEqual({ title: 'A headline' });
    expect(metadata.frontmatter).toMatchObject({ title: 'A headline', [ARTICLE_TEXT_KEY]: { excerpt: 'Body text.' } });
  });

  it('falls back to reading the HTML for an entry rendered without the pipeline', () => {
    expect(articleText({ html: '<p>From the HTML.</p>' })).toEqual({
      excerpt: 'From the HTML.',
      searchLead: 'From the HTML.',
    });
    expect(
      articleText({ html: '<p>x</p>', metadata: { frontmatter: { [ARTICLE_TEXT_KEY]: { excerpt: 1 } } } }).excerpt,
    ).toBe('x');
  });
});
