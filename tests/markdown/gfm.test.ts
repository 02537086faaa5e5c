import { describe, expect, it } from 'vitest';
import { assertIdsAndFragmentLinks, assertSafe, elementsByTag, renderHtml } from './helpers';

describe('GFM output survives sanitizing', () => {
  it('links footnote references to their notes and back, with one id prefix', async () => {
    const html = await renderHtml('Claim[^1] and another[^source].\n\n[^1]: First note.\n[^source]: Second note.');
    expect(html).toContain(
      '<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="user-content-footnote-label">1</a>',
    );
    expect(html).toContain('<li id="user-content-fn-source">');
    expect(html).toContain('<a href="#user-content-fnref-source" data-footnote-backref=""');
    expect(html).toContain('<h2 class="sr-only" id="user-content-footnote-label">Footnotes</h2>');
    expect(html).toContain('<section data-footnotes="" class="footnotes">');
    expect(html).not.toContain('user-content-user-content-');
    assertIdsAndFragmentLinks(html);
    assertSafe(html);
  });

  it('keeps a footnote referenced twice reachable from both places', async () => {
    const html = await renderHtml('One[^n] two[^n].\n\n[^n]: Shared.');
    expect(html).toContain('id="user-content-fnref-n-2"');
    expect(html).toContain('href="#user-content-fnref-n-2"');
    assertIdsAndFragmentLinks(html);
  });

  it('renders a table with column alignment', async () => {
    const html = await renderHtml('| Left | Centre | Right |\n|:-----|:------:|------:|\n| a | b | c |');
    const alignments = elementsByTag(html, 'th').map((cell) => cell.properties['align']);
    expect(alignments).toEqual(['left', 'center', 'right']);
    expect(elementsByTag(html, 'td').map((cell) => cell.properties['align'])).toEqual(['left', 'center', 'right']);
    expect(html).toContain('<td align="right">c</td>');
  });

  it('keeps task-list checkboxes, disabled, with their checked state, in tight and loose lists', async () => {
    const tight = await renderHtml('- [x] done\n- [ ] to do');
    expect(tight).toBe(
      '<ul class="contains-task-list">\n' +
        '<li class="task-list-item"><input type="checkbox" checked disabled> done</li>\n' +
        '<li class="task-list-item"><input type="checkbox" disabled> to do</li>\n' +
        '</ul>',
    );
    const loose = await renderHtml('- [ ] first\n\n- [x] second');
    expect(loose).toContain('<p><input type="checkbox" disabled> first</p>');
    expect(loose).toContain('<p><input type="checkbox" checked disabled> second</p>');
    assertSafe(tight);
    assertSafe(loose);
  });

  it('removes inputs written in raw HTML', async () => {
    const html = await renderHtml(
      '<p><input type="text" value="x" autofocus onfocus="alert(1)"> <input type="checkbox" disabled> <input type="image" src="https://x.example/a.png"></p>',
    );
    expect(elementsByTag(html, 'input')).toEqual([]);
  });

  it('gives a raw HTML item shaped like a task the same disabled checkbox GFM would, and nothing of its own', async () => {
    const html = await renderHtml(
      '<ul><li class="task-list-item"><input type="checkbox" checked name="x" onclick="alert(1)">fake</li></ul>',
    );
    expect(html).toBe('<ul><li class="task-list-item"><input type="checkbox" checked disabled>fake</li></ul>');
    assertSafe(html);
  });

  it('renders strikethrough and literal autolinks', async () => {
    const html = await renderHtml(
      '~~gone~~ see https://example.com/page and www.example.org, or mail news@example.com',
    );
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<a href="https://example.com/page" rel="noopener noreferrer">https://example.com/page</a>');
    expect(html).toContain('<a href="http://www.example.org" rel="noopener noreferrer">www.example.org</a>');
    expect(html).toContain('<a href="mailto:news@example.com">news@example.com</a>');
  });

  it('keeps code blocks as plain, unhighlighted code', async () => {
    const html = await renderHtml('```js\nconst a = "<b>";\n```');
    expect(html).toBe('<pre><code class="language-js">const a = "&#x3C;b>";\n</code></pre>');
  });
});
