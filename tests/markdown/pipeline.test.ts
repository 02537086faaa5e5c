import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { describe, expect, it } from 'vitest';
import { createMarkdownOptions } from '@/lib/markdown/pipeline';
import { articleSanitizeSchema } from '@/lib/markdown/sanitize-schema';
import { contentDir, renderHtml } from './helpers';

describe('createMarkdownOptions', () => {
  it('refuses a relative content folder', () => {
    expect(() => createMarkdownOptions({ contentDir: 'content' })).toThrow(/contentDir must be an absolute path/);
  });

  it('parses raw HTML first, sanitizes it, and only then runs trusted plugins', () => {
    const { rehypePlugins, remarkRehype, remarkPlugins, smartypants } = createMarkdownOptions({ contentDir });
    const plugins = rehypePlugins.map((entry) => (Array.isArray(entry) ? entry[0] : entry));
    expect(plugins[0]).toBe(rehypeRaw);
    const sanitizeAt = plugins.indexOf(rehypeSanitize);
    expect(sanitizeAt).toBeGreaterThan(0);
    expect(rehypePlugins[sanitizeAt]).toEqual([rehypeSanitize, articleSanitizeSchema]);
    expect(
      plugins.slice(sanitizeAt + 1).map((plugin) => (typeof plugin === 'function' ? plugin.name : plugin)),
    ).toEqual([
      'rehypeRestoreTaskCheckboxes',
      'rehypeFragmentLinks',
      'rehypeBaseLinks',
      'rehypeExternalLinks',
      'rehypeArticleText',
    ]);
    expect(remarkRehype).toEqual({ clobberPrefix: '' });
    // Broadsheet's SmartyPants replaces Astro's, in its place: first after GFM.
    expect(smartypants).toBe(false);
    const remarkNames = remarkPlugins.map((entry) => {
      const plugin = Array.isArray(entry) ? entry[0] : entry;
      return typeof plugin === 'function' ? plugin.name : plugin;
    });
    expect(remarkNames).toEqual(['remarkSmartypants', 'remarkImagePolicy']);
  });

  it('keeps harmless inline HTML', async () => {
    expect(await renderHtml('Press <kbd>Ctrl</kbd>, <b>bold</b>, H<sub>2</sub>O, <del>old</del> <ins>new</ins>.')).toBe(
      '<p>Press <kbd>Ctrl</kbd>, <b>bold</b>, H<sub>2</sub>O, <del>old</del> <ins>new</ins>.</p>',
    );
    expect(await renderHtml('<details><summary>More</summary>\n\nHidden *text*.\n\n</details>')).toBe(
      '<details><summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>',
    );
  });

  it('needs rehype-raw before sanitize: without it, sanitize drops every inline HTML tag', async () => {
    const { render } = await createMarkdownProcessor({
      syntaxHighlight: false,
      rehypePlugins: [[rehypeSanitize, articleSanitizeSchema]],
    });
    expect((await render('Press <kbd>Ctrl</kbd>.')).code).toBe('<p>Press Ctrl.</p>');
  });
});
